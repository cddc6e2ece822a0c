import WorkbenchKit
import WorkbenchPostgres

extension OrganizationsModule {
    var statisticsCommands: [CommandSpec] {
        [
            CommandSpec(
                "stats", synopsis: "Counts for a subtree: organisations by kind, members, reports, pairs, projects, coverage",
                help: """
                    Active organisations by kind and members by status in unit='s subtree; open double reports to its
                    communities and hours served in the period; open part-time seats; open co-building pairs and their
                    projects by status; venues and coverage rates. Hours served and work coverage count within the
                    period from= to to=, which defaults to this year so far. by=child answers the main counts side by side:
                    one row per child organisation, one for the unit's own level (本级) and the total. Rates are percentages.
                    """,
                arguments: [
                    Self.unitArgument("unit", help: "The subtree's root"),
                    .optional("from", .date, help: "First day of the period (default: 1 January this year)"),
                    .optional("to", .date, default: "today", help: "Last day of the period"),
                    .optional("by", .enumeration(["child"]), help: "child: a table with one row per child organisation, the unit's own level and the total"),
                ],
                examples: ["org stats unit=QW01", "org stats unit=QW01 by=child"]
            ) { invocation in
                let arguments = invocation.arguments
                let unit = try await UnitStore.find(UnitReference(try arguments.string("unit")), argument: "unit", in: invocation.database)
                let (from, to) = try Self.period(arguments, defaultFrom: Self.yearStart(of:))
                if arguments.optionalString("by") == "child" {
                    return try await SubtreeBreakdown.reply(for: unit, from: from, to: to, in: invocation.database)
                }
                return try await SubtreeStatistics.reply(for: unit, from: from, to: to, in: invocation.database)
            },
        ]
    }
}
