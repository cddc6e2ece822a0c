public import Foundation

/// How a deadline reads to an operator: `1d 4h left`, `overdue by 3h 20m`.
public enum DeadlineText {
    /// The time from `now` to `due`, to the minute.
    public static func describe(due: Date, now: Date) -> String {
        let seconds = Int(due.timeIntervalSince(now).rounded(.down))
        let span = span(abs(seconds))
        return seconds >= 0 ? "\(span) left" : "overdue by \(span)"
    }

    /// `2d 3h 5m`, `45m`, `0m`; days and hours are dropped when zero.
    public static func span(_ seconds: Int) -> String {
        let minutes = seconds / 60
        let (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        var parts: [String] = []
        if days > 0 { parts.append("\(days)d") }
        if hours > 0 { parts.append("\(hours)h") }
        if rest > 0 || parts.isEmpty { parts.append("\(rest)m") }
        return parts.joined(separator: " ")
    }
}
