import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// Responsibility lists and their indicators: the handlers call these, never SQL.
enum ChecklistStore {
    static func notFound(_ text: String, argument: String) -> WorkbenchError {
        WorkbenchError(
            status: .notFound, code: GovernanceErrorCode.checklistNotFound,
            message: "no responsibility list \(text) (\(argument)=); see 'gov checklist list'", argument: argument)
    }

    /// The list with `id`, or a 404.
    static func find(_ id: Int64, argument: String = "checklist", in session: PostgresSession) async throws -> Checklist {
        try Checklist(row: try await session.row(Queries.find, [id], orElse: notFound("\(id)", argument: argument)))
    }

    /// The latest version for `kind`, nil when the kind has none.
    static func latest(kind: String, in session: PostgresSession) async throws -> Checklist? {
        try await session.queryOptionalRow(Queries.latest, [kind]).map(Checklist.init(row:))
    }

    /// Adds the next version for `kind`, starting from the latest version's indicators.
    static func addVersion(kind: String, title: String, now: Date, in session: PostgresSession) async throws -> Checklist {
        let previous = try await latest(kind: kind, in: session)
        let id: Int64 = try await session.query(Queries.add, [kind, (previous?.version ?? 0) + 1, title, now]).single().decode("id")
        if let previous { _ = try await session.execute(Queries.copyIndicators, [previous.id, id]) }
        return try await find(id, in: session)
    }

    /// The list's indicators by code.
    static func indicators(of checklistID: Int64, in session: PostgresSession) async throws -> [Indicator] {
        try await session.query(Queries.indicators, [checklistID]).map(Indicator.init(row:))
    }

    /// Adds an indicator, or changes the one with its code; refused (`governance.checklist.in_use`)
    /// once an assessment scores by the list.
    static func setIndicator(
        _ checklist: Checklist, code: String, title: String, weight: Decimal, evidence: EvidenceKind, in session: PostgresSession
    ) async throws {
        try refuseInUse(checklist)
        _ = try await session.execute(Queries.setIndicator, [checklist.id, code, title, weight, evidence])
    }

    /// Removes an indicator; a 404 when the list has no such code.
    static func removeIndicator(_ checklist: Checklist, code: String, in session: PostgresSession) async throws {
        try refuseInUse(checklist)
        guard try await session.queryOptionalRow(Queries.removeIndicator, [checklist.id, code]) != nil else {
            throw WorkbenchError(
                status: .notFound, code: GovernanceErrorCode.indicatorNotFound,
                message: "\(checklist.label) has no indicator \(code) (code=); see 'gov checklist show checklist=\(checklist.id)'",
                argument: "code")
        }
    }

    static func refuseInUse(_ checklist: Checklist) throws {
        guard !checklist.inUse else {
            throw WorkbenchError.conflict(
                GovernanceErrorCode.checklistInUse,
                "\(checklist.label) is in use by an assessment; add a new version with 'gov checklist add kind=\(checklist.kind)' to change it")
        }
    }

    /// Lists by kind and version.
    static func list(kind: String?, in session: PostgresSession) async throws -> [Checklist] {
        try await session.query(Queries.list, [kind]).map(Checklist.init(row:))
    }

    enum Queries {
        static let find = PostgresStatement("governance.checklist.find", "SELECT \(Checklist.columns) FROM governance.checklists l WHERE l.id = $1")
        static let latest = PostgresStatement(
            "governance.checklist.latest",
            "SELECT \(Checklist.columns) FROM governance.checklists l WHERE l.kind = $1 ORDER BY l.version DESC LIMIT 1"
        )
        static let add = PostgresStatement(
            "governance.checklist.add",
            "INSERT INTO governance.checklists (kind, version, title, created_at) VALUES ($1, $2, $3, $4) RETURNING id"
        )
        static let copyIndicators = PostgresStatement(
            "governance.checklist.copy_indicators",
            """
            INSERT INTO governance.indicators (checklist_id, code, title, weight, evidence)
            SELECT $2, code, title, weight, evidence FROM governance.indicators WHERE checklist_id = $1 ORDER BY code
            """
        )
        static let indicators = PostgresStatement(
            "governance.checklist.indicators",
            "SELECT \(Indicator.columns) FROM governance.indicators i WHERE i.checklist_id = $1 ORDER BY i.code"
        )
        static let setIndicator = PostgresStatement(
            "governance.checklist.set_indicator",
            """
            INSERT INTO governance.indicators (checklist_id, code, title, weight, evidence) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT ON CONSTRAINT indicators_code_key
            DO UPDATE SET title = EXCLUDED.title, weight = EXCLUDED.weight, evidence = EXCLUDED.evidence
            """
        )
        static let removeIndicator = PostgresStatement(
            "governance.checklist.remove_indicator",
            "DELETE FROM governance.indicators WHERE checklist_id = $1 AND code = $2 RETURNING id"
        )
        static let list = PostgresStatement(
            "governance.checklist.list",
            "SELECT \(Checklist.columns) FROM governance.checklists l WHERE $1::text IS NULL OR l.kind = $1 ORDER BY l.kind, l.version"
        )
    }
}
