import WorkbenchPostgres

/// What the map reads besides the coverage study.
enum MapQueries {
    /// The positions of the open stations hosted by organisations in the subtree at path `$1`:
    /// the map's box holds them all, even those away from the scope's grids.
    static let hostedIn = PostgresStatement(
        "stations.map.hosted_in",
        """
        SELECT s.latitude, s.longitude
        FROM stations.stations s JOIN organizations.units u ON u.id = s.host_id
        WHERE s.status = 'open' AND u.path OPERATOR(public.<@) $1::public.ltree
        """
    )
}
