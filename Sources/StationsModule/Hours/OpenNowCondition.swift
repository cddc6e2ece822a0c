/// The SQL condition "station `s` is open on a weekday at a time", for the statements that
/// filter or show "open now" (`station list`, `station nearest`).
///
/// It is a scalar subquery with LIMIT, run per station through the primary key of
/// `stations.opening_intervals`. An EXISTS here is planned as a hash of every interval:
/// 170 ms over 100,000 stations instead of microseconds.
enum OpenNowCondition {
    /// The condition with the weekday bound as `$<weekday>` and the `HH:MM:SS` time as `$<time>`.
    static func sql(weekday: Int, time: Int) -> String {
        """
        ((SELECT true FROM stations.opening_intervals o
          WHERE o.station_id = s.id AND o.weekday = $\(weekday) AND o.opens <= $\(time)::time AND $\(time)::time < o.closes LIMIT 1) IS NOT NULL)
        """
    }
}
