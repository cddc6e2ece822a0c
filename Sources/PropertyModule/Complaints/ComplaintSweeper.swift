public import Foundation
public import Logging
import Metrics
public import WorkbenchKit
public import WorkbenchPostgres

/// One pass of the complaint clock at a given instant: a `warning` event for each open
/// complaint past its warning share of the deadline, an `overdue` event for each open
/// complaint past its deadline.
///
/// Each event is dated when it became due (a daemon that was down catches up with the right
/// dates; `recorded_at` says when it was written). The pass works in transactions of at most
/// ``batchSize`` complaints, each one set-based (one UPDATE … RETURNING feeding one INSERT),
/// holding a transaction-level advisory lock: when several daemons share a database, one
/// sweeps and the others skip. It is idempotent: `warned` and `overdue_noted` are set in the
/// same statement that writes the event, so a second pass at the same instant finds nothing.
public struct ComplaintSweeper: PeriodicJob {
    /// The actor named in the events the daemon records.
    public static let actor = "dangjiand"
    /// The advisory lock key (`prop.clk` in ASCII).
    public static let lockKey: Int64 = 0x7072_6F70_2E63_6C6B
    /// Complaints per transaction and kind.
    public var batchSize = 500

    let warningShare: Double
    let database: PostgresPool
    let timeZone: TimeZone
    let logger: Logger

    /// Creates a sweeper.
    public init(warningShare: Double, database: PostgresPool, timeZone: TimeZone, logger: Logger) {
        self.warningShare = warningShare
        self.database = database
        self.timeZone = timeZone
        self.logger = logger
    }

    /// What one pass did.
    public struct Outcome: Sendable, Equatable {
        /// Whether another daemon held the lock, so this one did nothing.
        public var skipped = false
        /// Overdue events recorded.
        public var overdue = 0
        /// Warning events recorded.
        public var warned = 0
    }

    enum Queries {
        /// Notes up to `$2` open complaints past their deadline at `$1` (a complaint past its
        /// deadline needs no warning any more), writing their events; `$3` the actor, `$4`
        /// the time zone for the note.
        static let overdue = PostgresStatement(
            "property.clock.overdue",
            """
            WITH due AS (
                SELECT id FROM property.complaints
                WHERE status IN ('filed', 'acknowledged') AND due_at <= $1 AND NOT overdue_noted
                ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED
            ), noted AS (
                UPDATE property.complaints p SET overdue_noted = true, warned = true FROM due WHERE p.id = due.id
                RETURNING p.id, p.due_at, p.severity, p.deadline_amount, p.deadline_unit, p.status
            )
            INSERT INTO property.complaint_events (complaint_id, at, kind, actor, from_status, to_status, note)
            SELECT id, due_at, 'overdue', $3, status, status,
                   'the 2310 deadline (' || severity || ': ' || deadline_amount || ' ' || deadline_unit || ') passed at '
                   || to_char(due_at AT TIME ZONE $4::text, 'YYYY-MM-DD HH24:MI') || '; resolve it or explain the delay'
            FROM noted
            RETURNING complaint_id
            """
        )
        /// Warns up to `$2` open complaints past their warning time at `$1` and before their
        /// deadline; `$3` the actor, `$4` the time zone, `$5` the share as a percentage.
        static let warn = PostgresStatement(
            "property.clock.warn",
            """
            WITH due AS (
                SELECT id FROM property.complaints
                WHERE status IN ('filed', 'acknowledged') AND NOT warned AND warn_at <= $1 AND due_at > $1
                ORDER BY warn_at LIMIT $2 FOR UPDATE SKIP LOCKED
            ), marked AS (
                UPDATE property.complaints p SET warned = true FROM due WHERE p.id = due.id
                RETURNING p.id, p.warn_at, p.due_at, p.status
            )
            INSERT INTO property.complaint_events (complaint_id, at, kind, actor, from_status, to_status, note)
            SELECT id, warn_at, 'warning', $3, status, status,
                   $5::text || ' % of the time used; deadline ' || to_char(due_at AT TIME ZONE $4::text, 'YYYY-MM-DD HH24:MI')
            FROM marked
            RETURNING complaint_id
            """
        )
    }

    /// `Complaint clock`, for the service's log lines.
    public static let name = "Complaint clock"

    /// Runs one pass at `now` for the ``PeriodicService``, and counts what it did in
    /// `dangjian_property_complaint_events_total{kind="overdue|warned"}`.
    public func run(at now: Date) async throws {
        let outcome = try await sweep(at: now)
        for (kind, count) in [("overdue", outcome.overdue), ("warned", outcome.warned)] where count > 0 {
            Counter(label: "dangjian_property_complaint_events_total", dimensions: [("kind", kind)]).increment(by: count)
        }
    }

    /// Runs one pass at `now`.
    public func sweep(at now: Date) async throws -> Outcome {
        var total = Outcome()
        while true {
            let batch = try await database.withTransaction(tryingAdvisoryLock: Self.lockKey) { session -> Outcome in
                var outcome = Outcome()
                outcome.overdue = try await session.query(Queries.overdue, [now, batchSize, Self.actor, timeZone.identifier]).count
                outcome.warned = try await session.query(
                    Queries.warn, [now, batchSize, Self.actor, timeZone.identifier, String(Int((warningShare * 100).rounded()))]
                ).count
                return outcome
            }
            guard let batch else {
                total.skipped = true
                return total
            }
            total.overdue += batch.overdue
            total.warned += batch.warned
            if batch.overdue < batchSize && batch.warned < batchSize { break }
        }
        if total.overdue + total.warned > 0 {
            logger.info("Complaint clock pass", metadata: ["complaints.overdue": "\(total.overdue)", "complaints.warned": "\(total.warned)"])
        }
        return total
    }
}
