public import WorkbenchKit
public import WorkbenchPostgres

/// The rules the modules' constraints state in their comments (``ConstraintRule``), read once
/// at start-up after the migrations, so that the error-mapping stage answers a refusal by the
/// database like the command's own checks.
public struct ConstraintCatalog: Sendable {
    /// Every CHECK, UNIQUE and EXCLUDE constraint of the schemas, as the database has it.
    public struct Entry: Sendable, Equatable {
        /// The schema.
        public var schema: String
        /// The table the constraint is on.
        public var table: String
        /// The constraint's name.
        public var name: String
        /// Its kind.
        public var kind: ConstraintRule.Kind
        /// Its comment, if any.
        public var comment: String?
        /// Its definition (`CHECK (length(name) <= 100)`).
        public var definition: String

        /// The rule its comment states; nil without a well-formed comment.
        public var rule: ConstraintRule? {
            comment.flatMap { ConstraintRule(schema: schema, name: name, kind: kind, comment: $0) }
        }
    }

    /// The rules, by `schema.constraint`.
    public let rules: [String: ConstraintRule]

    /// Creates a catalog of `rules`.
    public init(rules: [ConstraintRule]) {
        self.rules = Dictionary(rules.map { ("\($0.schema).\($0.name)", $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The rule of the constraint a database error names, if its comment states one.
    public func rule(schema: String?, constraint: String?) -> ConstraintRule? {
        guard let schema, let constraint else { return nil }
        return rules["\(schema).\(constraint)"]
    }

    /// Reads the constraints of `schemas`.
    public static func entries(schemas: [String], on session: PostgresSession) async throws -> [Entry] {
        try await session.query(query, [schemas]).map { row in
            Entry(
                schema: try row.decode("schema"), table: try row.decode("table_name"), name: try row.decode("name"),
                kind: try row.decode("kind", as: String.self) == "c" ? .check : .uniqueness,
                comment: try row.decode("comment"), definition: try row.decode("definition")
            )
        }
    }

    /// Reads the catalog of `schemas`.
    public static func load(schemas: [String], on session: PostgresSession) async throws -> ConstraintCatalog {
        ConstraintCatalog(rules: try await entries(schemas: schemas, on: session).compactMap(\.rule))
    }

    static let query = PostgresStatement(
        "workbench.constraints.catalog",
        """
        SELECT n.nspname AS schema, t.relname AS table_name, c.conname AS name, c.contype::text AS kind,
               obj_description(c.oid, 'pg_constraint') AS comment, pg_get_constraintdef(c.oid) AS definition
        FROM pg_constraint c
        JOIN pg_namespace n ON n.oid = c.connamespace
        JOIN pg_class t ON t.oid = c.conrelid
        WHERE n.nspname = ANY ($1::text[]) AND c.contype IN ('c', 'u', 'x')
        ORDER BY n.nspname, t.relname, c.conname
        """
    )
}
