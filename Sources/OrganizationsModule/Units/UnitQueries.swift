import WorkbenchPostgres

/// Queries about one organisation that are not part of the tree's shape.
enum UnitQueries {
    static let counts = PostgresStatement(
        "organizations.unit.counts",
        """
        SELECT (SELECT count(*) FROM organizations.units c WHERE c.parent_id = $1 AND c.dissolved_on IS NULL) AS children,
               (SELECT count(*) FROM organizations.members m WHERE m.unit_id = $1 AND m.left_on IS NULL) AS members,
               (SELECT count(*) FROM organizations.members m JOIN organizations.units u ON u.id = m.unit_id
                WHERE u.path OPERATOR(public.<@) $2::public.ltree AND m.left_on IS NULL) AS members_in_subtree
        """
    )
}
