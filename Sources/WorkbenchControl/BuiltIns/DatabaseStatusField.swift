/// One `status` field read from the database (`migrations: 12 applied, 0 pending`).
public struct DatabaseStatusField: Sendable {
    /// The field's name.
    public var name: String
    /// Reads its value; throws when the database cannot answer.
    public var read: @Sendable () async throws -> String

    /// Creates a field.
    public init(name: String, read: @escaping @Sendable () async throws -> String) {
        self.name = name
        self.read = read
    }
}
