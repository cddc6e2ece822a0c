import Foundation

/// Every command the daemon serves, found by the words of a request.
///
/// A request's first word names a built-in (`help`, `ping`…), a module (by id or alias) or a
/// top-level command; the following bare words are matched against the module's command
/// paths, longest first. Built once at start-up; a duplicate module id, alias or command path is a start-up
/// error.
public struct CommandTable: Sendable {
    /// Loaded modules, in load order.
    public let modules: [ModuleDescriptor]
    /// Top-level commands (module-less, e.g. `migrations`, `audit tail`).
    public let topLevel: [CommandSpec]
    /// The built-ins (`help`, `ping`, `status`…): top-level too, but listed apart in help,
    /// and their words are reserved.
    public let builtIns: [CommandSpec]
    private let commandsByModule: [String: [CommandSpec]]
    private let moduleByName: [String: String]

    /// Builds the table.
    ///
    /// - Parameters:
    ///   - modules: Each loaded module with its commands.
    ///   - topLevel: The daemon's own commands.
    ///   - builtIns: The built-ins; their first words are reserved like `reservedWords`.
    ///   - reservedWords: Words that may name neither a module nor a top-level command
    ///     (the built-ins: `help`, `ping`, …).
    /// - Throws: ``WorkbenchError`` (500) naming the clash or the invalid spec.
    public init(
        modules: [(ModuleDescriptor, [CommandSpec])],
        topLevel: [CommandSpec] = [],
        builtIns: [CommandSpec] = [],
        reservedWords: Set<String> = []
    ) throws(WorkbenchError) {
        var moduleByName: [String: String] = [:]
        var commandsByModule: [String: [CommandSpec]] = [:]
        var reserved = reservedWords
        for command in builtIns {
            try Self.validate(command)
            guard command.path.count == 1, reserved.insert(command.path[0]).inserted else {
                throw Self.startupError("built-in '\(command.path.joined(separator: " "))' is not one word, or is defined twice")
            }
        }
        var taken = reserved
        var topLevelNames: Set<[String]> = []
        for command in topLevel {
            try Self.validate(command)
            guard let first = command.path.first, !reserved.contains(first) else {
                throw Self.startupError("top-level command '\(command.path.joined(separator: " "))' clashes with a built-in")
            }
            guard topLevelNames.insert(command.path).inserted else {
                throw Self.startupError("top-level command '\(command.path.joined(separator: " "))' is defined twice")
            }
        }
        taken.formUnion(topLevel.compactMap(\.path.first))
        for (module, commands) in modules {
            for name in Set([module.id, module.alias]) {
                guard !taken.contains(name) else {
                    throw Self.startupError("module \(module.id): the name \"\(name)\" is already taken by a built-in, a command or another module")
                }
                taken.insert(name)
                moduleByName[name] = module.id
            }
            var paths: Set<[String]> = []
            var stamped: [CommandSpec] = []
            for var command in commands {
                command.module = module.id
                try Self.validate(command)
                guard paths.insert(command.path).inserted else {
                    throw Self.startupError("module \(module.id) defines the command '\(command.path.joined(separator: " "))' twice")
                }
                stamped.append(command)
            }
            commandsByModule[module.id] = stamped
        }
        self.modules = modules.map(\.0)
        self.topLevel = topLevel
        self.builtIns = builtIns
        self.commandsByModule = commandsByModule
        self.moduleByName = moduleByName
    }

    /// The module id a word names (id or alias), if any.
    public func moduleID(named word: String) -> String? { moduleByName[word] }

    /// The commands of a module, in the order it listed them.
    public func commands(ofModule id: String) -> [CommandSpec] { commandsByModule[id] ?? [] }

    /// Every module and top-level command, top-level first (the built-ins are in
    /// ``builtIns``).
    public var allCommands: [CommandSpec] {
        topLevel + modules.flatMap { commands(ofModule: $0.id) }
    }

    /// Finds the command a request names.
    ///
    /// - Parameter words: The request's words (without a trailing `--json`).
    /// - Returns: The command and how many words its name took.
    /// - Throws: 401 ``WorkbenchError`` naming what is unknown and where to look.
    public func resolve(_ words: [CommandLineTokenizer.Word]) throws(WorkbenchError) -> (command: CommandSpec, consumed: Int) {
        guard let first = words.first else { throw WorkbenchError.unknownCommand("empty command; try 'help'") }
        let bare = words.prefix { $0.assignmentIndex == nil }.map(\.text)
        if !first.wasQuoted, let builtIn = builtIns.first(where: { $0.path[0] == first.text }) {
            return (builtIn, 1)
        }
        if let moduleID = moduleByName[first.text], !first.wasQuoted {
            let candidates = commands(ofModule: moduleID)
            if let match = Self.longestMatch(candidates, Array(bare.dropFirst())) {
                return (match, match.path.count + 1)
            }
            let typed = bare.dropFirst().joined(separator: " ")
            if typed.isEmpty {
                throw WorkbenchError.unknownCommand("\(first.text) needs a command; 'help \(moduleID)' lists them")
            }
            throw WorkbenchError.unknownCommand(
                "unknown command '\(first.text) \(typed)'; 'help \(moduleID)' lists the module's commands"
            )
        }
        if !first.wasQuoted, let match = Self.longestMatch(topLevel, bare) {
            return (match, match.path.count)
        }
        throw WorkbenchError.unknownCommand("unknown command '\(first.text)'; 'help' lists the commands and modules")
    }

    private static func longestMatch(_ candidates: [CommandSpec], _ words: [String]) -> CommandSpec? {
        candidates
            .filter { $0.path.count <= words.count && Array(words.prefix($0.path.count)) == $0.path }
            .max { $0.path.count < $1.path.count }
    }

    private static func validate(_ command: CommandSpec) throws(WorkbenchError) {
        guard !command.path.isEmpty, command.path.allSatisfy({ ArgumentSpec.isValidName($0.replacingOccurrences(of: "-", with: "_")) })
        else {
            throw startupError("command '\(command.qualifiedName)' has an invalid path: use lowercase words")
        }
        var names: Set<String> = []
        for argument in command.arguments {
            guard ArgumentSpec.isValidName(argument.name), argument.name != ArgumentBinder.requestIDName else {
                throw startupError("command '\(command.qualifiedName)' has an invalid argument name \"\(argument.name)\"")
            }
            guard names.insert(argument.name).inserted else {
                throw startupError("command '\(command.qualifiedName)' declares argument \(argument.name) twice")
            }
            if argument.isRequired && argument.defaultValue != nil {
                throw startupError("command '\(command.qualifiedName)': required argument \(argument.name) cannot have a default")
            }
            if let defaultValue = argument.defaultValue,
                argument.type.parse(defaultValue, now: Date(), timeZone: TimeZone(identifier: "UTC")!) == nil
            {
                throw startupError(
                    "command '\(command.qualifiedName)': the default \"\(defaultValue)\" of \(argument.name) is not \(argument.type.expectedForm)"
                )
            }
        }
    }

    private static func startupError(_ message: String) -> WorkbenchError {
        WorkbenchError(status: .internalError, code: WorkbenchErrorCode.startupCommandTable, message: message)
    }
}
