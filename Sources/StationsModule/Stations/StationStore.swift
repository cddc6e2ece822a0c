import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// Station lookups and changes.
enum StationStore {
    enum Queries {
        static let find = PostgresStatement(
            "stations.station.find",
            Station.selection
                + " WHERE s.id = CASE WHEN $1::bigint IS NULL THEN (SELECT id FROM stations.stations WHERE upper(code) = upper($2))"
                + " ELSE $1::bigint END"
        )
        /// The stations whose codes are among `$1` (upper case).
        static let findByCodes = PostgresStatement("stations.station.find_by_codes", Station.selection + " WHERE upper(s.code) = ANY($1::text[])")
        static let findForUpdate = PostgresStatement("stations.station.find_for_update", find.sql + " FOR UPDATE OF s")
        static let insert = PostgresStatement(
            "stations.station.insert",
            """
            INSERT INTO stations.stations (code, name, kind, address, latitude, longitude, host_id, hours, capacity, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id
            """
        )
        /// Every argument may be null (unchanged) except `$1` id and `$10` now.
        static let update = PostgresStatement(
            "stations.station.update",
            """
            UPDATE stations.stations SET name = COALESCE($2, name), kind = COALESCE($3, kind), address = COALESCE($4, address),
                   latitude = COALESCE($5, latitude), longitude = COALESCE($6, longitude), host_id = COALESCE($7, host_id),
                   hours = COALESCE($8, hours), capacity = COALESCE($9, capacity), updated_at = $10
            WHERE id = $1
            """
        )
        static let clearIntervals = PostgresStatement(
            "stations.station.clear_intervals", "DELETE FROM stations.opening_intervals WHERE station_id = $1")
        /// `$1` station, `$2` weekdays, `$3` opening times, `$4` closing times.
        static let insertIntervals = PostgresStatement(
            "stations.station.insert_intervals",
            """
            INSERT INTO stations.opening_intervals (station_id, weekday, opens, closes)
            SELECT $1, d, o::time, c::time FROM unnest($2::smallint[], $3::text[], $4::text[]) AS i(d, o, c)
            """
        )
        static let close = PostgresStatement(
            "stations.station.close",
            "UPDATE stations.stations SET status = 'closed', closed_on = $2, closed_reason = $3, updated_at = $4 WHERE id = $1"
        )
        static let reopen = PostgresStatement(
            "stations.station.reopen",
            "UPDATE stations.stations SET status = 'open', closed_on = NULL, closed_reason = NULL, updated_at = $2 WHERE id = $1"
        )
        /// `$1` station, `$2` since: visits in all and since.
        static let visitCounts = PostgresStatement(
            "stations.station.visit_counts",
            "SELECT count(*) AS total, count(*) FILTER (WHERE visited_at >= $2) AS recent FROM stations.visits WHERE station_id = $1"
        )
        /// `$1` organisation path: where the open stations hosted under it are.
        static let openPositionsInScope = PostgresStatement(
            "stations.station.open_positions_in_scope",
            """
            SELECT s.latitude, s.longitude FROM stations.stations s JOIN organizations.units h ON h.id = s.host_id
            WHERE s.status = 'open' AND h.path OPERATOR(public.<@) $1::public.ltree
            """
        )
        /// `$2` scope path, `$3` kind, `$4` status, `$5` service, `$6` open now wanted,
        /// `$7` weekday and `$8` time now, `$9` limit.
        static let list = PostgresStatement(
            "stations.station.list",
            Station.selection + """

                WHERE s.id > $1
                  AND ($2::text IS NULL OR h.path OPERATOR(public.<@) $2::public.ltree)
                  AND ($3::text IS NULL OR s.kind = $3)
                  AND ($4::text IS NULL OR s.status = $4)
                  AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM stations.station_services x WHERE x.station_id = s.id AND x.service = $5))
                  AND ($6::boolean IS NULL OR (s.status = 'open' AND \(OpenNowCondition.sql(weekday: 7, time: 8))) = $6)
                ORDER BY s.id
                LIMIT $9
                """
        )
    }

    /// The station named by `text` (id or code), or a 404 naming `argument`.
    static func find(_ text: String, argument: String = "station", forUpdate: Bool = false, in session: PostgresSession) async throws -> Station {
        let reference = RecordReference(text)
        return try Station(
            row: try await session.row(
                forUpdate ? Queries.findForUpdate : Queries.find, for: reference,
                orElse: WorkbenchError(
                    status: .notFound, code: StationsErrorCode.stationNotFound,
                    message: "no station with \(reference) (\(argument)=); list them with 'station list'", argument: argument
                )
            )
        )
    }

    /// Replaces the station's opening intervals with `hours`.
    static func storeIntervals(of hours: OpeningHours, station: Int64, in session: PostgresSession) async throws {
        _ = try await session.execute(Queries.clearIntervals, [station])
        _ = try await session.execute(
            Queries.insertIntervals,
            [
                station, hours.intervals.map { Int64($0.weekday.rawValue) }, hours.intervals.map { $0.opensText + ":00" },
                hours.intervals.map { $0.closesText + ":00" },
            ]
        )
    }
}
