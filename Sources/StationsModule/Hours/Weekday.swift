/// A day of the week, numbered as ISO 8601 and PostgreSQL's `isodow` do (Monday 1 … Sunday 7).
public enum Weekday: Int, Sendable, CaseIterable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// `mon`, `tue`, … as opening hours are written.
    public var abbreviation: String { ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue - 1] }

    /// 周一 … 周日.
    public var chinese: String { "周" + ["一", "二", "三", "四", "五", "六", "日"][rawValue - 1] }

    /// The next day (Sunday → Monday).
    public var next: Weekday { Weekday(rawValue: rawValue % 7 + 1)! }

    /// The day a word names: `mon`, `monday`, `周一`, `星期一`, `周日`, `周天` (any case).
    public init?(word: Substring) {
        let text = word.lowercased()
        if let day = Self.allCases.first(where: { text == $0.abbreviation || text == $0.englishName }) {
            self = day
            return
        }
        for prefix in ["周", "星期", "礼拜"] where text.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            if rest == "天" {
                self = .sunday
                return
            }
            if let index = ["一", "二", "三", "四", "五", "六", "日"].firstIndex(of: String(rest)) {
                self = Weekday(rawValue: index + 1)!
                return
            }
        }
        return nil
    }

    /// Comparable by number, Monday first.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }

    private var englishName: String {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][rawValue - 1]
    }
}
