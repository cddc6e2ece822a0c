import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension GovernanceModule {
    /// `gov stats`: joint meeting figures for a subtree and period.
    var statisticsCommand: CommandSpec {
        CommandSpec(
            "stats", synopsis: "Joint meeting figures for a subtree and period, by child organisation, quarter or month",
            help: """
                Bodies; meetings held in the period with their attendances (member units present) and problems raised; the \
                periods of each body's cadence starting in the period that have ended, those without a meeting, and the meeting \
                rate; tasks due in the period done on time, late, overdue and cancelled, and the on-time rate of those not \
                cancelled. The period defaults to this year so far. by=child, by=quarter and by=month put one row per child \
                organisation holding bodies or per period, then the total row; without by= the total row alone.
                """,
            arguments: [
                OrganizationDirectory.unitArgument("scope", required: false, help: "The subtree (default: everything)"),
                .optional("from", .date, help: "First day (default 1 January this year)"),
                .optional("to", .date, help: "Last day (default today)"),
                .optional(
                    "by", .enumeration(GovernanceBreakdown.Division.allCases.map(\.rawValue)),
                    help: "One row per child organisation (child), per quarter or per month, then the total row"),
            ],
            examples: ["gov stats scope=JD01", "gov stats scope=QW01 by=child", "gov stats by=quarter from=2026-01-01"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let (from, to) = try arguments.period(today: invocation.today) { CalendarDate(year: $0.year, month: 1, day: 1)! }
            return try await GovernanceBreakdown.reply(
                try arguments.optionalEnumeration("by", as: GovernanceBreakdown.Division.self),
                scope: scope.map { (id: $0.id, path: $0.path, label: $0.label) }, from: from, to: to, today: invocation.today, in: session)
        }
    }
}
