import WorkbenchKit
import WorkbenchPostgres

extension OrganizationsModule {
    var statisticsCommands: [CommandSpec] {
        [statsCommand]
    }

    private var statsCommand: CommandSpec {
        CommandSpec(
            "stats", synopsis: "Counts for a subtree: organisations by kind, members, reports, pairs, projects, coverage",
            help: """
                Active organisations by kind and members by status in unit='s subtree; open double reports to its
                communities and hours served in the period; open part-time seats; open co-building pairs and their
                projects by status; venues and coverage rates. Hours served and work coverage count within the
                period from= to to=, which defaults to this year so far. by=child answers the main counts side by side:
                one row per child organisation, one for the unit's own level (本级) and the total. by=quarter or
                by=month answers what happened in each quarter or month of the period and in all of it: members who
                joined and left, reports and pairs begun, hours served, coverage at the end of each and work coverage
                within it. Rates are percentages.
                """,
            arguments: [
                Self.unitArgument("unit", help: "The subtree's root"),
                .optional("from", .date, help: "First day of the period (default: 1 January this year)"),
                .optional("to", .date, default: "today", help: "Last day of the period"),
                .optional(
                    "by", .enumeration(["child", "quarter", "month"]),
                    help:
                        "child: one row per child organisation, the unit's own level and the total; quarter or month: one row per period "
                        + "and the total"
                ),
            ],
            examples: ["org stats unit=QW01", "org stats unit=QW01 by=child", "org stats unit=QW01 by=quarter from=2025-01-01"]
        ) { invocation in
            let arguments = invocation.arguments
            let unit = try await UnitStore.findFilter(UnitReference(try arguments.string("unit")), argument: "unit", in: invocation.database)
            let (from, to) = try arguments.period(today: invocation.today, defaultFrom: Self.yearStart(of:))
            switch arguments.optionalString("by") {
            case "child":
                return try await SubtreeBreakdown.reply(for: unit, from: from, to: to, in: invocation.database)
            case let by?:
                guard let division = SubtreePeriods.Division(rawValue: by) else {
                    throw WorkbenchError.invalidArgument("by", "by= is child, quarter or month")
                }
                return try await SubtreePeriods.reply(for: unit, division, from: from, to: to, in: invocation.database)
            case nil:
                break
            }
            return try await SubtreeStatistics.reply(for: unit, from: from, to: to, in: invocation.database)
        }
    }
}
