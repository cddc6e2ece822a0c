import Foundation

/// What a database constraint means to an operator, written where the constraint is: as its
/// comment in the migration that creates it.
///
/// ```sql
/// COMMENT ON CONSTRAINT stations_code_form ON stations.stations IS
///     'code: a station code starts with a letter and has at most 32 letters, digits, ".", "_" or "-"';
/// COMMENT ON CONSTRAINT stations_closing_whole ON stations.stations IS
///     '-: a closed station has its closing day and reason, an open one neither';
/// ```
///
/// The comment is `argument: message`: the command argument whose value the rule is about, or
/// `-` when the rule is about a record's state rather than one value. When a change breaks
/// the constraint, the reply is that message with a stable code, `<schema>.<constraint>`:
///
/// | Constraint | With an argument | With `-` |
/// |---|---|---|
/// | CHECK | 400, naming the argument | 422 |
/// | UNIQUE, EXCLUDE | 409, naming the argument | 409 |
///
/// A module may instead map a constraint in Swift (``WorkbenchModule/constraintErrors``),
/// which wins. Every CHECK, UNIQUE and EXCLUDE constraint of every module has one or the
/// other (a test walks `pg_constraint`), so no refusal by the database answers with the
/// generic `database.rule_refused`.
public struct ConstraintRule: Sendable, Equatable {
    /// What kind of constraint it is.
    public enum Kind: Sendable, Equatable {
        /// A CHECK constraint.
        case check
        /// A UNIQUE constraint or an exclusion constraint.
        case uniqueness
    }

    /// The schema (a module's id, or `workbench`).
    public var schema: String
    /// The constraint's name.
    public var name: String
    /// Its kind.
    public var kind: Kind
    /// The argument the rule is about; nil for a rule about a record's state.
    public var argument: String?
    /// What the rule says, for the operator.
    public var message: String

    /// Creates a rule.
    public init(schema: String, name: String, kind: Kind, argument: String?, message: String) {
        self.schema = schema
        self.name = name
        self.kind = kind
        self.argument = argument
        self.message = message
    }

    /// Reads a constraint's comment; nil when it is not of the form `argument: message`.
    public init?(schema: String, name: String, kind: Kind, comment: String) {
        guard let colon = comment.firstIndex(of: ":") else { return nil }
        let argument = String(comment[..<colon])
        let message = comment[comment.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !message.isEmpty, argument == "-" || ArgumentSpec.isValidName(argument) else { return nil }
        self.init(schema: schema, name: name, kind: kind, argument: argument == "-" ? nil : argument, message: message)
    }

    /// The stable code of its refusal: `<schema>.<constraint>`.
    public var code: String { "\(schema).\(name)" }

    /// The refusal a change that breaks it gets.
    public var error: WorkbenchError {
        let text = argument.map { "\($0): \(message)" } ?? message
        switch (kind, argument) {
        case (.check, .some): return WorkbenchError(status: .badRequest, code: code, message: text, argument: argument)
        case (.check, .none): return WorkbenchError(status: .unprocessable, code: code, message: text)
        case (.uniqueness, _): return WorkbenchError(status: .conflict, code: code, message: text, argument: argument)
        }
    }
}
