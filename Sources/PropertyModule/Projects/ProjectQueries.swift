import WorkbenchPostgres

/// The statements of claimed Party-building service projects.
enum ProjectQueries {
    static let insert = PostgresStatement(
        "property.project.insert",
        """
        INSERT INTO property.projects (company_id, community_id, title, description, status, claimed_on, updated_at)
        VALUES ($1, $2, $3, $4, 'claimed', $5, $6) RETURNING id
        """
    )
    static let findForUpdate = PostgresStatement(
        "property.project.find",
        """
        SELECT \(Project.columns)
        FROM property.projects p JOIN property.companies m ON m.id = p.company_id JOIN organizations.units c ON c.id = p.community_id
        WHERE p.id = $1 FOR UPDATE OF p
        """
    )
    /// Moves `$1` to `$3` only from `$2`, so two concurrent updates cannot both win.
    static let update = PostgresStatement(
        "property.project.update",
        """
        UPDATE property.projects SET status = $3, finished_on = $4, outcome = $5, updated_at = $6
        WHERE id = $1 AND status = $2
        """
    )
    /// Projects after id `$1` of company `$2` in scope path `$3` with status `$4`, at most `$5`.
    static let list = PostgresStatement(
        "property.project.list",
        """
        SELECT \(Project.columns)
        FROM property.projects p JOIN property.companies m ON m.id = p.company_id JOIN organizations.units c ON c.id = p.community_id
        WHERE p.id > $1
          AND ($2::bigint IS NULL OR p.company_id = $2)
          AND ($3::text IS NULL OR c.path OPERATOR(public.<@) $3::public.ltree)
          AND ($4::text IS NULL OR p.status = $4)
        ORDER BY p.id
        LIMIT $5
        """
    )
}
