public import WorkbenchKit
public import WorkbenchPostgres

/// The commands every daemon has, whatever modules are loaded: `help`, `ping`, `version`,
/// `whoami`, `modules`, `status`, `metrics` (when the daemon keeps metrics), `format`, `quit`.
///
/// They are local commands (``CommandSpec/isLocal``): the chain opens no database session
/// for them and writes no audit row, so `ping`, `whoami` and `help` never touch the
/// database, and `version` and `status` ask it only through a ``DatabaseQuestion`` with a
/// short budget. A peer mapped to no role may run `help`, `ping`, `whoami` and `quit`; the
/// others need `viewer`.
public enum BuiltInCommands {
    /// How long `version` and `status` wait for the database before answering from what the
    /// daemon knows.
    public static let defaultBudget: Duration = .milliseconds(500)

    /// The built-ins, in the order help lists them.
    ///
    /// - Parameters:
    ///   - serverVersion: Asks the database server's version (``serverVersionQuestion(pool:budget:)``).
    ///   - budget: How long `status` waits for its database fields.
    ///   - exposition: Renders the daemon's metrics for `metrics`; nil leaves the command out.
    public static func all(
        info: DaemonInfo, statistics: ControlStatistics, pool: PostgresPool, serverVersion: DatabaseQuestion<String>,
        budget: Duration = defaultBudget, metrics exposition: (@Sendable () -> String)? = nil
    ) -> [CommandSpec] {
        var all = [
            help, columns, ping, version(info: info, serverVersion: serverVersion), whoami, modules(info: info),
            status(info: info, statistics: statistics, pool: pool, budget: budget), format, quit,
        ]
        if let exposition { all.insert(metrics(exposition: exposition), at: 6) }
        return all
    }

    /// Asks the server's version (`SELECT current_setting('server_version')`).
    public static func serverVersionQuestion(pool: PostgresPool, budget: Duration = defaultBudget) -> DatabaseQuestion<String> {
        DatabaseQuestion(budget: budget) {
            try await pool.withConnection { session in
                try await session.query(Queries.serverVersion).single().decode(at: 0, as: String.self)
            }
        }
    }

    /// `columns <module> <command…>`: the columns a command reads in the rows form (an
    /// import), with their Chinese names, forms, allowed words and an example value.
    static var columns: CommandSpec {
        CommandSpec(
            local: "columns", synopsis: "List the columns an import reads (for filling a register in a spreadsheet)",
            operands: OperandSpec(usage: "<module> <command…>")
        ) { invocation in
            let words = invocation.operands.map { CommandLineTokenizer.Word(text: $0) }
            guard !words.isEmpty else { throw WorkbenchError.syntax("columns needs a command, e.g. 'columns org unit import'") }
            let (command, _) = try invocation.table.resolve(words)
            guard let rows = command.rows else {
                throw WorkbenchError.invalidArgument(
                    "command", "'\(invocation.operands.joined(separator: " "))' reads no rows; columns lists what an import reads")
            }
            return rows.table
        }
    }

    /// `help [module [command…]]`.
    static var help: CommandSpec {
        CommandSpec(
            local: "help", synopsis: "List what you may run, or explain a module or command",
            operands: OperandSpec(usage: "[module [command…]]"), isOpenToAnyone: true
        ) { invocation in
            try HelpFormatter(table: invocation.table).help(for: invocation.caller, words: invocation.operands)
        }
    }

    /// `ping`.
    static var ping: CommandSpec {
        CommandSpec(local: "ping", synopsis: "Check that the daemon answers", operands: .noWords, isOpenToAnyone: true) { _ in
            .message("pong")
        }
    }

    /// `whoami`: the peer's credentials and role, from the connection alone.
    static var whoami: CommandSpec {
        CommandSpec(
            local: "whoami", synopsis: "Show your peer credentials, role and scope",
            help: """
                scope is the organisations whose subtrees you see and change (access.scopes in the configuration), or all for \
                the whole tree.
                """,
            operands: .noWords, isOpenToAnyone: true
        ) { invocation in
            let caller = invocation.caller
            let groups: [ReplyValue] = caller.groupIDs.map { .string(SystemAccount.groupName(of: $0) ?? String($0)) }
            let scope: String = caller.scope?.joined(separator: ", ") ?? "all"
            let fields: [(String, ReplyValue)] = [
                ("user", .string(caller.userName)), ("uid", .int(Int64(caller.uid))), ("gid", .int(Int64(caller.gid))),
                ("pid", .int(Int64(caller.pid))), ("role", .string(caller.role?.rawValue ?? "none")), ("groups", .list(groups)),
                ("scope", .string(scope)),
            ]
            return .record(fields)
        }
    }

    /// `modules`: the loaded modules, from the command table.
    static func modules(info: DaemonInfo) -> CommandSpec {
        CommandSpec(local: "modules", synopsis: "List the loaded modules", operands: .noWords) { invocation in
            let table = invocation.table
            let rows: [[ReplyValue]] = table.modules.map { module in
                [
                    .string(module.id), .string(module.alias), .string(module.title),
                    .int(Int64(table.commands(ofModule: module.id).count)), .int(Int64(info.migrationCounts[module.id] ?? 0)),
                    .string(module.summary),
                ]
            }
            return .table(columns: ["id", "alias", "title", "commands", "migrations", "summary"], rows: rows)
        }
    }

    /// `format text|json`: this connection's reply form, from this reply on.
    static var format: CommandSpec {
        CommandSpec(
            local: "format", synopsis: "Switch this connection's replies to text or JSON (or add --json to one request)",
            operands: OperandSpec(usage: "text|json")
        ) { invocation in
            guard invocation.operands.count == 1, let chosen = ReplyFormat(rawValue: invocation.operands[0]) else {
                throw WorkbenchError.invalidArgument("format", "usage: format text|json")
            }
            invocation.connection.switchFormat(to: chosen)
            return .message("format \(chosen.rawValue)")
        }
    }

    /// `quit`: close the connection after the reply.
    static var quit: CommandSpec {
        CommandSpec(local: "quit", synopsis: "Close the connection", operands: .noWords, isOpenToAnyone: true) { invocation in
            invocation.connection.closeAfterReply()
            return .message("bye")
        }
    }

    enum Queries {
        static let serverVersion = PostgresStatement("workbench.server_version", "SELECT current_setting('server_version')")
    }
}
