import WorkbenchKit
import Foundation
import WorkbenchPostgres

/// The checklist versions the database knows. A version is recorded with its items the first
/// time a daemon runs with it; afterwards its items may not change, so an evaluation that
/// pinned the version always means the same items.
enum ChecklistStore {
    enum Queries {
        static let insertVersion = PostgresStatement(
            "property.checklist.insert_version",
            "INSERT INTO property.checklist_versions (version) VALUES ($1) ON CONFLICT DO NOTHING RETURNING version"
        )
        static let insertItem = PostgresStatement(
            "property.checklist.insert_item",
            "INSERT INTO property.checklist_items (version, code, kind, weight, title, position) VALUES ($1, $2, $3, $4, $5, $6)"
        )
        static let items = PostgresStatement(
            "property.checklist.items",
            "SELECT code, kind, weight, title FROM property.checklist_items WHERE version = $1 ORDER BY position"
        )
    }

    /// Records `checklist` if its version is new.
    ///
    /// - Throws: ``ModuleSettingsError`` when the version is recorded with other items.
    static func record(_ checklist: Checklist, in pool: PostgresPool) async throws {
        try await pool.withTransaction { session in
            if try await session.queryOptionalRow(Queries.insertVersion, [checklist.version]) != nil {
                for (position, item) in checklist.items.enumerated() {
                    try await session.execute(
                        Queries.insertItem, [checklist.version, item.code, item.kind.rawValue, item.weight, item.title, position + 1]
                    )
                }
                return
            }
            let recorded = try await items(of: checklist.version, in: session)
            guard recorded == checklist.items else {
                let changed = Set(recorded.map(\.code)).symmetricDifference(checklist.items.map(\.code))
                    .union(checklist.items.filter { item in recorded.contains { $0.code == item.code && $0 != item } }.map(\.code))
                throw ModuleSettingsError(
                    module: "property", key: "checklist.version",
                    problem:
                        "version \(checklist.version) is already recorded with other items (\(changed.sorted().joined(separator: ", ")) differ); "
                        + "evaluations pinned it, so give the changed checklist a new version"
                )
            }
        }
    }

    /// The items recorded under `version`, in order.
    static func items(of version: String, in session: PostgresSession) async throws -> [ChecklistItem] {
        try await session.query(Queries.items, [version]).map { row in
            ChecklistItem(
                code: try row.decode("code"), kind: try row.decode("kind"),
                weight: try row.decode("weight"), title: try row.decode("title")
            )
        }
    }
}
