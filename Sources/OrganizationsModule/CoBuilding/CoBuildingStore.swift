import WorkbenchKit
import WorkbenchPostgres

/// Co-building (结对共建): pairs of a unit-side organisation and a community, and their
/// projects.
enum CoBuildingStore {
    enum Queries {
        static let insertPair = PostgresStatement(
            "organizations.pair.insert",
            "INSERT INTO organizations.pairs (unit_id, community_id, since, commitment) VALUES ($1, $2, $3, $4) RETURNING id"
        )
        static let findPair = PostgresStatement(
            "organizations.pair.find",
            """
            SELECT p.id, p.since, p.ended_on, u.code AS unit_code, c.code AS community_code
            FROM organizations.pairs p JOIN organizations.units u ON u.id = p.unit_id JOIN organizations.units c ON c.id = p.community_id
            WHERE p.id = $1 FOR SHARE OF p
            """
        )
        static let endPair = PostgresStatement("organizations.pair.end", "UPDATE organizations.pairs SET ended_on = $2 WHERE id = $1")
        static let openProjects = PostgresStatement(
            "organizations.pair.open_projects",
            "SELECT count(*) FROM organizations.projects WHERE pair_id = $1 AND status IN ('planned', 'in_progress')"
        )
        static let listPairs = PostgresStatement(
            "organizations.pair.list",
            """
            SELECT p.id, u.code AS unit_code, u.name AS unit_name, c.code AS community_code, c.name AS community_name,
                   p.since, p.ended_on, p.commitment,
                   (SELECT count(*) FROM organizations.projects j WHERE j.pair_id = p.id) AS projects,
                   (SELECT count(*) FROM organizations.projects j WHERE j.pair_id = p.id AND j.status = 'done') AS projects_done
            FROM organizations.pairs p JOIN organizations.units u ON u.id = p.unit_id JOIN organizations.units c ON c.id = p.community_id
            WHERE p.id > $1
              AND ($2::text IS NULL OR c.path OPERATOR(public.<@) $2::public.ltree)
              AND ($3::bigint IS NULL OR p.unit_id = $3)
              AND (CASE $4::text WHEN 'open' THEN p.ended_on IS NULL WHEN 'ended' THEN p.ended_on IS NOT NULL ELSE true END)
            ORDER BY p.id
            LIMIT $5
            """
        )
        static let insertProject = PostgresStatement(
            "organizations.project.insert",
            "INSERT INTO organizations.projects (pair_id, title, category, due_on) VALUES ($1, $2, $3, $4) RETURNING id"
        )
        static let findProjectForUpdate = PostgresStatement(
            "organizations.project.find_for_update",
            "SELECT id, status, title, outcome FROM organizations.projects WHERE id = $1 FOR UPDATE"
        )
        static let updateProject = PostgresStatement(
            "organizations.project.update",
            """
            UPDATE organizations.projects
            SET status = $2, outcome = COALESCE($3, outcome), due_on = CASE WHEN $4 THEN $5::date ELSE due_on END,
                title = COALESCE($6, title), updated_at = now()
            WHERE id = $1
            RETURNING status, outcome, due_on, title
            """
        )
        static let listProjects = PostgresStatement(
            "organizations.project.list",
            """
            SELECT j.id, j.pair_id, u.code AS unit_code, c.code AS community_code, j.title, j.category, j.status, j.due_on,
                   j.outcome, (j.status IN ('planned', 'in_progress') AND j.due_on < $7) AS overdue
            FROM organizations.projects j
            JOIN organizations.pairs p ON p.id = j.pair_id
            JOIN organizations.units u ON u.id = p.unit_id JOIN organizations.units c ON c.id = p.community_id
            WHERE j.id > $1
              AND ($2::bigint IS NULL OR j.pair_id = $2)
              AND ($3::text IS NULL OR c.path OPERATOR(public.<@) $3::public.ltree)
              AND ($4::text IS NULL OR j.status = $4)
              AND ($5::text IS NULL OR j.category = $5)
              AND (NOT $6 OR (j.status IN ('planned', 'in_progress') AND j.due_on < $7))
            ORDER BY j.id
            LIMIT $8
            """
        )
    }

    static func addPair(
        unit unitReference: UnitReference, community communityReference: UnitReference, since: CalendarDate, commitment: String?,
        in session: PostgresSession
    ) async throws -> (Int64, Unit, Unit) {
        let unit = try await UnitStore.findActive(unitReference, argument: "unit", lock: .share, in: session)
        guard unit.kind.isUnitSide else {
            throw WorkbenchError(
                status: .unprocessable, code: OrganizationsErrorCode.pairNotAResidentUnit,
                message:
                    "co-building pairs a resident-unit, two-new, joint, regional or industry organisation with a community; "
                    + "\(unit.label) is a \(unit.kind.label)",
                argument: "unit"
            )
        }
        let community = try await UnitStore.findActive(communityReference, argument: "community", lock: .share, in: session)
        try MemberStore.requireCommunity(community, argument: "community")
        let id: Int64 = try await session.query(Queries.insertPair, [unit.id, community.id, since, commitment]).single().decode("id")
        return (id, unit, community)
    }

    static func findPair(_ id: Int64, argument: String, in session: PostgresSession) async throws -> PostgresRow {
        let row = try await session.row(
            Queries.findPair, [id],
            orElse: WorkbenchError(
                status: .notFound, code: OrganizationsErrorCode.pairNotFound, message: "no co-building pair with id \(id); see 'org pair list'",
                argument: argument
            ))
        return row
    }

    static func endPair(_ id: Int64, on date: CalendarDate, in session: PostgresSession) async throws -> PostgresRow {
        let pair = try await findPair(id, argument: "id", in: session)
        if let ended: CalendarDate = try pair.decode("ended_on") {
            throw WorkbenchError.conflict(OrganizationsErrorCode.pairAlreadyEnded, "pair \(id) already ended on \(ended)")
        }
        let since: CalendarDate = try pair.decode("since")
        guard date >= since else { throw WorkbenchError.invalidArgument("on", "the pair began on \(since); it cannot end before that") }
        let open: Int = try await session.query(Queries.openProjects, [id]).single().decode(at: 0)
        guard open == 0 else {
            throw WorkbenchError.ruleRefused(
                OrganizationsErrorCode.pairOpenProjects,
                "pair \(id) still has \(open) planned or in-progress project(s); finish or cancel them first ('org project list pair=\(id)')"
            )
        }
        try await session.execute(Queries.endPair, [id, date])
        return pair
    }

    static func addProject(pair pairID: Int64, title: String, category: String, due: CalendarDate?, in session: PostgresSession) async throws -> Int64
    {
        let pair = try await findPair(pairID, argument: "pair", in: session)
        if let ended: CalendarDate = try pair.decode("ended_on") {
            throw WorkbenchError.ruleRefused(OrganizationsErrorCode.pairEnded, "pair \(pairID) ended on \(ended); start a new pair to add projects")
        }
        return try await session.query(Queries.insertProject, [pairID, title, category, due]).single().decode("id")
    }

    struct ProjectChange: Sendable {
        var status: ProjectStatus?
        var outcome: String?
        var due: CalendarDate??
        var title: String?
    }

    /// Changes a project: its status only along `machine` (`organizations.project_transitions`),
    /// a finished one not at all, `done` only with an outcome.
    static func updateProject(
        _ id: Int64, _ change: ProjectChange, machine: StatusMachine, in session: PostgresSession
    ) async throws -> (from: ProjectStatus, to: ProjectStatus) {
        let row = try await session.row(
            Queries.findProjectForUpdate, [id],
            orElse: WorkbenchError(
                status: .notFound, code: OrganizationsErrorCode.projectNotFound, message: "no project with id \(id); see 'org project list'",
                argument: "id"))
        let current = ProjectStatus(rawValue: try row.decode("status")) ?? .planned
        let next = change.status ?? current
        if next != current, machine.action(from: current.rawValue, to: next.rawValue) == nil {
            let allowed = machine.nextStatuses(from: current.rawValue)
            throw WorkbenchError.conflict(
                OrganizationsErrorCode.projectTransitionNotAllowed,
                "project \(id) is \(current.rawValue); it cannot become \(next.rawValue)"
                    + (allowed.isEmpty ? " (it is final)" : " (allowed: \(allowed.joined(separator: ", ")))")
            )
        }
        if !current.isOpen && next == current && (change.due != nil || change.title != nil) {
            throw WorkbenchError.conflict(OrganizationsErrorCode.projectClosed, "project \(id) is \(current.rawValue); it can no longer change")
        }
        let existingOutcome: String? = try row.decode("outcome")
        if next == .done, change.outcome == nil, existingOutcome == nil {
            throw WorkbenchError.invalidArgument("outcome", "a project is done only with its outcome: give outcome=\"…\"")
        }
        try await session.query(
            Queries.updateProject, [id, next.rawValue, change.outcome, change.due != nil, change.due ?? nil, change.title]
        )
        return (current, next)
    }
}
