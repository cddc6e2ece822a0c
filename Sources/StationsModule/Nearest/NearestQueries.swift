import WorkbenchPostgres

/// The nearest-station statement.
enum NearestQueries {
    /// Whether station `s` is open on weekday `$4` at time `$5`.
    static let openAt = OpenNowCondition.sql(weekday: 4, time: 5)

    /// What a nearest-station row shows, `$1`, `$2` the starting point.
    static let columns = """
        SELECT s.id, s.code, s.name, s.kind, s.address, s.latitude, s.longitude, s.hours,
               stations.metres_between(stations.earth_position(s.latitude, s.longitude), stations.earth_position($1, $2)) AS metres,
               \(openAt) AS open_now,
               \(ServiceCatalogue.namesOfStation) AS services
        """

    /// Open stations nearest to (`$1`, `$2`), walking the GiST index in distance order
    /// (KNN with `<->`); `$3` service code, `$4` weekday and `$5` time, `$6` limit, `$7`
    /// whether only stations open then are wanted.
    static let nearest = PostgresStatement(
        "stations.nearest",
        columns + "\n" + """
            FROM stations.stations s
            WHERE s.status = 'open'
              AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM stations.station_services x WHERE x.station_id = s.id AND x.service = $3))
              AND (NOT $7::boolean OR \(openAt))
            ORDER BY stations.earth_position(s.latitude, s.longitude) OPERATOR(public.<->) stations.earth_position($1, $2)
            LIMIT $6
            """
    )

    /// The same for a service few stations offer: walking the stations in distance order
    /// would read most of them before finding one, so this reads the offering stations and
    /// sorts them. `$3` is the service code.
    static let nearestOffering = PostgresStatement(
        "stations.nearest_offering",
        columns + "\n" + """
            FROM stations.station_services f
            JOIN stations.stations s ON s.id = f.station_id
            WHERE f.service = $3 AND s.status = 'open' AND (NOT $7::boolean OR \(openAt))
            ORDER BY stations.earth_position(s.latitude, s.longitude) OPERATOR(public.<->) stations.earth_position($1, $2)
            LIMIT $6
            """
    )

    /// How many stations offer service `$1`, counted up to `$2`.
    static let offeringCount = PostgresStatement(
        "stations.offering_count",
        "SELECT count(*) AS stations FROM (SELECT 1 FROM stations.station_services WHERE service = $1 LIMIT $2) f"
    )

    /// Below this many offering stations, ``nearestOffering`` is used.
    static let fewOffering = 2_000

    /// For each point (`$1` latitudes, `$2` longitudes, in order), the nearest open
    /// station of the kinds `$3` (null: any) and its distance; a null station when there is
    /// none at all.
    static let nearestToEach = PostgresStatement(
        "stations.nearest_to_each",
        """
        SELECT p.n, n.code, n.name, n.metres
        FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS p(latitude, longitude, n)
        LEFT JOIN LATERAL (
            SELECT s.code, s.name,
                   stations.metres_between(stations.earth_position(s.latitude, s.longitude), stations.earth_position(p.latitude, \
        p.longitude)) AS metres
            FROM stations.stations s
            WHERE s.status = 'open' AND ($3::text[] IS NULL OR s.kind = ANY ($3::text[]))
            ORDER BY stations.earth_position(s.latitude, s.longitude) OPERATOR(public.<->) stations.earth_position(p.latitude, p.longitude)
            LIMIT 1
        ) n ON true
        ORDER BY p.n
        """
    )

    /// Open stations inside the box `$1` south, `$2` west, `$3` north, `$4` east (degrees),
    /// found through the GiST index with the sphere box around `$5`, `$6` of radius `$7`
    /// metres that holds it.
    static let inBox = PostgresStatement(
        "stations.in_box",
        """
        SELECT s.id, s.code, s.name, s.kind, s.latitude, s.longitude
        FROM stations.stations s
        WHERE s.status = 'open'
          AND stations.box_around(stations.earth_position($5, $6), $7) OPERATOR(public.@>) stations.earth_position(s.latitude, s.longitude)
          AND s.latitude BETWEEN $1 AND $3 AND s.longitude BETWEEN $2 AND $4
        ORDER BY s.id
        """
    )
}
