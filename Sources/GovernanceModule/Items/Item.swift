import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// An item: replace with the area's own record.
struct Item: Sendable {
    var id: Int64
    var name: String
    var createdAt: Date

    /// The columns ``init(row:)`` reads.
    static let columns = "id, name, created_at"

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        name = try row.decode("name")
        createdAt = try row.decode("created_at")
    }

    /// The columns of `item list`.
    static let listColumns = ["id", "name", "created_at"]

    /// One row of `item list`.
    var listValues: [ReplyValue] { [.int(id), .string(name), .timestamp(createdAt)] }
}
