import WorkbenchPostgres

/// Queries about one organisation that are not part of the tree's shape.
enum UnitQueries {
    /// `$1` the unit's id, `$2` its path: its own active children and members, and the members
    /// of its whole subtree as the sum of the subtree's rows of `organizations.unit_counts`.
    static let counts = PostgresStatement(
        "organizations.unit.counts",
        """
        SELECT COALESCE((SELECT c.children FROM organizations.unit_counts c WHERE c.unit_id = $1), 0)::bigint AS children,
               COALESCE((SELECT c.members FROM organizations.unit_counts c WHERE c.unit_id = $1), 0)::bigint AS members,
               (SELECT COALESCE(sum(c.members), 0) FROM organizations.unit_counts c
                WHERE c.path OPERATOR(public.<@) $2::public.ltree)::bigint AS members_in_subtree
        """
    )
}
