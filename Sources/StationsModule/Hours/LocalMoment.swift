public import Foundation

/// An instant as a weekday and a minute of the day on the local clock, for opening hours.
public struct LocalMoment: Sendable, Equatable {
    /// The local weekday.
    public var weekday: Weekday
    /// Minutes after local midnight.
    public var minute: Int

    /// A weekday and minute.
    public init(weekday: Weekday, minute: Int) {
        self.weekday = weekday
        self.minute = minute
    }

    /// The local weekday and minute of `date` in `timeZone`.
    public init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        // Foundation counts Sunday as 1; ISO counts Monday as 1.
        weekday = Weekday(rawValue: (parts.weekday! + 5) % 7 + 1)!
        minute = parts.hour! * 60 + parts.minute!
    }

    /// `HH:MM:00`, the form bound to SQL `time` parameters.
    public var timeText: String { String(format: "%02d:%02d:00", minute / 60, minute % 60) }
}
