import WorkbenchPostgres

/// The statements of visits: logging, listing and counting.
enum VisitQueries {
    /// The visits and their stations and hosts.
    static let from = """
        FROM stations.visits v
        JOIN stations.stations s ON s.id = v.station_id
        JOIN organizations.units h ON h.id = s.host_id
        """

    /// `$1` station id, `$2` host scope path, `$3` platform, `$4` service code, `$5` from
    /// (inclusive) and `$6` until (exclusive): each null for no filter.
    static let filters = """
        ($1::bigint IS NULL OR v.station_id = $1)
          AND ($2::text IS NULL OR h.path OPERATOR(public.<@) $2::public.ltree)
          AND ($3::text IS NULL OR v.platform = $3)
          AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM stations.visit_services f WHERE f.visit_id = v.id AND f.service = $4))
          AND ($5::timestamptz IS NULL OR v.visited_at >= $5)
          AND ($6::timestamptz IS NULL OR v.visited_at < $6)
        """

    static let insert = PostgresStatement(
        "stations.visit.insert",
        """
        INSERT INTO stations.visits (station_id, visited_at, platform, worker, logged_at, logged_by)
        VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
        """
    )
    static let insertServices = PostgresStatement(
        "stations.visit.insert_services", "INSERT INTO stations.visit_services (visit_id, service) SELECT $1, unnest($2::text[])"
    )
    /// The filters, then `$7` after id and `$8` limit.
    static let list = PostgresStatement(
        "stations.visit.list",
        """
        SELECT v.id, v.visited_at, s.code AS station_code, s.name AS station_name, v.platform, v.worker,
               ARRAY(SELECT sv.name FROM stations.visit_services x JOIN stations.services sv ON sv.code = x.service
                     WHERE x.visit_id = v.id ORDER BY sv.standard DESC, sv.position, sv.name) AS services
        \(from)
        WHERE \(filters) AND v.id > $7
        ORDER BY v.id
        LIMIT $8
        """
    )
    /// The filters: visits, distinct workers and stations.
    static let totals = PostgresStatement(
        "stations.visit.totals",
        "SELECT count(*) AS visits, count(DISTINCT v.worker) AS workers, count(DISTINCT v.station_id) AS stations \(from) WHERE \(filters)"
    )
}
