public import Foundation
public import Logging
import Metrics
public import WorkbenchKit
public import WorkbenchPostgres

/// One pass of automatic escalation 自动吹哨 over every open case, at a given instant.
///
/// - A case past its deadline at a level below ``EscalationPolicy/autoEscalationCeiling``
///   goes up one level, its new clock starting at the missed deadline, so a daemon that was
///   down catches up level by level as if it had been running (events carry the time they
///   should have happened).
/// - A case past its deadline at the ceiling or above gets one `overdue` event (a
///   department must be named by a person).
/// - A case past ``EscalationPolicy/warningShare`` of its deadline gets one `warning` event.
///
/// The pass runs in transactions of at most ``batchSize`` cases holding a transaction-level
/// advisory lock: when several daemons share a database, one sweeps and the others skip.
/// It is idempotent: what it does changes the rows it selected (a new deadline, `warned`,
/// `overdue_noted`), so a second pass at the same instant finds nothing.
public struct EscalationSweeper: PeriodicJob {
    /// The actor named in the events the daemon records.
    public static let actor = "dangjiand"
    /// The advisory lock key (`grid.esc` in ASCII).
    public static let lockKey: Int64 = 0x6772_6964_2E65_7363
    /// Cases per transaction.
    public var batchSize = 200

    let policy: EscalationPolicy
    let database: PostgresPool
    let logger: Logger
    /// Escalates with the same clocks as `grid case escalate`.
    private let workflow: CaseWorkflow
    /// How warning notes show a deadline: in the daemon's time zone, as replies do.
    private let encoder: ReplyEncoder

    /// Creates a sweeper.
    ///
    /// - Parameter timeZone: The time zone deadlines count days in.
    public init(policy: EscalationPolicy, database: PostgresPool, timeZone: TimeZone, logger: Logger) {
        self.policy = policy
        self.database = database
        self.logger = logger
        // The sweep moves cases between levels and never changes a status: it needs the
        // workflow's clocks, not its status machine.
        self.workflow = CaseWorkflow(
            machine: StatusMachine(table: "grids.case_transitions", transitions: []), policy: policy, categories: [], timeZone: timeZone
        )
        self.encoder = ReplyEncoder(timeZone: timeZone)
    }

    /// What one pass did.
    public struct Outcome: Sendable, Equatable {
        /// Whether another daemon held the lock, so this one did nothing.
        public var skipped = false
        /// Escalations made (a case caught up over two levels counts twice).
        public var escalated = 0
        /// Overdue events recorded at the ceiling.
        public var overdue = 0
        /// Warning events recorded.
        public var warned = 0
    }

    enum Queries {
        /// Open cases past their deadline that the pass still has to act on: those below the
        /// ceiling (`$3`, the levels it escalates from) and those not yet noted as overdue.
        static let due = PostgresStatement(
            "grids.escalation.due",
            """
            SELECT \(GridCase.columns) FROM grids.cases k JOIN grids.grids g ON g.id = k.grid_id
            WHERE k.due_at <= $1 AND (NOT k.overdue_noted OR k.level = ANY ($3::text[]))
            ORDER BY k.due_at, k.id
            LIMIT $2
            FOR UPDATE OF k SKIP LOCKED
            """
        )
        static let noteOverdue = PostgresStatement(
            "grids.escalation.note_overdue",
            "UPDATE grids.cases SET overdue_noted = true, missed_deadlines = missed_deadlines + 1 WHERE id = $1"
        )
        /// Marks due warnings and returns them, so the events can be written.
        static let warn = PostgresStatement(
            "grids.escalation.warn",
            """
            UPDATE grids.cases k SET warned = true
            FROM (SELECT id FROM grids.cases WHERE warn_at <= $1 AND NOT warned AND due_at > $1
                  ORDER BY warn_at LIMIT $2 FOR UPDATE SKIP LOCKED) w
            WHERE k.id = w.id
            RETURNING k.id, k.warn_at, k.due_at, k.status, k.level
            """
        )
    }

    /// `Escalation`, for the service's log lines.
    public static let name = "Escalation"

    /// Runs one pass at `now` for the ``PeriodicService``, and counts what it did in
    /// `dangjian_grids_escalation_events_total{kind="escalated|overdue|warned"}`.
    public func run(at now: Date) async throws {
        let outcome = try await sweep(at: now)
        for (kind, count) in [("escalated", outcome.escalated), ("overdue", outcome.overdue), ("warned", outcome.warned)] where count > 0 {
            Counter(label: "dangjian_grids_escalation_events_total", dimensions: [("kind", kind)]).increment(by: count)
        }
    }

    /// Runs one pass at `now`.
    public func sweep(at now: Date) async throws -> Outcome {
        var total = Outcome()
        while true {
            guard
                let batch = try await database.withTransaction(
                    tryingAdvisoryLock: Self.lockKey,
                    { session in
                        try await sweepBatch(at: now, in: session)
                    })
            else {
                total.skipped = true
                return total
            }
            total.escalated += batch.escalated
            total.overdue += batch.overdue
            total.warned += batch.warned
            if batch.escalated + batch.overdue + batch.warned == 0 { break }
        }
        if total.escalated + total.overdue + total.warned > 0 {
            logger.info(
                "Escalation pass",
                metadata: ["cases.escalated": "\(total.escalated)", "cases.overdue": "\(total.overdue)", "cases.warned": "\(total.warned)"]
            )
        }
        return total
    }

    private func sweepBatch(at now: Date, in session: PostgresSession) async throws -> Outcome {
        var outcome = Outcome()
        let escalatedFrom = CaseLevel.allCases.filter { $0 < policy.autoEscalationCeiling }.map(\.rawValue)
        let rows = try await session.query(Queries.due, [now, batchSize, escalatedFrom])
        for row in rows {
            let item = try GridCase(row: row)
            let missed = item.dueAt!
            if let next = item.level.next, item.level < policy.autoEscalationCeiling {
                workflow.startLevelClock(item, level: next, department: nil, at: missed, missedDeadline: true, in: session)
                try CaseWorkflow.record(
                    item.id, at: missed, kind: "escalated", actor: Self.actor, status: (item.status, item.status), level: (item.level, next),
                    note: "deadline at \(item.level.rawValue) passed; escalated automatically", in: session
                )
                outcome.escalated += 1
            } else {
                try await session.execute(Queries.noteOverdue, [item.id])
                try CaseWorkflow.record(
                    item.id, at: missed, kind: "overdue", actor: Self.actor, status: (item.status, item.status), level: (item.level, item.level),
                    note: "deadline at \(item.levelText) passed; escalate it by hand ('grid case escalate') or resolve it", in: session
                )
                outcome.overdue += 1
            }
        }
        if rows.count < batchSize {
            let warned = try await session.query(Queries.warn, [now, batchSize - rows.count])
            for row in warned {
                let due: Date = try row.decode("due_at")
                let level = CaseLevel(rawValue: try row.decode("level"))
                try CaseWorkflow.record(
                    try row.decode("id"), at: try row.decode("warn_at"), kind: "warning", actor: Self.actor, level: (level, level),
                    note:
                        "\(Int((policy.warningShare * 100).rounded())) % of the time at this level used; deadline "
                        + "\(encoder.textValue(.timestamp(due)))",
                    in: session
                )
            }
            outcome.warned = warned.count
        }
        return outcome
    }
}
