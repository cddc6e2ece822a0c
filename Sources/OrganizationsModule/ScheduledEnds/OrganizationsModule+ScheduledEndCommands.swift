import Foundation
import WorkbenchKit
import WorkbenchPostgres

extension OrganizationsModule {
    /// The end a command asks for: its `on=` day, today and the caller.
    static func endRequest(_ invocation: Invocation) throws -> EndRequest {
        EndRequest(on: try invocation.arguments.date("on"), today: invocation.today, actor: invocation.caller.userName)
    }

    /// The reply of an end command whose day lies ahead.
    static func recordedAheadReply(_ id: Int64, on day: CalendarDate, what: String) -> Reply {
        .record(
            [("ending", .int(id)), ("takes_effect_on", .date(day))],
            summary: "recorded ahead: \(what) on \(day); until then nothing changes ('org ending cancel id=\(id)' withdraws it)"
        )
    }

    var scheduledEndCommands: [CommandSpec] {
        [endingListCommand, endingCancelCommand]
    }

    private var endingListCommand: CommandSpec {
        CommandSpec(
            "ending list", synopsis: "Ends recorded ahead (预定终止): leavings, dissolutions, report and seat ends",
            help: """
                Lists the ends recorded for a day after the one they were recorded on, in unit='s subtree (the
                member's organisation, the dissolved organisation, the report's community, the seat's committee).
                state=pending (default) lists those still waiting, state=held those whose rules refused them on
                their day (the reason says why; they are tried again until they apply or are cancelled),
                state=applied those that took effect.
                """,
            arguments: [
                Self.unitArgument("unit", required: false, help: "Only ends in this subtree"),
                .optional("state", .enumeration(["pending", "held", "applied", "all"]), default: "pending", help: "Which ends"),
            ] + Page.arguments(),
            examples: ["org ending list unit=JD01", "org ending list state=held"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let scope = try await Self.optionalUnit(arguments, "unit", in: session)?.path
            let page = try Page(arguments)
            let rows = try await session.query(
                ScheduledEndStore.Queries.list, [page.afterKey, scope, try arguments.string("state"), page.fetchLimit]
            )
            return page.reply(
                columns: ["id", "kind", "subject", "name", "organisation", "takes_effect_on", "requested_by", "state", "held_reason"],
                rows: try rows.map { row in
                    let end = try ScheduledEnd(row: row)
                    let applied: Date? = try row.decode("applied_at")
                    let state = applied != nil ? "applied" : (end.heldReason != nil ? "held" : "pending")
                    return (
                        end.id,
                        [
                            .int(end.id), .string(end.subject.kind), .int(end.subject.id),
                            .string(try row.decode("subject_name", as: String?.self)),
                            .string(try row.decode("organisation", as: String.self)), .date(end.effectiveOn), .string(end.requestedBy),
                            .string(state), .string(end.heldReason),
                        ]
                    )
                }
            )
        }
    }

    private var endingCancelCommand: CommandSpec {
        CommandSpec(
            "ending cancel", synopsis: "Withdraw an end recorded ahead before it takes effect",
            arguments: [.required("id", .id, help: "The end's id (from 'org ending list')")],
            mutates: true,
            examples: ["org ending cancel id=3"]
        ) { invocation in
            let end = try await ScheduledEndStore.cancel(try invocation.arguments.id("id"), in: invocation.database)
            return .record(
                [
                    ("id", .int(end.id)), ("kind", .string(end.subject.kind)), ("subject", .int(end.subject.id)),
                    ("was_due_on", .date(end.effectiveOn)),
                ],
                summary: "cancelled: \(end.subject.kind) \(end.subject.id) no longer ends on \(end.effectiveOn)"
            )
        }
    }
}
