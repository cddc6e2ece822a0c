import Foundation
import WorkbenchKit
import WorkbenchPostgres

extension OrganizationsModule {
    /// The first day of the quarter `date` falls in.
    static func quarterStart(of date: CalendarDate) -> CalendarDate {
        CalendarDate(year: date.year, month: (date.month - 1) / 3 * 3 + 1, day: 1)!
    }

    var coverageCommands: [CommandSpec] {
        [venueAddCommand, venueCoverCommand, venueUncoverCommand, venueActivityCommand, venueListCommand, coverageCommand]
    }

    private var venueAddCommand: CommandSpec {
        CommandSpec(
            "venue add", synopsis: "Add an office building, park, market or firm to count coverage over",
            arguments: [
                .required("name", .string(maxLength: 100), help: "Name", label: "名称"),
                .required("kind", .enumeration(VenueKind.allCases.map(\.rawValue)), help: "Kind of venue"),
                Self.unitArgument("area", help: "The street or community (or district) it lies in"),
                .optional("employees", .int(0...10_000_000), default: "0", help: "People working there"),
                .optional("members", .int(0...10_000_000), default: "0", help: "Party members among them"),
                .optional("address", .string(maxLength: 200), help: "Address"),
            ],
            mutates: true,
            examples: ["org venue add name=\"来福士广场\" kind=office_building area=JD01 employees=3200 members=410"]
        ) { invocation in
            let arguments = invocation.arguments
            let (employees, members) = (Int(try arguments.int("employees")), Int(try arguments.int("members")))
            guard members <= employees else {
                throw WorkbenchError.invalidArgument("members", "members=\(members) is more than employees=\(employees)")
            }
            let (id, area) = try await CoverageStore.addVenue(
                name: try arguments.string("name"), kind: try arguments.enumeration("kind", as: VenueKind.self),
                area: UnitReference(try arguments.string("area")), address: arguments.optionalString("address"),
                employees: employees, members: members, in: invocation.database
            )
            return .created(id: id, "venue \(id) added in \(area.code)", fields: [("area", .string(area.code))])
        }
    }

    private var venueCoverCommand: CommandSpec {
        CommandSpec(
            "venue cover", synopsis: "Record that an organisation serves a venue (organisational coverage)",
            arguments: [
                .required("venue", .id, help: "The venue's id"),
                Self.unitArgument("unit", help: "The organisation that covers it"),
                .optional("since", .date, default: "today", help: "Since when"),
            ],
            mutates: true
        ) { invocation in
            let arguments = invocation.arguments
            let venue = try await CoverageStore.findVenue(try arguments.id("venue"), in: invocation.database)
            let unit = try await UnitStore.findActive(
                UnitReference(try arguments.string("unit")), argument: "unit", lock: .share, in: invocation.database)
            let id: Int64 = try await invocation.database.query(
                CoverageStore.Queries.cover, [try arguments.id("venue"), unit.id, try arguments.date("since")]
            ).single().decode("id")
            return .created(id: id, "\(venue) covered by \(unit.code)")
        }
    }

    private var venueUncoverCommand: CommandSpec {
        CommandSpec(
            "venue uncover", synopsis: "End an organisation's coverage of a venue",
            arguments: [
                .required("venue", .id, help: "The venue's id"),
                Self.unitArgument("unit", help: "The organisation"),
                .optional("on", .date, default: "today", help: "Last day of coverage"),
            ],
            mutates: true
        ) { invocation in
            let arguments = invocation.arguments
            let venue = try await CoverageStore.findVenue(try arguments.id("venue"), in: invocation.database)
            let unit = try await UnitStore.find(UnitReference(try arguments.string("unit")), argument: "unit", in: invocation.database)
            let ended = try await invocation.database.execute(
                CoverageStore.Queries.uncover, [try arguments.id("venue"), unit.id, try arguments.date("on")])
            guard ended == 1 else {
                throw WorkbenchError.ruleRefused(
                    OrganizationsErrorCode.venueNotCovered, "\(unit.code) has no open coverage of \(venue) that began on or before on="
                )
            }
            return .message("\(unit.code) no longer covers \(venue)")
        }
    }

    private var venueActivityCommand: CommandSpec {
        CommandSpec(
            "venue activity", synopsis: "Record Party activity held at a venue (work coverage)",
            arguments: [
                .required("venue", .id, help: "The venue's id"),
                .required("title", .string(maxLength: 100), help: "What was held", label: "活动"),
                .optional("on", .date, default: "today", help: "When"),
            ],
            mutates: true
        ) { invocation in
            let arguments = invocation.arguments
            let venue = try await CoverageStore.findVenue(try arguments.id("venue"), in: invocation.database)
            let on = try arguments.date("on")
            guard on <= invocation.today else {
                throw WorkbenchError.invalidArgument("on", "\(on) is in the future; record activity once it is held")
            }
            let id: Int64 = try await invocation.database.query(
                CoverageStore.Queries.activity, [try arguments.id("venue"), on, try arguments.string("title")]
            ).single().decode("id")
            return .created(id: id, "activity recorded at \(venue)")
        }
    }

    private var venueListCommand: CommandSpec {
        CommandSpec(
            "venue list", synopsis: "List venues with who covers them and their last activity",
            arguments: [
                Self.unitArgument("area", required: false, help: "Only venues in this subtree"),
                .optional("kind", .enumeration(VenueKind.allCases.map(\.rawValue)), help: "Only this kind"),
                .optional("uncovered", .bool, default: "false", help: "Only venues no organisation covers"),
            ] + Page.arguments()
        ) { invocation in
            let arguments = invocation.arguments
            let scope = try await Self.optionalUnit(arguments, "area", in: invocation.database)?.path
            let page = try Page(arguments)
            let rows = try await invocation.database.query(
                CoverageStore.Queries.list,
                [page.afterKey, scope, arguments.optionalString("kind"), try arguments.bool("uncovered"), page.fetchLimit, invocation.today]
            )
            return page.reply(
                columns: ["id", "name", "kind", "area", "employees", "members", "covered_by", "last_activity"],
                rows: try rows.map { row in
                    let id: Int64 = try row.decode("id")
                    return (
                        id,
                        [
                            .int(id), .string(try row.decode("name", as: String.self)), .string(try row.decode("kind", as: String.self)),
                            .string(try row.decode("area", as: String.self)), .int(try row.decode("employees", as: Int64.self)),
                            .int(try row.decode("members", as: Int64.self)), .string(try row.decode("covered_by", as: String?.self)),
                            .date(try row.decode("last_activity", as: CalendarDate?.self)),
                        ]
                    )
                }
            )
        }
    }

    private var coverageCommand: CommandSpec {
        CommandSpec(
            "coverage", synopsis: "The two full coverages (两个全覆盖) per street or community",
            help: """
                For the venues in unit='s subtree, one line per direct child (per street for a district, per
                community for a street) and a total: venues, how many an organisation covers on to= (组织覆盖),
                how many held Party activity between from= and to= (工作覆盖), and the rates in percent.
                The period defaults to this quarter so far.
                """,
            arguments: [
                Self.unitArgument("unit", help: "A district, street or community"),
                .optional("from", .date, help: "First day (default: the first day of this quarter)"),
                .optional("to", .date, default: "today", help: "Last day"),
            ],
            examples: ["org coverage unit=QW01", "org coverage unit=JD01 from=2026-07-01 to=2026-09-30"]
        ) { invocation in
            let arguments = invocation.arguments
            let scope = try await UnitStore.findFilter(UnitReference(try arguments.string("unit")), argument: "unit", in: invocation.database)
            let (from, to) = try arguments.period(today: invocation.today, defaultFrom: Self.quarterStart(of:))
            let lines = try await CoverageStore.report(scope: scope, from: from, to: to, in: invocation.database)
            let total = CoverageStore.Line(
                code: "total", name: scope.name, venues: lines.reduce(0) { $0 + $1.venues },
                organisationallyCovered: lines.reduce(0) { $0 + $1.organisationallyCovered },
                workCovered: lines.reduce(0) { $0 + $1.workCovered },
                employees: lines.reduce(0) { $0 + $1.employees }, members: lines.reduce(0) { $0 + $1.members }
            )
            return .table(
                columns: ["area", "name", "venues", "org_covered", "org_rate", "work_covered", "work_rate", "employees", "members"],
                rows: (lines + [total]).map { line in
                    [
                        .string(line.code), .string(line.name), .int(line.venues), .int(line.organisationallyCovered),
                        Percentage.value(line.organisationallyCovered, of: line.venues), .int(line.workCovered),
                        Percentage.value(line.workCovered, of: line.venues), .int(line.employees), .int(line.members),
                    ]
                },
                summary: "\(total.venues) venues, \(from) to \(to)"
            )
        }
    }
}
