import Foundation
import WorkbenchKit
import WorkbenchPostgres

extension BuiltInCommands {
    /// `status`: uptime, connections and requests, the pool, what the daemon knows about
    /// itself, and the fields read from the database. Those are asked within `budget`; past
    /// it each shows its last known value (or "unavailable"), saying that the database does
    /// not answer, and the rest of the reply comes from the daemon's own counters.
    static func status(info: DaemonInfo, statistics: ControlStatistics, pool: PostgresPool, budget: Duration) -> CommandSpec {
        let databaseFields = info.databaseStatusFields
        let question = DatabaseQuestion(budget: budget) {
            var values: [String] = []
            for field in databaseFields { values.append(try await field.read()) }
            return values
        }
        return CommandSpec(local: "status", synopsis: "Show uptime, connections, database pool and migrations", operands: .noWords) { _ in
            let counters = statistics.snapshot
            let uptime = Int64(Date().timeIntervalSince(statistics.startedAt))
            var fields = [
                ReplyField(name: "version", value: .string(info.version)),
                ReplyField(name: "started_at", value: .timestamp(statistics.startedAt)),
                ReplyField(name: "uptime_seconds", value: .int(uptime)),
                ReplyField(name: "connections", value: .int(Int64(counters.connections))),
                ReplyField(name: "connections_accepted", value: .int(Int64(counters.accepted))),
                ReplyField(name: "connections_refused", value: .int(Int64(counters.refused))),
                ReplyField(name: "connections_closed_unread", value: .int(Int64(counters.writeTimeouts))),
                ReplyField(name: "requests", value: .int(Int64(counters.requests))),
                ReplyField(name: "requests_4xx", value: .int(Int64(counters.clientErrors))),
                ReplyField(name: "requests_5xx", value: .int(Int64(counters.serverErrors))),
            ]
            let pool = pool.statistics
            fields += [
                ReplyField(name: "pool_size", value: .int(Int64(pool.size))),
                ReplyField(name: "pool_open", value: .int(Int64(pool.open))),
                ReplyField(name: "pool_idle", value: .int(Int64(pool.idle))),
                ReplyField(name: "pool_leased", value: .int(Int64(pool.leased))),
                ReplyField(name: "pool_waiting", value: .int(Int64(pool.waiting))),
                ReplyField(name: "pool_reconnects", value: .int(Int64(pool.connectionsDiscarded))),
                ReplyField(name: "pool_timeouts", value: .int(Int64(pool.acquireTimeouts))),
                ReplyField(name: "pool_statements_in_flight", value: .int(Int64(pool.statementsInFlight))),
            ]
            fields += info.statusFields()
            if !databaseFields.isEmpty {
                let values: [String]
                switch await question.ask() {
                case .answered(let answered):
                    values = answered
                case .failed:
                    values = databaseFields.map { _ in "unavailable (database down)" }
                case .unanswered(let lastKnown):
                    values = databaseFields.indices.map { index in
                        lastKnown.map { "\($0[index]) (last known; \(unansweredNote))" } ?? "unavailable (\(unansweredNote))"
                    }
                }
                fields += zip(databaseFields, values).map { ReplyField(name: $0.name, value: .string($1)) }
            }
            return Reply(body: .record(fields), summary: "status")
        }
    }
}
