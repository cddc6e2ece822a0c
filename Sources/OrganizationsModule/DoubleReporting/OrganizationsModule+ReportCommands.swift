import Foundation
import WorkbenchKit
import WorkbenchPostgres

extension OrganizationsModule {
    /// Whether `value` has no fractional part.
    static func isWholeNumber(_ value: Decimal) -> Bool {
        var value = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .plain)
        return rounded == value
    }

    var reportCommands: [CommandSpec] {
        [reportUnitCommand, reportMemberCommand, reportServeCommand, reportEndCommand, reportListCommand]
    }

    private var reportUnitCommand: CommandSpec {
        CommandSpec(
            "report unit", synopsis: "A resident unit reports to a community (单位双报到)",
            arguments: [
                Self.unitArgument("unit", help: "The reporting unit's organisation"),
                Self.unitArgument("community", help: "The community it reports to"),
                .optional("on", .pastDate, default: "today", help: "Date of the report"),
                .optional("note", .string(maxLength: 500), help: "What the unit offers (resources, services)"),
            ],
            mutates: true,
            examples: ["org report unit unit=ZQ01 community=SQ01 note=\"医疗义诊、场地共享\""]
        ) { invocation in
            let arguments = invocation.arguments
            let unit = try await UnitStore.findActive(UnitReference(try arguments.string("unit")), argument: "unit", in: invocation.database)
            let (id, community) = try await ReportStore.report(
                .unit(unit), to: UnitReference(try arguments.string("community")), on: try arguments.date("on"),
                note: arguments.optionalString("note"), in: invocation.database
            )
            return .created(
                id: id, "\(unit.code) reports to \(community.code)",
                fields: [("unit", .string(unit.code)), ("community", .string(community.code))])
        }
    }

    private var reportMemberCommand: CommandSpec {
        CommandSpec(
            "report member", synopsis: "An in-service member reports to a community (党员双报到)",
            arguments: [
                .required("member", .id, help: "The member's id"),
                Self.unitArgument("community", help: "The community the member reports to (usually where they live)"),
                .optional("on", .pastDate, default: "today", help: "Date of the report"),
                .optional("note", .string(maxLength: 500), help: "Skills or services offered"),
            ],
            mutates: true
        ) { invocation in
            let arguments = invocation.arguments
            let member = try await MemberStore.findActive(try arguments.id("member"), in: invocation.database)
            let (id, community) = try await ReportStore.report(
                .member(member), to: UnitReference(try arguments.string("community")), on: try arguments.date("on"),
                note: arguments.optionalString("note"), in: invocation.database
            )
            return .created(
                id: id, "\(member.label) reports to \(community.code)",
                fields: [("member", .int(member.id)), ("community", .string(community.code))])
        }
    }

    private var reportServeCommand: CommandSpec {
        CommandSpec(
            "report serve", synopsis: "Log hours served under a report",
            arguments: [
                .required("report", .id, help: "The report's id"),
                .required("hours", .decimal, help: "Hours served (0.5 to 24)"),
                .required("activity", .string(maxLength: 200), help: "What was done", label: "服务内容"),
                .optional("on", .date, default: "today", help: "Date served"),
            ],
            mutates: true,
            examples: ["org report serve report=3 hours=2.5 activity=\"社区义诊\" on=2026-11-20"]
        ) { invocation in
            let arguments = invocation.arguments
            let hours = try arguments.decimal("hours")
            guard hours > 0, hours <= 24, Self.isWholeNumber(hours * 10) else {
                throw WorkbenchError.invalidArgument("hours", "hours= must be more than 0 and at most 24, in tenths (e.g. 2.5)")
            }
            let id = try await ReportStore.serve(
                report: try arguments.id("report"), on: try arguments.date("on"), hours: hours, activity: try arguments.string("activity"),
                today: invocation.today, in: invocation.database
            )
            return .created(id: id, "service logged", fields: [("report", .int(try arguments.id("report"))), ("hours", .decimal(hours))])
        }
    }

    private var reportEndCommand: CommandSpec {
        CommandSpec(
            "report end", synopsis: "End a report",
            help: """
                Ends the report on on= (default today): no service after that day can be logged against it. A day
                after today is recorded ahead and takes effect then ('org ending list'). A report also ends when its
                community or its unit is dissolved, or its member leaves the rolls.
                """,
            arguments: [
                .required("id", .id, help: "The report's id"),
                .optional("on", .date, default: "today", help: "Its last day (a later day is recorded ahead)"),
            ],
            mutates: true
        ) { invocation in
            let id = try invocation.arguments.id("id")
            let (community, outcome) = try await ReportStore.end(report: id, try Self.endRequest(invocation), in: invocation.database)
            switch outcome {
            case .ended: return .message("report \(id) to \(community) ended")
            case .recordedAhead(let ending, let on): return Self.recordedAheadReply(ending, on: on, what: "report \(id) to \(community) ends")
            }
        }
    }

    private var reportListCommand: CommandSpec {
        CommandSpec(
            "report list", synopsis: "Who reported to a community, and who served",
            help: """
                Lists reports to the communities in community='s subtree (a street or district lists all its
                communities), with the services logged and hours served between from= and to=.
                served=true keeps only reporters who served in that period.
                """,
            arguments: [
                Self.unitArgument("community", required: false, help: "A community, or a street/district for all its communities"),
                .optional("kind", .enumeration(["unit", "member"]), help: "Only unit or only member reports"),
                .optional("state", .enumeration(["open", "ended", "all"]), default: "open", help: "Open reports, ended ones, or both"),
                .optional("from", .date, default: "2000-01-01", help: "Count service from this date"),
                .optional("to", .date, default: "today", help: "Count service up to this date"),
                .optional("served", .bool, default: "false", help: "Only reporters who served in the period"),
            ] + Page.arguments(),
            examples: ["org report list community=SQ01 from=2026-01-01"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let scope = try await Self.optionalUnit(arguments, "community", in: session)?.path
            let (from, to) = try arguments.period(today: invocation.today, defaultFrom: { $0 })
            let page = try Page(arguments)
            let rows = try await session.query(
                ReportStore.Queries.list,
                [
                    page.afterKey, scope, arguments.optionalString("kind"), from, to, try arguments.string("state"), try arguments.bool("served"),
                    page.fetchLimit,
                ]
            )
            return page.reply(
                columns: ["id", "kind", "reporter", "name", "community", "reported_on", "ended_on", "services", "hours", "last_served_on"],
                rows: try rows.map { row in
                    let id: Int64 = try row.decode("id")
                    return (
                        id,
                        [
                            .int(id), .string(try row.decode("reporter_kind", as: String.self)),
                            .string(try row.decode("reporter", as: String.self)),
                            .string(try row.decode("reporter_name", as: String.self)), .string(try row.decode("community", as: String.self)),
                            .date(try row.decode("reported_on", as: CalendarDate.self)),
                            .date(try row.decode("ended_on", as: CalendarDate?.self)),
                            .int(try row.decode("services", as: Int64.self)), .decimal(try row.decode("hours", as: Decimal.self)),
                            .date(try row.decode("last_served_on", as: CalendarDate?.self)),
                        ]
                    )
                }
            )
        }
    }
}
