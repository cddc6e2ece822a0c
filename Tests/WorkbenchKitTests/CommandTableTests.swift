import Testing
import WorkbenchKit

@Suite("CommandTable")
struct CommandTableTests {
    static let reserved: Set<String> = ["help", "ping", "whoami", "quit", "format"]

    static func makeTable() throws(WorkbenchError) -> CommandTable {
        try CommandTable(
            modules: [
                (
                    module("grids", alias: "g", title: "网格"),
                    [
                        spec("case", synopsis: "Show a case", arguments: [.required("id", .id, help: "")]),
                        spec(
                            "case report", synopsis: "Report a case",
                            arguments: [.required("grid", .id, help: ""), .optional("note", .string(), help: "")], mutates: true
                        ),
                        spec("case list", synopsis: "List cases"),
                        spec("grid-map show", synopsis: "Show the map"),
                    ]
                ),
                (module("organizations", alias: "org", title: "党组织"), [spec("unit show", synopsis: "Show a unit")]),
            ],
            topLevel: [
                spec("audit tail", synopsis: "Recent audit rows", role: .admin),
                spec("migrations", synopsis: "Migration status", role: .admin),
            ],
            reservedWords: reserved
        )
    }

    // MARK: Resolving

    struct Resolution: Sendable, CustomTestStringConvertible {
        var line: String
        var module: String
        var path: [String]
        var consumed: Int
        var testDescription: String { line }
    }

    @Test(arguments: [
        Resolution(line: "grids case report grid=1", module: "grids", path: ["case", "report"], consumed: 3),
        Resolution(line: "g case report grid=1", module: "grids", path: ["case", "report"], consumed: 3),
        Resolution(line: "grids case report", module: "grids", path: ["case", "report"], consumed: 3),
        Resolution(line: "grids case id=4", module: "grids", path: ["case"], consumed: 2),
        Resolution(line: "grids case", module: "grids", path: ["case"], consumed: 2),
        Resolution(line: "g case list", module: "grids", path: ["case", "list"], consumed: 3),
        // Longest match of the leading bare words: "reports" is left for the binder to refuse.
        Resolution(line: "grids case reports", module: "grids", path: ["case"], consumed: 2),
        // A name=value word ends the command's words even when a path word follows.
        Resolution(line: "grids case id=1 report", module: "grids", path: ["case"], consumed: 2),
        Resolution(line: "grids grid-map show", module: "grids", path: ["grid-map", "show"], consumed: 3),
        Resolution(line: "org unit show code=SH", module: "organizations", path: ["unit", "show"], consumed: 3),
        Resolution(line: "organizations unit show", module: "organizations", path: ["unit", "show"], consumed: 3),
        Resolution(line: "audit tail limit=5", module: "", path: ["audit", "tail"], consumed: 2),
        Resolution(line: "migrations", module: "", path: ["migrations"], consumed: 1),
        Resolution(line: "migrations extra", module: "", path: ["migrations"], consumed: 1),
    ])
    func resolves(_ resolution: Resolution) throws {
        let table = try Self.makeTable()
        let (command, consumed) = try table.resolve(try tokenize(resolution.line))
        #expect(command.module == resolution.module)
        #expect(command.path == resolution.path)
        #expect(consumed == resolution.consumed)
    }

    struct Unknown: Sendable, CustomTestStringConvertible {
        var line: String
        var mentions: [String]
        var testDescription: String { line.debugDescription }
    }

    @Test(arguments: [
        Unknown(line: "nosuch", mentions: ["unknown command 'nosuch'", "'help'"]),
        Unknown(line: "nosuch case list", mentions: ["'nosuch'"]),
        Unknown(line: "grids", mentions: ["grids needs a command", "'help grids'"]),
        Unknown(line: "g", mentions: ["g needs a command", "'help grids'"]),
        Unknown(line: "grids id=1", mentions: ["needs a command", "'help grids'"]),
        Unknown(line: "grids nothing here", mentions: ["unknown command 'grids nothing here'", "'help grids'"]),
        Unknown(line: "org case list", mentions: ["'org case list'", "'help organizations'"]),
        Unknown(line: "audit", mentions: ["unknown command 'audit'"]),
        Unknown(line: "audit head", mentions: ["unknown command 'audit'"]),
        // A quoted first word is data, never a module name.
        Unknown(line: "\"grids\" case list", mentions: ["unknown command 'grids'"]),
        Unknown(line: "GRIDS case list", mentions: ["'GRIDS'"]),
        Unknown(line: "help", mentions: ["'help'"]),
    ])
    func refusesUnknownCommands(_ unknown: Unknown) throws {
        let table = try Self.makeTable()
        let error = try #require(caught { try table.resolve(try tokenize(unknown.line)) })
        #expect(error.status == .unknownCommand)
        #expect(error.status.code == 401)
        #expect(error.code == "command.unknown")
        for fragment in unknown.mentions {
            #expect(error.message.contains(fragment), "\(error.message.debugDescription) should mention \(fragment.debugDescription)")
        }
    }

    @Test func anEmptyRequestIsUnknown() throws {
        let table = try Self.makeTable()
        let error = try #require(caught { try table.resolve([]) })
        #expect(error.code == "command.unknown")
        #expect(error.message.contains("empty"))
    }

    // MARK: Contents

    @Test func modulesAreStampedOnTheirCommands() throws {
        let table = try Self.makeTable()
        #expect(table.commands(ofModule: "grids").map(\.module) == ["grids", "grids", "grids", "grids"])
        #expect(
            table.commands(ofModule: "grids").map(\.qualifiedName) == [
                "grids case", "grids case report", "grids case list", "grids grid-map show",
            ])
        #expect(table.commands(ofModule: "organizations").map(\.qualifiedName) == ["organizations unit show"])
        #expect(table.topLevel.map(\.module) == ["", ""])
        #expect(table.topLevel.map(\.qualifiedName) == ["audit tail", "migrations"])
        #expect(table.commands(ofModule: "nosuch").isEmpty)
        // Resolving by alias still gives the module id.
        #expect(try table.resolve(try tokenize("g case list")).command.qualifiedName == "grids case list")
    }

    @Test func namesMapToModuleIDs() throws {
        let table = try Self.makeTable()
        #expect(table.moduleID(named: "grids") == "grids")
        #expect(table.moduleID(named: "g") == "grids")
        #expect(table.moduleID(named: "org") == "organizations")
        #expect(table.moduleID(named: "audit") == nil)
        #expect(table.moduleID(named: "help") == nil)
        #expect(table.modules.map(\.id) == ["grids", "organizations"])
    }

    @Test func allCommandsListsTopLevelFirstThenModulesInLoadOrder() throws {
        let table = try Self.makeTable()
        #expect(
            table.allCommands.map(\.qualifiedName) == [
                "audit tail", "migrations", "grids case", "grids case report", "grids case list", "grids grid-map show",
                "organizations unit show",
            ])
    }

    @Test func aModuleMayUseItsIDAsItsAlias() throws {
        let table = try CommandTable(modules: [(module("notes", alias: "notes"), [spec("list")])])
        #expect(try table.resolve(try tokenize("notes list")).command.qualifiedName == "notes list")
    }

    // MARK: Specs

    @Test func mutatingCommandsNeedAtLeastOperator() {
        #expect(spec("x", role: .viewer, mutates: true).role == .operator)
        #expect(spec("x", role: .admin, mutates: true).role == .admin)
        #expect(spec("x", role: .viewer).role == .viewer)
        #expect(spec("x", role: .admin).role == .admin)
    }

    @Test func usageShowsRequiredOptionalAndRequestID() throws {
        let table = try Self.makeTable()
        let report = try table.resolve(try tokenize("grids case report")).command
        #expect(report.usage == "grids case report grid=<id> [note=<text>] [request_id=<text>]")
        let show = try table.resolve(try tokenize("grids case")).command
        #expect(show.usage == "grids case id=<id>")
        #expect(spec("  audit   tail ").path == ["audit", "tail"])
    }

    // MARK: Start-up errors

    enum BadTable: String, CaseIterable, Sendable {
        case duplicateModuleID
        case aliasTakesAnotherModulesID
        case duplicateAlias
        case duplicatePath
        case moduleIDIsReserved
        case aliasIsReserved
        case moduleNameIsATopLevelCommand
        case topLevelIsReserved
        case duplicateTopLevel
        case uppercaseArgumentName
        case argumentNameStartsWithDigit
        case argumentNameWithDash
        case emptyArgumentName
        case argumentNamedRequestID
        case duplicateArgument
        case requiredWithDefault
        case emptyPath
        case uppercasePath
        case invalidTopLevelPath

        /// A fragment the message must contain.
        var mentions: String {
            switch self {
            case .duplicateModuleID, .aliasTakesAnotherModulesID, .duplicateAlias, .moduleIDIsReserved, .aliasIsReserved,
                .moduleNameIsATopLevelCommand:
                "already taken"
            case .duplicatePath: "twice"
            case .topLevelIsReserved: "clashes with a built-in"
            case .duplicateTopLevel: "defined twice"
            case .uppercaseArgumentName: "invalid argument name \"Code\""
            case .argumentNameStartsWithDigit: "invalid argument name \"1st\""
            case .argumentNameWithDash: "invalid argument name \"due-date\""
            case .emptyArgumentName: "invalid argument name \"\""
            case .argumentNamedRequestID: "invalid argument name \"request_id\""
            case .duplicateArgument: "declares argument code twice"
            case .requiredWithDefault: "cannot have a default"
            case .emptyPath, .uppercasePath, .invalidTopLevelPath: "invalid path"
            }
        }

        func build() throws(WorkbenchError) -> CommandTable {
            let grids = module("grids", alias: "g")
            func withArgument(_ argument: ArgumentSpec) -> [(ModuleDescriptor, [CommandSpec])] {
                [(grids, [spec("case show", arguments: [argument])])]
            }
            switch self {
            case .duplicateModuleID:
                return try CommandTable(modules: [(grids, [spec("a")]), (module("grids", alias: "g2"), [spec("b")])])
            case .aliasTakesAnotherModulesID:
                return try CommandTable(modules: [(grids, [spec("a")]), (module("maps", alias: "grids"), [spec("b")])])
            case .duplicateAlias:
                return try CommandTable(modules: [(grids, [spec("a")]), (module("maps", alias: "g"), [spec("b")])])
            case .duplicatePath:
                return try CommandTable(modules: [(grids, [spec("case list"), spec("case show"), spec("case  list")])])
            case .moduleIDIsReserved:
                return try CommandTable(modules: [(module("help", alias: "h"), [spec("a")])], reservedWords: ["help"])
            case .aliasIsReserved:
                return try CommandTable(modules: [(module("pinger", alias: "ping"), [spec("a")])], reservedWords: ["ping"])
            case .moduleNameIsATopLevelCommand:
                return try CommandTable(modules: [(module("audit", alias: "au"), [spec("a")])], topLevel: [spec("audit tail")])
            case .topLevelIsReserved:
                return try CommandTable(modules: [], topLevel: [spec("help me")], reservedWords: ["help"])
            case .duplicateTopLevel:
                return try CommandTable(modules: [], topLevel: [spec("audit tail"), spec("audit tail")])
            case .uppercaseArgumentName:
                return try CommandTable(modules: withArgument(.required("Code", .string(), help: "")))
            case .argumentNameStartsWithDigit:
                return try CommandTable(modules: withArgument(.optional("1st", .string(), help: "")))
            case .argumentNameWithDash:
                return try CommandTable(modules: withArgument(.optional("due-date", .date, help: "")))
            case .emptyArgumentName:
                return try CommandTable(modules: withArgument(.optional("", .string(), help: "")))
            case .argumentNamedRequestID:
                return try CommandTable(modules: withArgument(.optional("request_id", .string(), help: "")))
            case .duplicateArgument:
                return try CommandTable(modules: [
                    (grids, [spec("case show", arguments: [.required("code", .string(), help: ""), .optional("code", .id, help: "")])])
                ])
            case .requiredWithDefault:
                return try CommandTable(
                    modules: withArgument(
                        ArgumentSpec(name: "code", type: .string(), isRequired: true, defaultValue: "x", help: "")
                    ))
            case .emptyPath:
                return try CommandTable(modules: [(grids, [spec("   ")])])
            case .uppercasePath:
                return try CommandTable(modules: [(grids, [spec("Case list")])])
            case .invalidTopLevelPath:
                return try CommandTable(modules: [], topLevel: [spec("audit 2tail")])
            }
        }
    }

    @Test(arguments: BadTable.allCases)
    func refusesToBuild(_ bad: BadTable) throws {
        let error = try #require(caught { try bad.build() })
        #expect(error.status == .internalError)
        #expect(error.code == "startup.command_table")
        #expect(error.message.contains(bad.mentions), "\(error.message.debugDescription) should mention \(bad.mentions.debugDescription)")
    }

    // Regression test for a bug found in Commands/CommandTable.swift:112-129, `validate`.
    @Test func aDefaultThatDoesNotParseIsAStartupError() throws {
        // Fixed bug (WorkbenchKit, Commands/CommandTable.swift:112-129, `validate`): ArgumentSpec's
        // documentation (Arguments/ArgumentSpec.swift:14-15) says a default is "checked like
        // caller input when the command table is built", but `validate` never parses defaults.
        // A bad default is only noticed when a caller leaves the argument out, as a 500
        // `internal.bad_default` at run time (see ArgumentBinderTests.aBadDefaultIsAnInternalError).
        // Fix: in `validate`, for each argument with a default, check
        // `argument.type.parse(defaultValue, now: Date(), timeZone: .gmt) != nil` and throw
        // `startupError("command '…': the default of \(argument.name) is not valid: expected …")`.
        let error = caught {
            try CommandTable(modules: [
                (module("grids", alias: "g"), [spec("case list", arguments: [.optional("limit", .int(1...10), default: "99", help: "")])])
            ])
        }
        #expect(error?.status == .internalError)
        #expect(error?.code == "startup.command_table")
        #expect(error?.message.contains("limit") == true)
    }
}
