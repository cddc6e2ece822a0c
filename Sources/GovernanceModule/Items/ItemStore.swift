import WorkbenchKit
import WorkbenchPostgres

/// The items' rules and reads: the handlers call these, never SQL.
enum ItemStore {
    /// Adds an item; a duplicate name is refused by `items_name_key`.
    ///
    /// - Returns: Its id.
    static func add(name: String, in session: PostgresSession) async throws -> Int64 {
        try await session.query(Queries.add, [name]).single().decode("id")
    }

    /// One page of items by id.
    static func list(page: Page, in session: PostgresSession) async throws -> [Item] {
        try await session.query(Queries.list, [page.afterKey, page.fetchLimit]).map(Item.init(row:))
    }

    enum Queries {
        static let add = PostgresStatement("governance.item.add", "INSERT INTO governance.items (name) VALUES ($1) RETURNING id")
        static let list = PostgresStatement(
            "governance.item.list", "SELECT \(Item.columns) FROM governance.items WHERE id > $1 ORDER BY id LIMIT $2"
        )
    }
}
