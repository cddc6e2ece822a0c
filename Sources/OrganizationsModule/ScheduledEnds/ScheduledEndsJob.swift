public import Foundation
public import Logging
import Metrics
public import WorkbenchKit
public import WorkbenchPostgres

/// Applies the ends recorded ahead (预定终止) whose day has come, each with the rules of the
/// command that recorded it (`org member leave`, `org unit dissolve`, `org report end`,
/// `org seat end`) and dated on its day.
///
/// Each end is applied in a transaction of its own that locks it (`FOR UPDATE SKIP LOCKED`,
/// so daemons sharing a database never apply one twice) and marks it applied. One the rules
/// refuse (an organisation that still has members on its dissolution day) is held: its
/// reason is kept for `org ending list state=held`, logged once, and tried again at every
/// pass until it applies or an operator cancels it. A daemon that was down applies at start
/// what fell due meanwhile, dated on the days they were due.
public struct ScheduledEndsJob: PeriodicJob {
    /// `Scheduled ends`, for the service's log lines.
    public static let name = "Scheduled ends"
    /// Due ends read per pass.
    public var batchSize = 500

    let database: PostgresPool
    let timeZone: TimeZone
    let logger: Logger

    /// Creates the job.
    public init(database: PostgresPool, timeZone: TimeZone, logger: Logger) {
        self.database = database
        self.timeZone = timeZone
        self.logger = logger
    }

    /// What one pass did.
    public struct Outcome: Sendable, Equatable {
        /// Ends applied.
        public var applied = 0
        /// Ends the rules refused (still pending).
        public var held = 0
    }

    /// Runs one pass at `now` for the ``PeriodicService`` and counts what it did in
    /// `dangjian_organizations_scheduled_ends_total{outcome="applied|held"}`.
    public func run(at now: Date) async throws {
        let outcome = try await apply(at: now)
        for (name, count) in [("applied", outcome.applied), ("held", outcome.held)] where count > 0 {
            Counter(label: "dangjian_organizations_scheduled_ends_total", dimensions: [("outcome", name)]).increment(by: count)
        }
    }

    /// Applies every end due on `now`'s day (in the daemon's time zone).
    public func apply(at now: Date) async throws -> Outcome {
        let today = CalendarDate(containing: now, in: timeZone)
        var outcome = Outcome()
        let due = try await database.withConnection { try await ScheduledEndStore.due(on: today, limit: batchSize, in: $0) }
        for id in due {
            do {
                let end = try await database.withTransaction { session -> ScheduledEnd? in
                    guard let end = try await ScheduledEndStore.claim(id, today: today, in: session) else { return nil }
                    try await end.apply(in: session)
                    return end
                }
                if let end {
                    outcome.applied += 1
                    logger.info(
                        "Scheduled end applied",
                        metadata: [
                            "ending.id": "\(id)", "ending.subject": "\(end.subject.kind) \(end.subject.id)", "ending.on": "\(end.effectiveOn)",
                        ]
                    )
                }
            } catch {
                // A rule refused it (the command's own check or a database constraint): hold it
                // and go on with the next. Anything else (the database away) ends the pass.
                guard let refusal = Self.refusal(error) else { throw error }
                outcome.held += 1
                let isNew = try await database.withTransaction { try await ScheduledEndStore.hold(id, reason: refusal.message, in: $0) }
                if isNew {
                    logger.warning(
                        "Scheduled end held: its rules refuse it today; fix the cause or cancel it with 'org ending cancel'",
                        metadata: ["ending.id": "\(id)", "ending.reason": "\(refusal.message)"]
                    )
                }
            }
        }
        return outcome
    }

    /// The refusal in `error` when a rule refused the end (a 4xx), nil for anything else.
    static func refusal(_ error: any Error) -> WorkbenchError? {
        let refusal: WorkbenchError? =
            switch error {
            case let error as WorkbenchError: error
            case let error as PostgresError: WorkbenchError(error)
            default: nil
            }
        guard let refusal, (400..<500).contains(refusal.status.code) else { return nil }
        return refusal
    }
}
