public import WorkbenchPostgres

/// A register whose records have codes (organisations, grids, companies, stations): what
/// ``CodedRegisterImport`` needs to import it with the rules of its single commands.
public protocol CodedRegister: Sendable {
    /// A row, checked as the register's `add` command checks its arguments.
    associatedtype Draft: Sendable
    /// A stored record, matched by code.
    associatedtype Record: Sendable

    /// What a row is, singular and plural (`organisation`, `organisations`).
    var noun: (one: String, many: String) { get }
    /// The register's `add` command, whose arguments a row gives.
    var add: CommandSpec { get }
    /// The draft the `add` command builds from `arguments` (the same function it calls).
    func draft(_ arguments: Arguments) throws -> Draft
    /// The column a row's code (or natural key) is named by in a refusal (`code`).
    var keyColumn: String { get }
    /// The draft's code.
    func code(of draft: Draft) -> String
    /// The code of the record it sits under, when that may be another row of the file.
    func parentCode(of draft: Draft) -> String?
    /// The stored records among `codes`, by code.
    func existing(codes: [String], in session: PostgresSession) async throws -> [String: Record]
    /// Adds a record by the `add` command's rules.
    func add(_ draft: Draft, in session: PostgresSession) async throws
    /// Compares a row with its stored record and, when `update`, brings the record in line.
    func match(_ draft: Draft, with record: Record, update: Bool, in session: PostgresSession) async throws -> RegisterMatch
}

/// What became of a row whose code exists.
public enum RegisterMatch: Sendable {
    /// The file says what the record says.
    case unchanged
    /// The file differs and the record was left as it is (no `update=true`).
    case differing
    /// The record was brought in line with the file.
    case updated
}

extension CodedRegister {
    /// `code`, for a register whose rows are keyed by their `code=`.
    public var keyColumn: String { "code" }
}
