import WorkbenchKit
import WorkbenchPostgres

extension OrganizationsModule {
    var seatCommands: [CommandSpec] {
        [seatAddCommand, seatEndCommand, seatListCommand]
    }

    private var seatAddCommand: CommandSpec {
        CommandSpec(
            "seat add", synopsis: "Seat a part-time member (兼职委员) on a street or community committee",
            arguments: [
                Self.unitArgument("committee", help: "The street working committee or community committee"),
                .required("person", .string(maxLength: 50), help: "The person's name", label: "姓名"),
                Self.unitArgument("from", help: "The resident unit's organisation the person comes from", label: "所在单位"),
                .optional("title", .string(maxLength: 30), default: "兼职委员", help: "The seat's title"),
                .required("term_start", .date, help: "First day of the term"),
                .required("term_end", .date, help: "Last day of the term"),
                .optional("member", .id, help: "The person's member id, when they are a member on our rolls"),
            ],
            mutates: true,
            examples: ["org seat add committee=SQ01 person=李强 from=ZQ01 term_start=2026-01-01 term_end=2028-12-31"]
        ) { invocation in
            let arguments = invocation.arguments
            let (id, committee, from) = try await SeatStore.add(
                SeatStore.Draft(
                    committee: UnitReference(try arguments.string("committee")), person: try arguments.string("person"),
                    memberID: arguments.optionalID("member"), fromUnit: UnitReference(try arguments.string("from")),
                    title: try arguments.string("title"), termStart: try arguments.date("term_start"), termEnd: try arguments.date("term_end"),
                    maximumTermYears: settings.seatTermYears
                ),
                in: invocation.database
            )
            return .created(
                id: id, "\(try arguments.string("person")) seated on \(committee.code)",
                fields: [("committee", .string(committee.code)), ("from", .string(from.code))])
        }
    }

    private var seatEndCommand: CommandSpec {
        CommandSpec(
            "seat end", synopsis: "End a seat before its term is over",
            help: """
                Ends the seat on on= (default today), before its term is over; a term that runs to its end needs no
                end. A day after today is recorded ahead and takes effect then ('org ending list'). A seat also ends
                when its committee or the unit the person comes from is dissolved.
                """,
            arguments: [
                .required("id", .id, help: "The seat's id"),
                .optional("on", .date, default: "today", help: "Its last day, up to the term's end (a later day than today is recorded ahead)"),
            ],
            mutates: true
        ) { invocation in
            let id = try invocation.arguments.id("id")
            let (person, outcome) = try await SeatStore.end(id, try Self.endRequest(invocation), in: invocation.database)
            switch outcome {
            case .ended: return .message("seat \(id) (\(person)) ended")
            case .recordedAhead(let ending, let on): return Self.recordedAheadReply(ending, on: on, what: "seat \(id) (\(person)) ends")
            }
        }
    }

    private var seatListCommand: CommandSpec {
        CommandSpec(
            "seat list", synopsis: "List part-time seats on the committees of a subtree",
            help: "open: not ended and the term not yet over (as of today); ended: ended early or the term is over.",
            arguments: [
                Self.unitArgument("committee", required: false, help: "A committee, or a district/street for all committees in it"),
                .optional("level", .enumeration(["street", "community"]), help: "Only street or only community committees"),
                .optional("state", .enumeration(["open", "ended", "all"]), default: "open", help: "Which seats"),
            ] + Page.arguments()
        ) { invocation in
            let arguments = invocation.arguments
            let scope = try await Self.optionalUnit(arguments, "committee", in: invocation.database)?.path
            let page = try Page(arguments)
            let today = invocation.today
            let rows = try await invocation.database.query(
                SeatStore.Queries.list,
                [page.afterKey, scope, try arguments.string("state"), today, arguments.optionalString("level"), page.fetchLimit]
            )
            return page.reply(
                columns: ["id", "committee", "person", "member", "from", "from_name", "title", "term_start", "term_end", "ended_on"],
                rows: try rows.map { row in
                    let id: Int64 = try row.decode("id")
                    return (
                        id,
                        [
                            .int(id), .string(try row.decode("committee", as: String.self)), .string(try row.decode("person", as: String.self)),
                            .int(try row.decode("member_id", as: Int?.self)), .string(try row.decode("from_unit", as: String.self)),
                            .string(try row.decode("from_name", as: String.self)), .string(try row.decode("title", as: String.self)),
                            .date(try row.decode("term_start", as: CalendarDate.self)), .date(try row.decode("term_end", as: CalendarDate.self)),
                            .date(try row.decode("ended_on", as: CalendarDate?.self)),
                        ]
                    )
                }
            )
        }
    }
}
