/// Writes `help` from the command specs: only what the caller may run.
public struct HelpFormatter: Sendable {
    /// A built-in command as help lists it.
    public struct BuiltIn: Sendable {
        /// The usage line (`format text|json`).
        public var usage: String
        /// One line on what it does.
        public var synopsis: String
        /// The least role needed; nil when anyone may run it.
        public var role: Role?

        /// Creates an entry.
        public init(usage: String, synopsis: String, role: Role?) {
            self.usage = usage
            self.synopsis = synopsis
            self.role = role
        }
    }

    /// The command table.
    public let table: CommandTable
    /// The built-ins.
    public let builtIns: [BuiltIn]

    /// Creates a formatter.
    public init(table: CommandTable, builtIns: [BuiltIn]) {
        self.table = table
        self.builtIns = builtIns
    }

    /// Creates a formatter listing the table's own ``CommandTable/builtIns``.
    public init(table: CommandTable) {
        self.init(
            table: table,
            builtIns: table.builtIns.map { BuiltIn(usage: $0.usage, synopsis: $0.synopsis, role: $0.isOpenToAnyone ? nil : $0.role) }
        )
    }

    /// `help` with no arguments.
    public func overview(for caller: Caller) -> Reply {
        var lines = ["Built-in commands:"]
        let builtIns = self.builtIns.filter { $0.role == nil || caller.may($0.role!) }
        let width = builtIns.map(\.usage.count).max() ?? 0
        for builtIn in builtIns {
            lines.append("  " + Self.pad(builtIn.usage, width) + "  " + builtIn.synopsis)
        }
        let topLevel = table.topLevel.filter { caller.may($0.role) }
        for (heading, commands) in [
            ("Daemon commands:", topLevel.filter { $0.role < .admin }), ("Administration:", topLevel.filter { $0.role >= .admin }),
        ] where !commands.isEmpty {
            lines.append(heading)
            let width = commands.map { $0.path.joined(separator: " ").count }.max() ?? 0
            for command in commands {
                lines.append("  " + Self.pad(command.path.joined(separator: " "), width) + "  " + command.synopsis)
            }
        }
        let modules = table.modules.filter { module in table.commands(ofModule: module.id).contains { caller.may($0.role) } }
        if !modules.isEmpty {
            lines.append("Modules (help <module> lists its commands):")
            let width = modules.map { "\($0.id) (\($0.alias))".count }.max() ?? 0
            for module in modules {
                lines.append("  " + Self.pad("\(module.id) (\(module.alias))", width) + "  \(module.title) — \(module.summary)")
            }
        }
        if caller.role == nil {
            lines.append(
                "Your peer credentials map to no role; ask an administrator to add your user or group to the access section of the configuration.")
        }
        lines.append("Requests are <module> <command> [name=value …] [--json]; quote values with blanks: name=\"第一 网格\".")
        return .text(lines, summary: "help")
    }

    /// `help <module or command words…>`: a module's commands, one command's details, or the
    /// top-level commands starting with the words (`help calendar`).
    public func help(for caller: Caller, words: [String]) throws(WorkbenchError) -> Reply {
        guard let first = words.first else { return overview(for: caller) }
        if let moduleID = table.moduleID(named: first) {
            let commands = table.commands(ofModule: moduleID).filter { caller.may($0.role) }
            let rest = Array(words.dropFirst())
            if rest.isEmpty {
                guard let module = table.modules.first(where: { $0.id == moduleID }) else { return overview(for: caller) }
                var lines = ["\(module.id) (alias \(module.alias)): \(module.title) — \(module.summary)"]
                let width = commands.map { $0.path.joined(separator: " ").count }.max() ?? 0
                for command in commands {
                    lines.append("  " + Self.pad(command.path.joined(separator: " "), width) + "  " + command.synopsis)
                }
                if commands.isEmpty { lines.append("  (none of its commands is open to your role)") }
                lines.append("help \(module.id) <command> shows a command's arguments.")
                return .text(lines, summary: "help \(module.id)")
            }
            let matching = commands.filter { Array(rest.prefix($0.path.count)) == $0.path && $0.path.count == rest.count }
            if let command = matching.first { return details(command) }
            let prefixed = commands.filter { $0.path.starts(with: rest) }
            if !prefixed.isEmpty {
                let lines = prefixed.map { "  " + $0.path.joined(separator: " ") + "  " + $0.synopsis }
                return .text(lines, summary: "help \(moduleID) \(rest.joined(separator: " "))")
            }
            throw WorkbenchError.unknownCommand(
                "no command '\(first) \(rest.joined(separator: " "))' that you may run; 'help \(moduleID)' lists them")
        }
        if let command = table.topLevel.first(where: { $0.path == words }), caller.may(command.role) {
            return details(command)
        }
        let prefixed = table.topLevel.filter { $0.path.starts(with: words) && caller.may($0.role) }
        if !prefixed.isEmpty {
            let width = prefixed.map { $0.path.joined(separator: " ").count }.max() ?? 0
            let lines = prefixed.map { "  " + Self.pad($0.path.joined(separator: " "), width) + "  " + $0.synopsis }
            return .text(lines + ["help <command> shows a command's arguments."], summary: "help \(words.joined(separator: " "))")
        }
        if let builtIn = builtIns.first(where: { $0.usage.split(separator: " ").first.map(String.init) == first }),
            builtIn.role == nil || caller.may(builtIn.role!)
        {
            return .text([builtIn.usage, "  " + builtIn.synopsis], summary: "help \(first)")
        }
        throw WorkbenchError.unknownCommand("no module or command '\(words.joined(separator: " "))' that you may run; 'help' lists them")
    }

    private func details(_ command: CommandSpec) -> Reply {
        var lines = ["usage: " + command.usage, "  " + command.synopsis]
        if !command.help.isEmpty {
            lines += command.help.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        }
        if !command.arguments.isEmpty {
            lines.append("arguments:")
            let width = command.arguments.map(\.name.count).max() ?? 0
            for argument in command.arguments {
                var line = "  " + Self.pad(argument.name, width) + "  "
                if let label = argument.label { line += label + " · " }
                line += argument.help.isEmpty ? argument.type.expectedForm : argument.help
                line += argument.isRequired ? " (required)" : argument.defaultValue.map { " (default \($0))" } ?? " (optional)"
                lines.append(line)
                if !argument.help.isEmpty { lines.append("  " + Self.pad("", width) + "    " + argument.type.expectedForm) }
            }
        }
        if let rows = command.rows {
            lines.append(
                "rows (end the line with <<N, then N tab-separated lines: a header naming the columns, then at most \(rows.maximumRows) rows):")
            let width = rows.columns.map(\.name.count).max() ?? 0
            for column in rows.columns {
                lines.append("  " + Self.pad(column.name, width) + "  " + column.help + (column.required ? " (required)" : " (optional)"))
            }
        }
        if command.mutates {
            lines.append("changes data (role \(command.role) or above); request_id=<text> makes a retry safe: a repeat returns the first reply")
        } else {
            lines.append("reads data (role \(command.role) or above)")
        }
        if !command.examples.isEmpty {
            lines.append("examples:")
            lines += command.examples.map { "  " + $0 }
        }
        return .text(lines, summary: "help \(command.qualifiedName)")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
