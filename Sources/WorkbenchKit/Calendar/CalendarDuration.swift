/// A span on the working calendar: an amount and a unit (`3 working_days`, `2 days`,
/// `12 hours`). Grids give each escalation level one; property gives each complaint
/// severity one (the "2310" rule). Deadlines are computed from it in SQL with
/// `workbench.add_duration` (see ``WorkingCalendar``).
public struct CalendarDuration: Sendable, Equatable, CustomStringConvertible {
    /// How many units; at least 1.
    public var amount: Int
    /// Hours, calendar days or working days (``WorkingCalendar/Unit``).
    public var unit: WorkingCalendar.Unit

    /// Creates a duration.
    public init(_ amount: Int, _ unit: WorkingCalendar.Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// Reads `3 working_days`, `1 day`, `12 hours` (singular or plural); nil otherwise.
    public init?(_ text: String) {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count == 2, let amount = Int(words[0]), (1...10_000).contains(amount) else { return nil }
        let unitWord = words[1].lowercased()
        guard let unit = WorkingCalendar.Unit(rawValue: unitWord) ?? WorkingCalendar.Unit(rawValue: unitWord + "s") else { return nil }
        self.init(amount, unit)
    }

    /// `3 working_days`.
    public var description: String { "\(amount) \(unit.rawValue)" }
}
