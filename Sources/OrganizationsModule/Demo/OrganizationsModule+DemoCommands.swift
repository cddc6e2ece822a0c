import WorkbenchKit
import WorkbenchPostgres

extension OrganizationsModule {
    var demoCommands: [CommandSpec] {
        [demoLoadCommand]
    }

    private var demoLoadCommand: CommandSpec {
        CommandSpec(
            "demo load", synopsis: "Load a small demo district (枣庄市市中区) to explore",
            help: """
                Adds a district with three streets, twelve communities, their grid branches and building groups,
                an industry committee, resident units with in-service members, double reports with service hours,
                part-time seats, co-building pairs and projects, vanguard points and venues with coverage — all
                through the ordinary rules, in one transaction. Refused once the district (code SZQ) exists.
                Then look around with 'org unit tree unit=SZQ depth=2'.
                """,
            role: .admin, mutates: true,
            examples: ["org demo load"]
        ) { invocation in
            let today = invocation.today
            let summary = try await DemoDistrict.load(
                today: today, now: invocation.now, categories: settings, projects: projectMachine, in: invocation.database)
            return .record(
                [
                    ("district", .string(DemoDistrict.districtCode)), ("organisations", .int(summary.units)), ("members", .int(summary.members)),
                    ("reports", .int(summary.reports)), ("seats", .int(summary.seats)), ("pairs", .int(summary.pairs)),
                    ("projects", .int(summary.projects)), ("points", .int(summary.points)), ("venues", .int(summary.venues)),
                ],
                summary: "demo district loaded; try 'org unit tree unit=\(DemoDistrict.districtCode) depth=2'"
            )
        }
    }
}
