public import Foundation

/// A station's opening hours per weekday, as operators write them:
///
/// ```
/// mon-fri 08:00-20:00; sat,sun 10:00-18:00
/// daily 07:00-11:00,17:00-23:00; wed closed
/// 周一-周五 08:00-20:00
/// 24/7
/// ```
///
/// Rules are separated by `;` and read in order; a later rule replaces the hours of the
/// days it names (`daily 08:00-20:00; sun closed`). A day no rule names is closed. Times
/// run from `00:00` to `24:00`; an interval that ends at or before it starts runs past
/// midnight into the next day (`fri 20:00-02:00` is open early on Saturday). Intervals of
/// one day must not overlap. ``description`` gives the hours back in one normal form, which
/// is what the database stores with one row per day and interval.
public struct OpeningHours: Sendable, Equatable, CustomStringConvertible {
    /// An interval of one day, in minutes after midnight (`closes` up to 1440).
    public struct Interval: Sendable, Equatable, Comparable {
        /// The day.
        public var weekday: Weekday
        /// Minutes after midnight when it opens.
        public var opens: Int
        /// Minutes after midnight when it closes (1440: midnight at the end of the day).
        public var closes: Int

        /// By day, then opening time.
        public static func < (lhs: Interval, rhs: Interval) -> Bool {
            (lhs.weekday.rawValue, lhs.opens) < (rhs.weekday.rawValue, rhs.opens)
        }

        /// `08:00`.
        public var opensText: String { OpeningHours.clock(opens) }
        /// `20:00` or `24:00`.
        public var closesText: String { OpeningHours.clock(closes) }
    }

    /// Every interval, by day and time.
    public private(set) var intervals: [Interval]

    /// Reads hours in the form above.
    ///
    /// - Throws: ``OpeningHoursError`` naming the part that cannot be read, overlapping
    ///   intervals, or hours that never open.
    public init(parsing text: String) throws(OpeningHoursError) {
        let trimmed = Self.normalised(text)
        var days: [Weekday: [(Int, Int)]] = [:]
        if ["24/7", "24h", "全天", "24小时"].contains(trimmed.lowercased()) {
            for day in Weekday.allCases { days[day] = [(0, 1440)] }
        } else {
            for rule in trimmed.split(separator: ";", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard !rule.isEmpty else {
                    if trimmed.isEmpty { throw OpeningHoursError(problem: "no hours given") }
                    continue
                }
                let words = rule.split(whereSeparator: \.isWhitespace)
                guard words.count == 2 else {
                    throw OpeningHoursError(problem: "'\(rule)' is not '<days> <times>'")
                }
                let ruleDays = try Self.days(words[0], in: rule)
                let spans = try Self.spans(words[1], in: rule)
                for day in ruleDays { days[day] = spans }
            }
        }
        var intervals: [Interval] = []
        for (day, spans) in days {
            for (opens, closes) in spans {
                if closes > opens {
                    intervals.append(Interval(weekday: day, opens: opens, closes: closes))
                } else {
                    intervals.append(Interval(weekday: day, opens: opens, closes: 1440))
                    if closes > 0 { intervals.append(Interval(weekday: day.next, opens: 0, closes: closes)) }
                }
            }
        }
        intervals.sort()
        for (earlier, later) in zip(intervals, intervals.dropFirst()) where earlier.weekday == later.weekday && later.opens < earlier.closes {
            throw OpeningHoursError(
                problem:
                    "on \(earlier.weekday.abbreviation) \(earlier.opensText)-\(earlier.closesText) overlaps \(later.opensText)-\(later.closesText)"
            )
        }
        guard !intervals.isEmpty else { throw OpeningHoursError(problem: "the hours open on no day") }
        self.intervals = intervals
    }

    /// Whether the station is open on `weekday` at `minute` after midnight.
    public func isOpen(on weekday: Weekday, atMinute minute: Int) -> Bool {
        intervals.contains { $0.weekday == weekday && $0.opens <= minute && minute < $0.closes }
    }

    /// Whether the station is open at `date` in `timeZone`.
    public func isOpen(at date: Date, in timeZone: TimeZone) -> Bool {
        let moment = LocalMoment(date, in: timeZone)
        return isOpen(on: moment.weekday, atMinute: moment.minute)
    }

    /// The normal form: days with the same hours grouped (`mon-fri 08:00-20:00; sat,sun
    /// 10:00-18:00`), `24/7` when always open.
    public var description: String {
        var groups: [(days: [Weekday], times: String)] = []
        for day in Weekday.allCases {
            let times = intervals.filter { $0.weekday == day }.map { "\($0.opensText)-\($0.closesText)" }.joined(separator: ",")
            guard !times.isEmpty else { continue }
            if let index = groups.firstIndex(where: { $0.times == times }) {
                groups[index].days.append(day)
            } else {
                groups.append(([day], times))
            }
        }
        if groups.count == 1, groups[0].days.count == 7, groups[0].times == "00:00-24:00" { return "24/7" }
        return groups.map { "\(Self.dayList($0.days)) \($0.times)" }.joined(separator: "; ")
    }

    /// `mon-fri`, `sat,sun`, `mon,wed-fri`: runs of three or more days as ranges.
    static func dayList(_ days: [Weekday]) -> String {
        var parts: [String] = []
        var start = 0
        while start < days.count {
            var end = start
            while end + 1 < days.count, days[end + 1].rawValue == days[end].rawValue + 1 { end += 1 }
            if end - start >= 2 {
                parts.append("\(days[start].abbreviation)-\(days[end].abbreviation)")
            } else {
                parts.append(contentsOf: days[start...end].map(\.abbreviation))
            }
            start = end + 1
        }
        return parts.joined(separator: ",")
    }

    /// How people write hours in Chinese, read as the form above: `至`, `到`, `~`, `～` and
    /// dashes make ranges (`周一至周五`), full-width `，`, `、`, `；` and `：` are their ASCII
    /// forms, and blanks beside a comma or a range are dropped (`sat, sun`, `08:00 - 20:00`).
    static func normalised(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "至", "到", "~", "～", "–", "—", "－": result.append("-")
            case "，", "、": result.append(",")
            case "；": result.append(";")
            case "：": result.append(":")
            case "\u{3000}": result.append(" ")
            default: result.append(character)
            }
        }
        result = result.replacingOccurrences(of: #"\s*([,-])\s*"#, with: "$1", options: .regularExpression)
        return result.trimmingCharacters(in: .whitespaces)
    }

    static func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }

    private static func days(_ word: Substring, in rule: String) throws(OpeningHoursError) -> [Weekday] {
        if ["daily", "every", "每天", "每日"].contains(word.lowercased()) { return Weekday.allCases }
        var days: [Weekday] = []
        for part in word.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = part.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(ends.count) else {
                throw OpeningHoursError(problem: "'\(part)' in '\(rule)' is not a day or a range of days")
            }
            if let unknown = ends.first(where: { Weekday(word: $0) == nil }) {
                throw OpeningHoursError(problem: "'\(unknown)' in '\(rule)' is not a day")
            }
            let first = Weekday(word: ends[0])!, last = Weekday(word: ends[ends.count - 1])!
            var day = first
            while true {
                if !days.contains(day) { days.append(day) }
                if day == last { break }
                day = day.next
            }
        }
        return days
    }

    private static func spans(_ word: Substring, in rule: String) throws(OpeningHoursError) -> [(Int, Int)] {
        if ["closed", "off", "休息", "闭馆"].contains(word.lowercased()) { return [] }
        return try word.split(separator: ",", omittingEmptySubsequences: false).map { (part) throws(OpeningHoursError) -> (Int, Int) in
            let ends = part.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2, let opens = minutes(ends[0]), let closes = minutes(ends[1]) else {
                throw OpeningHoursError(problem: "'\(part)' in '\(rule)' is not a time span such as 08:00-20:00")
            }
            guard opens < 1440 else { throw OpeningHoursError(problem: "'\(part)' in '\(rule)' opens at 24:00; write 00:00 of the next day") }
            guard opens != closes else {
                throw OpeningHoursError(problem: "'\(part)' in '\(rule)' opens and closes at the same time; write 00:00-24:00 for all day")
            }
            return (opens, closes)
        }
    }

    /// `8:00`, `08:00` or `24:00` as minutes after midnight.
    private static func minutes(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let hours = Int(parts[0]), let minutes = Int(parts[1]), minutes < 60, hours < 24 || (hours == 24 && minutes == 0)
        else { return nil }
        return hours * 60 + minutes
    }
}
