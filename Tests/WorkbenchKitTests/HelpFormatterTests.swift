import Foundation
import Testing
import WorkbenchKit

@Suite("HelpFormatter")
struct HelpFormatterTests {
    static let builtIns: [HelpFormatter.BuiltIn] = [
        .init(usage: "help [module|command]", synopsis: "Show this help", role: nil),
        .init(usage: "ping", synopsis: "Check the daemon answers", role: nil),
        .init(usage: "whoami", synopsis: "Show your peer credentials and role", role: nil),
        .init(usage: "format text|json", synopsis: "Choose the reply form", role: .viewer),
        .init(usage: "reload", synopsis: "Reload the configuration", role: .admin),
        .init(usage: "quit", synopsis: "Close the connection", role: nil),
    ]

    static func makeFormatter() throws -> HelpFormatter {
        let table = try CommandTable(
            modules: [
                (
                    module("grids", alias: "g", title: "网格", summary: "Grid cases"),
                    [
                        spec("case list", synopsis: "List cases", role: .viewer),
                        spec(
                            "case report", synopsis: "Report a case", help: "Opens a case.\nThe grid must be active.",
                            arguments: [
                                .required("grid", .id, help: "The grid", label: "网格"),
                                .required("kind", .enumeration(["parking", "litter"]), help: ""),
                                .optional("priority", .enumeration(["low", "high"]), default: "low", help: "How urgent"),
                                .optional("note", .string(), help: "Free text"),
                            ],
                            mutates: true, examples: ["grids case report grid=12 kind=parking note=\"北门\""]
                        ),
                        spec("case purge", synopsis: "Delete closed cases", role: .admin, mutates: true),
                    ]
                ),
                (module("secrets", alias: "sec", title: "机要"), [spec("keys list", synopsis: "List keys", role: .admin)]),
            ],
            topLevel: [
                spec(
                    "audit tail", synopsis: "Recent audit rows", arguments: [.optional("limit", .int(1...1000), default: "50", help: "")],
                    role: .admin),
                spec("migrations", synopsis: "Migration status", role: .admin),
            ],
            reservedWords: ["help", "ping", "whoami", "format", "reload", "quit"]
        )
        return HelpFormatter(table: table, builtIns: builtIns)
    }

    static func caller(_ role: Role?) -> Caller {
        Caller(pid: 100, uid: 1000, gid: 1000, userName: "zhang", role: role)
    }

    static func lines(_ reply: Reply) throws -> [String] {
        guard case .text(let lines) = reply.body else {
            Issue.record("help answers text, not \(reply.body)")
            return []
        }
        #expect(reply.status == .ok)
        return lines
    }

    static func mentions(_ lines: [String], _ fragment: String) -> Bool {
        lines.contains { $0.contains(fragment) }
    }

    // MARK: Overview

    @Test func overviewForAViewer() throws {
        let reply = try Self.makeFormatter().overview(for: Self.caller(.viewer))
        #expect(reply.summary == "help")
        let lines = try Self.lines(reply)
        #expect(lines.first == "Built-in commands:")
        for usage in ["help [module|command]", "ping", "whoami", "format text|json", "quit"] {
            #expect(Self.mentions(lines, "  " + usage), "\(usage)")
        }
        #expect(!Self.mentions(lines, "reload"))
        #expect(!Self.mentions(lines, "Administration:"))
        #expect(!Self.mentions(lines, "audit tail"))
        #expect(!Self.mentions(lines, "migrations"))
        #expect(lines.contains("Modules (help <module> lists its commands):"))
        #expect(Self.mentions(lines, "grids (g)"))
        #expect(Self.mentions(lines, "网格 — Grid cases"))
        // A module none of whose commands the caller may run is not listed.
        #expect(!Self.mentions(lines, "secrets"))
        #expect(!Self.mentions(lines, "no role"))
    }

    @Test func overviewForAnAdmin() throws {
        let lines = try Self.lines(try Self.makeFormatter().overview(for: Self.caller(.admin)))
        #expect(Self.mentions(lines, "  reload"))
        #expect(lines.contains("Administration:"))
        #expect(Self.mentions(lines, "  audit tail"))
        #expect(Self.mentions(lines, "  migrations"))
        #expect(Self.mentions(lines, "secrets (sec)"))
        // Administration comes after the built-ins and before the modules.
        let administration = try #require(lines.firstIndex(of: "Administration:"))
        let modules = try #require(lines.firstIndex(of: "Modules (help <module> lists its commands):"))
        #expect(administration < modules)
    }

    @Test func overviewForAnUnmappedPeer() throws {
        let lines = try Self.lines(try Self.makeFormatter().overview(for: Self.caller(nil)))
        let entries = lines.filter { $0.hasPrefix("  ") }.map { $0.dropFirst(2).prefix { $0 != " " } }
        #expect(entries == ["help", "ping", "whoami", "quit"])
        #expect(!Self.mentions(lines, "format"))
        #expect(!Self.mentions(lines, "Administration:"))
        #expect(!Self.mentions(lines, "Modules"))
        #expect(Self.mentions(lines, "map to no role"))
    }

    @Test func overviewAlignsSynopses() throws {
        let lines = try Self.lines(try Self.makeFormatter().overview(for: Self.caller(.viewer)))
        let builtIns = lines.prefix { $0 != "Modules (help <module> lists its commands):" }.dropFirst()
        let columns = Set(
            builtIns.compactMap { line in line.range(of: "  ", options: .backwards).map { line.distance(from: line.startIndex, to: $0.lowerBound) } })
        #expect(columns.count == 1, "\(Array(builtIns))")
    }

    @Test func helpWithoutWordsIsTheOverview() throws {
        let formatter = try Self.makeFormatter()
        #expect(try formatter.help(for: Self.caller(.viewer), words: []) == formatter.overview(for: Self.caller(.viewer)))
    }

    // MARK: Modules

    struct ModuleCase: Sendable, CustomTestStringConvertible {
        var role: Role?
        var visible: [String]
        var testDescription: String { role.map(\.rawValue) ?? "unmapped" }
    }

    @Test(arguments: [
        ModuleCase(role: .viewer, visible: ["case list"]),
        ModuleCase(role: .operator, visible: ["case list", "case report"]),
        ModuleCase(role: .admin, visible: ["case list", "case report", "case purge"]),
        ModuleCase(role: nil, visible: []),
    ])
    func moduleHelpListsOnlyWhatTheCallerMayRun(_ testCase: ModuleCase) throws {
        let formatter = try Self.makeFormatter()
        for name in ["grids", "g"] {
            let reply = try formatter.help(for: Self.caller(testCase.role), words: [name])
            #expect(reply.summary == "help grids")
            let lines = try Self.lines(reply)
            #expect(lines.first == "grids (alias g): 网格 — Grid cases")
            let listed = lines.filter { $0.hasPrefix("  case ") }.map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
            #expect(listed == testCase.visible)
            #expect(Self.mentions(lines, "(none of its commands is open to your role)") == testCase.visible.isEmpty)
        }
    }

    @Test func aPartialPathListsTheMatchingCommands() throws {
        let reply = try Self.makeFormatter().help(for: Self.caller(.operator), words: ["grids", "case"])
        let lines = try Self.lines(reply)
        #expect(lines.count == 2)
        #expect(Self.mentions(lines, "case list  List cases"))
        #expect(Self.mentions(lines, "case report  Report a case"))
        #expect(reply.summary == "help grids case")
    }

    // MARK: Commands

    @Test func commandHelpShowsUsageArgumentsAndRequestID() throws {
        let reply = try Self.makeFormatter().help(for: Self.caller(.operator), words: ["g", "case", "report"])
        #expect(reply.summary == "help grids case report")
        let lines = try Self.lines(reply)
        #expect(lines.first == "usage: grids case report grid=<id> kind=<parking|litter> [priority=<low|high>] [note=<text>] [request_id=<text>]")
        #expect(lines.contains("  Report a case"))
        #expect(lines.contains("  Opens a case."))
        #expect(lines.contains("  The grid must be active."))
        #expect(lines.contains("arguments:"))
        #expect(lines.contains("  grid      网格 · The grid (required)"))
        #expect(lines.contains("  kind      one of: parking, litter (required)"))
        #expect(lines.contains("  priority  How urgent (default low)"))
        #expect(lines.contains("  note      Free text (optional)"))
        #expect(lines.contains("              " + ArgumentType.id.expectedForm))
        #expect(Self.mentions(lines, "changes data (role operator or above)"))
        #expect(Self.mentions(lines, "request_id=<text>"))
        #expect(lines.suffix(2) == ["examples:", "  grids case report grid=12 kind=parking note=\"北门\""])
    }

    @Test func readOnlyCommandHelpSaysSoAndHasNoRequestID() throws {
        let lines = try Self.lines(try Self.makeFormatter().help(for: Self.caller(.viewer), words: ["grids", "case", "list"]))
        #expect(lines.first == "usage: grids case list")
        #expect(lines.contains("reads data (role viewer or above)"))
        #expect(!Self.mentions(lines, "request_id"))
        #expect(!lines.contains("arguments:"))
    }

    @Test func topLevelCommandHelpForAnAdmin() throws {
        let reply = try Self.makeFormatter().help(for: Self.caller(.admin), words: ["audit", "tail"])
        let lines = try Self.lines(reply)
        #expect(lines.first == "usage: audit tail [limit=<n>]")
        #expect(lines.contains("reads data (role admin or above)"))
        #expect(reply.summary == "help audit tail")
    }

    @Test func topLevelCommandsForEveryoneAreNotAdministration() throws {
        let table = try CommandTable(
            modules: [],
            topLevel: [
                spec("calendar show", synopsis: "Working days per month", role: .viewer),
                spec("calendar set", synopsis: "Set a holiday", role: .operator, mutates: true),
                spec("migrations", synopsis: "Migration status", role: .admin),
            ]
        )
        let formatter = HelpFormatter(table: table, builtIns: Self.builtIns)
        let viewer = try Self.lines(formatter.overview(for: Self.caller(.viewer)))
        #expect(viewer.contains("Daemon commands:"))
        #expect(Self.mentions(viewer, "  calendar show  Working days per month"))
        #expect(!Self.mentions(viewer, "calendar set"))
        #expect(!viewer.contains("Administration:"))
        let admin = try Self.lines(formatter.overview(for: Self.caller(.admin)))
        let daemon = try #require(admin.firstIndex(of: "Daemon commands:"))
        let administration = try #require(admin.firstIndex(of: "Administration:"))
        #expect(daemon < administration)
        #expect(admin[administration + 1] == "  migrations  Migration status")

        // The first word of top-level commands lists them.
        let listed = try formatter.help(for: Self.caller(.operator), words: ["calendar"])
        #expect(listed.summary == "help calendar")
        #expect(
            try Self.lines(listed) == [
                "  calendar show  Working days per month", "  calendar set   Set a holiday", "help <command> shows a command's arguments.",
            ]
        )
        #expect(try Self.lines(formatter.help(for: Self.caller(.viewer), words: ["calendar"])).count == 2)
        #expect(caught { try formatter.help(for: Self.caller(nil), words: ["calendar"]) }?.code == "command.unknown")
    }

    @Test func builtInHelp() throws {
        let reply = try Self.makeFormatter().help(for: Self.caller(nil), words: ["ping"])
        #expect(try Self.lines(reply) == ["ping", "  Check the daemon answers"])
        #expect(reply.summary == "help ping")
        let format = try Self.makeFormatter().help(for: Self.caller(.viewer), words: ["format"])
        #expect(try Self.lines(format).first == "format text|json")
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var role: Role?
        var words: [String]
        var testDescription: String { "\(role.map(\.rawValue) ?? "unmapped"): help \(words.joined(separator: " "))" }
    }

    @Test(arguments: [
        Refusal(role: .admin, words: ["nosuch"]),
        Refusal(role: .admin, words: ["grids", "nosuch"]),
        Refusal(role: .admin, words: ["grids", "case", "report", "extra"]),
        Refusal(role: .viewer, words: ["grids", "case", "report"]),
        Refusal(role: .operator, words: ["grids", "case", "purge"]),
        Refusal(role: .viewer, words: ["audit", "tail"]),
        Refusal(role: .operator, words: ["migrations"]),
        Refusal(role: .viewer, words: ["reload"]),
        Refusal(role: nil, words: ["format"]),
        Refusal(role: nil, words: ["grids", "case", "list"]),
    ])
    func refusesWhatIsUnknownOrNotAllowed(_ refusal: Refusal) throws {
        let formatter = try Self.makeFormatter()
        let error = try #require(caught { try formatter.help(for: Self.caller(refusal.role), words: refusal.words) })
        #expect(error.status == .unknownCommand)
        #expect(error.code == "command.unknown")
        #expect(error.message.contains("that you may run"))
    }
}
