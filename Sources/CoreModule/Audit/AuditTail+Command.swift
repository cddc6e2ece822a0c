import Foundation
public import WorkbenchKit

extension AuditTail {
    /// The `audit tail` command (admin). `modules` are the names `module=` takes: the modules'
    /// ids, `workbench`, and the first words of the core's own commands.
    public static func command(modules: [String]) -> CommandSpec {
        CommandSpec(
            "audit tail",
            synopsis: "Show the newest audit log rows, filtered by module, user, command, status and period",
            help: """
                Every change is recorded in the same transaction as the change itself; every refusal (403, and
                404, 409 or 422 of a change) on its own, with the arguments as written (secrets as ***); a
                repeated request_id's replay with code request.replayed. Rows are never updated or deleted.
                Rows come newest last; when there are older ones, the last line says which before= shows them.
                """,
            arguments: [
                .optional("n", .int(1...1000), default: "20", help: "How many rows, newest last"),
                .optional("module", .enumeration(modules), help: "Only this module's commands (workbench: the core's)"),
                .optional("user", .string(maxLength: 64), help: "Only this user's commands (a name or a uid)"),
                .optional("command", .string(maxLength: 200), help: "Only this command, e.g. 'grids case report'"),
                .optional("status", .string(maxLength: 3), help: "Only this status (403) or class (4xx)"),
                .optional("from", .date, help: "From the start of this day"),
                .optional("to", .date, help: "To the end of this day"),
                .optional("before", .int(1...Int64.max), help: "Only rows older than this id (the next page)"),
            ],
            role: .admin,
            examples: [
                "audit tail", "audit tail n=100 module=grids", "audit tail status=4xx from=2026-11-01 to=2026-11-30",
                "audit tail user=zhang command=\"org unit dissolve\"",
            ]
        ) { invocation in
            let arguments = invocation.arguments
            var tail = AuditTail(
                count: try arguments.int("n"), module: arguments.optionalString("module"), user: arguments.optionalString("user"),
                command: arguments.optionalString("command"), before: arguments.optionalInt("before")
            )
            if let status = arguments.optionalString("status") {
                guard let statuses = AuditTail.statuses(status) else {
                    throw WorkbenchError.invalidArgument(
                        "status", "status=\"\(status)\" is not valid: expected a status such as 403 or a class such as 4xx")
                }
                tail.statuses = statuses
            }
            let from = arguments.optionalDate("from"), to = arguments.optionalDate("to")
            if from != nil || to != nil {
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = invocation.timeZone
                let start = from?.startOfDay(in: invocation.timeZone) ?? .distantPast
                let end =
                    try to.map { day -> Date in
                        guard let next = calendar.date(byAdding: .day, value: 1, to: day.startOfDay(in: invocation.timeZone)) else {
                            throw WorkbenchError.invalidArgument("to", "to=\(day) is out of range")
                        }
                        return next
                    } ?? .distantFuture
                guard start < end else {
                    throw WorkbenchError.invalidArgument("to", "to= must not come before from=")
                }
                tail.period = start..<end
            }
            return try await tail.run(on: invocation.database)
        }
    }
}
