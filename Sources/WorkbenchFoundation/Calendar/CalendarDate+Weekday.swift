import Foundation

extension CalendarDate {
    /// Days since 1970-01-01 (negative before it).
    public var dayNumber: Int {
        Int((startOfDay(in: .gmt).timeIntervalSince1970 / 86_400).rounded(.down))
    }

    /// The ISO weekday: 1 for Monday … 7 for Sunday (1970-01-01 was a Thursday).
    public var isoWeekday: Int {
        ((dayNumber + 3) % 7 + 7) % 7 + 1
    }

    /// Whether the day is a Saturday or a Sunday.
    public var isWeekend: Bool { isoWeekday >= 6 }

    /// The weekday's English name (`Wednesday`).
    public var weekdayName: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][isoWeekday - 1]
    }

    /// The weekday's three-letter abbreviation (`Wed`).
    public var weekdayAbbreviation: String { String(weekdayName.prefix(3)) }

    /// `MM-DD`, for month tables.
    public var monthAndDay: String { String(description.dropFirst(5)) }
}
