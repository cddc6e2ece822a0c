public import WorkbenchKit
public import WorkbenchPostgres
import Synchronization

/// The organisations a scope's codes name, by id, as the setting `workbench.scope_units`
/// holds them (`"2,7"`).
///
/// Resolved through the view `workbench.scope_units` (which the organizations module defines
/// over its tree) the first time a scope is used, and kept: an organisation's id never
/// changes, wherever in the tree it moves, so the kept ids never go stale. A scope with a code
/// that names nothing yet is resolved again at each use, so that the organisation counts as
/// soon as it is added; until then the code admits nothing.
public final class ScopeDirectory: Sendable {
    private let resolved = Mutex<[String: String]>([:])

    /// `$1` the codes.
    public static let resolve = PostgresStatement(
        "workbench.scope.resolve", "SELECT id FROM workbench.scope_units WHERE code = ANY ($1::text[]) ORDER BY id"
    )

    /// Creates an empty directory.
    public init() {}

    /// The ids of the organisations `codes` name, separated by commas, resolved with
    /// `session` unless kept from before.
    public func units(of codes: [String], on session: PostgresSession) async throws -> String {
        let key = codes.joined(separator: ",")
        if let kept = resolved.withLock({ $0[key] }) { return kept }
        let ids = try await session.query(Self.resolve, [codes]).map { try $0.decode(at: 0, as: Int64.self) }
        let setting = ids.map(String.init).joined(separator: ",")
        if ids.count == Set(codes).count {
            resolved.withLock { $0[key] = setting }
        }
        return setting
    }
}
