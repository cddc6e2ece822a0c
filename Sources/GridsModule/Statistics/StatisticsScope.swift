import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

/// What `grid stats scope=` names: an organisation subtree (a street, a community; cases of
/// every community under it) or a grid subtree. `org:<id or code>` and `grid:<id or code>`
/// say which when a code belongs to both.
enum StatisticsScope: Sendable {
    case organization(OrganizationDirectory.Organization)
    case grid(Grid)

    /// The binds of the statistics queries: an organisation path or a grid path.
    var paths: (organization: String?, grid: String?) {
        switch self {
        case .organization(let unit): (unit.path, nil)
        case .grid(let grid): (nil, grid.path)
        }
    }

    /// `org S1 第一街道党工委` or `grid W1 幸福一网格`.
    var label: String {
        switch self {
        case .organization(let unit): "org \(unit.label)"
        case .grid(let grid): "grid \(grid.label)"
        }
    }

    static func resolve(_ text: String, argument: String = "scope", in session: PostgresSession) async throws -> StatisticsScope {
        if text.hasPrefix("org:") {
            return .organization(try await OrganizationDirectory.unit(String(text.dropFirst(4)), argument: argument, in: session))
        }
        if text.hasPrefix("grid:") {
            return .grid(try await GridStore.find(GridReference(String(text.dropFirst(5))), argument: argument, in: session))
        }
        let grid = try await unlessNotFound { try await GridStore.find(GridReference(text), argument: argument, in: session) }
        let unit = try await unlessNotFound { try await OrganizationDirectory.unit(text, argument: argument, in: session) }
        switch (grid, unit) {
        case (let grid?, nil): return .grid(grid)
        case (nil, let unit?): return .organization(unit)
        case (_?, _?):
            throw WorkbenchError.invalidArgument(argument, "'\(text)' names both a grid and an organisation; write grid:\(text) or org:\(text)")
        case (nil, nil):
            throw WorkbenchError(
                status: .notFound, code: GridsErrorCode.scopeNotFound,
                message: "no grid or organisation with id or code '\(text)' (\(argument)=)", argument: argument
            )
        }
    }

    /// The lookup's result, or nil when it answered 404; any other error (the database down)
    /// still goes to the operator.
    private static func unlessNotFound<Found>(_ lookup: () async throws -> Found) async throws -> Found? {
        do {
            return try await lookup()
        } catch let error as WorkbenchError where error.status == .notFound {
            return nil
        }
    }
}
