import WorkbenchPostgres

/// How `station visits by=` groups visits into usage statistics.
enum VisitGrouping: String, Sendable, CaseIterable {
    /// Per station.
    case station
    /// Per service used (a visit using two services counts for both).
    case service
    /// Per platform 平台 (美团, 饿了么, …).
    case platform
    /// Per hour of the day on the daemon's clock (00 … 23, every hour shown).
    case hour
    /// Per day of the week (周一 … 周日, every day shown).
    case weekday
    /// Per ISO week (`2026-W47`).
    case week

    /// The statistics statement: `$1`…`$6` the visit filters of ``VisitQueries/filters``,
    /// `$7` the time zone.
    var statement: PostgresStatement {
        let key: String
        var from = VisitQueries.from
        var order = "visits DESC, key"
        switch self {
        case .station: key = "s.code || ' ' || s.name"
        case .platform: key = "v.platform"
        case .service:
            key = "sv.name"
            from += " JOIN stations.visit_services x ON x.visit_id = v.id JOIN stations.services sv ON sv.code = x.service"
        case .hour:
            key = "to_char(v.visited_at AT TIME ZONE $7, 'HH24')"
            order = "key"
        case .weekday:
            key = "to_char(v.visited_at AT TIME ZONE $7, 'ID')"
            order = "key"
        case .week:
            key = "to_char(v.visited_at AT TIME ZONE $7, 'IYYY-\"W\"IW')"
            order = "key"
        }
        // $7 is only named by the time-based keys; the others mention it so that every
        // statement takes the same binds.
        let zone = [.hour, .weekday, .week].contains(self) ? "" : " AND $7::text IS NOT NULL"
        return PostgresStatement(
            "stations.visit.stats_by_\(rawValue)",
            """
            SELECT \(key) AS key, count(*) AS visits, count(DISTINCT v.worker) AS workers
            \(from)
            WHERE \(VisitQueries.filters)\(zone)
            GROUP BY 1 ORDER BY \(order)
            """
        )
    }
}
