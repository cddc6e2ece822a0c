import Foundation
import WorkbenchPostgres

/// The text forms the seed writes for instants and days, through WorkbenchPostgres's own
/// ``PostgresTimestamp`` formatter (no `DateFormatter` for millions of values).
///
/// Instants are seconds since 1970 written in UTC (`2026-11-21T01:30:05Z`); PostgreSQL stores
/// the instant, so the daemon shows it in its own time zone as usual.
enum CopyValues {
    /// An instant as `timestamptz` text.
    static func timestamp(_ seconds: Int64) -> String {
        PostgresTimestamp.format(Date(timeIntervalSince1970: TimeInterval(seconds)), offsetSeconds: 0)
    }

    /// A day counted from 1970-01-01 as `date` text.
    static func date(days: Int) -> String {
        String(timestamp(Int64(days) * 86_400).prefix(10))
    }

    /// The calendar year of an instant at a fixed UTC offset (Asia/Shanghai is +8 all year).
    static func year(of seconds: Int64, utcOffsetSeconds: Int64) -> Int {
        let local = PostgresTimestamp.format(Date(timeIntervalSince1970: TimeInterval(seconds)), offsetSeconds: Int(utcOffsetSeconds))
        return Int(local.prefix(4))!
    }
}
