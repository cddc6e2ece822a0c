import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension GovernanceModule {
    var breakthroughCommands: [CommandSpec] { [listBreakthroughsCommand, closeBreakthroughCommand] }

    private var listBreakthroughsCommand: CommandSpec {
        CommandSpec(
            "breakthrough list", synopsis: "Breakthrough projects (突破项目) by year, subtree and status",
            help: "Publishing a year's assessments opens each organisation's weakest indicators as its projects for the next year.",
            arguments: [
                .optional("year", .int(2000...2100), help: "Only this year's projects"),
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only organisations in this subtree"),
                .optional("status", .enumeration(["open", "done"]), help: "Only this status"),
            ],
            examples: ["gov breakthrough list year=2027 scope=S1"]
        ) { invocation in
            let arguments = invocation.arguments
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: invocation.database)
            let rows = try await BreakthroughStore.list(
                year: arguments.optionalInt("year").map(Int.init), scopePath: scope?.path, status: arguments.optionalString("status"),
                in: invocation.database)
            return .table(columns: BreakthroughStore.columns, rows: rows, summary: "\(rows.count) breakthrough project(s)")
        }
    }

    private var closeBreakthroughCommand: CommandSpec {
        CommandSpec(
            "breakthrough close", synopsis: "Close a breakthrough project done, with what came of it",
            arguments: [
                .required("breakthrough", .id, help: "The project (id)", label: "突破项目"),
                .required("outcome", .text(maxLength: 2000), help: "What was achieved", label: "成效"),
            ],
            mutates: true,
            examples: ["gov breakthrough close breakthrough=1 outcome=\"四个季度联席会议全部按时召开\""]
        ) { invocation in
            let id = try invocation.arguments.id("breakthrough")
            try await BreakthroughStore.close(id, outcome: try invocation.arguments.string("outcome"), on: invocation.today, in: invocation.database)
            return .message("breakthrough project \(id) done")
        }
    }
}
