public import Foundation
public import WorkbenchPostgres

/// A register imported by running its own commands, one row at a time: each row's arguments
/// go to the register's `add` command's handler (so a row meets every rule of the command,
/// with its messages), and with `update=true` the differing columns of a record that exists go
/// to its `update` command's handler. What a module writes is only how a row is keyed, how the
/// stored records are looked up and what differs.
///
/// Used with ``CodedRegisterImport`` for registers of modest size (companies, complexes,
/// stations, households): a row costs the command's own round trips. A register of hundreds of
/// thousands of rows (members) is written set-wise instead.
public struct CommandRegister<Record: Sendable>: CodedRegister {
    /// A row is the `add` command's checked arguments.
    public typealias Draft = Arguments

    /// What a row is, singular and plural.
    public let noun: (one: String, many: String)
    /// The register's `add` command.
    public let add: CommandSpec
    /// The command that changes a record, given the record's argument and the differing ones.
    public let update: CommandSpec?
    /// The import's own invocation: its caller, clock and session run the row commands.
    public let invocation: Invocation
    /// The column a refusal names for the key (`code`, `credit_code`, `address`).
    public let keyColumn: String
    /// The row's key: its code, or a natural key for a register without codes.
    public let key: @Sendable (Arguments) throws -> String
    /// The stored records among the keys, by key.
    public let lookup: @Sendable ([String], PostgresSession) async throws -> [String: Record]
    /// The `update` command's arguments that would bring the record in line with the row
    /// (name and raw text), empty when nothing differs; a difference the `update` command
    /// cannot make throws, naming the column.
    public let differences: @Sendable (Arguments, Record) throws -> [(String, String)]
    /// The `update` command's argument naming the record, with its value.
    public let identity: @Sendable (Record) -> (String, String)

    /// A register of `noun` whose rows run `add` (and `update` for `update=true`).
    public init(
        _ noun: (one: String, many: String), add: CommandSpec, update: CommandSpec?, invocation: Invocation, keyColumn: String = "code",
        key: @escaping @Sendable (Arguments) throws -> String,
        lookup: @escaping @Sendable ([String], PostgresSession) async throws -> [String: Record],
        differences: @escaping @Sendable (Arguments, Record) throws -> [(String, String)],
        identity: @escaping @Sendable (Record) -> (String, String)
    ) {
        self.noun = noun
        self.add = add
        self.update = update
        self.invocation = invocation
        self.keyColumn = keyColumn
        self.key = key
        self.lookup = lookup
        self.differences = differences
        self.identity = identity
    }

    public func draft(_ arguments: Arguments) throws -> Arguments {
        _ = try key(arguments)
        return arguments
    }

    public func code(of draft: Arguments) -> String { (try? key(draft)) ?? "" }

    public func parentCode(of draft: Arguments) -> String? { nil }

    public func existing(codes: [String], in session: PostgresSession) async throws -> [String: Record] {
        try await lookup(codes, session)
    }

    public func add(_ draft: Arguments, in session: PostgresSession) async throws {
        _ = try await run(add, draft)
    }

    public func match(_ draft: Arguments, with record: Record, update: Bool, in session: PostgresSession) async throws -> RegisterMatch {
        let changes = try differences(draft, record)
        guard !changes.isEmpty else { return .unchanged }
        guard update, let command = self.update else { return .differing }
        let words = ([identity(record)] + changes).map { name, value in
            let text = name + "=" + value
            return CommandLineTokenizer.Word(text: text, wasQuoted: true, assignmentIndex: text.index(text.startIndex, offsetBy: name.count))
        }
        _ = try await run(command, try ArgumentBinder.bind(words, to: command, now: invocation.now, timeZone: invocation.timeZone).arguments)
        return .updated
    }

    /// Runs `command`'s handler with `arguments` as the import's caller, in its transaction.
    private func run(_ command: CommandSpec, _ arguments: Arguments) async throws -> Reply {
        guard case .database(let handler) = command.execution else {
            preconditionFailure("a register's commands run against the database; \(command.qualifiedName) is local")
        }
        return try await handler(
            Invocation(
                command: command, arguments: arguments, caller: invocation.caller, database: invocation.database, requestID: nil,
                logger: invocation.logger, now: invocation.now, timeZone: invocation.timeZone
            ))
    }
}
