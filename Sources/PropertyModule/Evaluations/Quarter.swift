import Foundation
public import WorkbenchPostgres

/// A calendar quarter, written `2026Q3`: evaluations and red/black lists are quarterly
/// (Zaozhuang: "按季度发布物业服务企业'红黑榜'").
public struct Quarter: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year.
    public let year: Int
    /// 1–4.
    public let number: Int

    /// Creates a quarter; nil when `number` is not 1–4 or the year is out of range.
    public init?(year: Int, number: Int) {
        guard Self.years.contains(year), (1...4).contains(number) else { return nil }
        self.year = year
        self.number = number
    }

    /// The years a quarter may lie in: evaluations began with red property management, and
    /// dates end where date arguments end.
    public static let years = 2000...2100

    /// Whether `text` is written like a quarter (`YYYYQn`), whatever its year.
    public static func isWritten(_ text: String) -> Bool {
        text.range(of: #"^[0-9]{4}[Qq][1-4]$"#, options: .regularExpression) != nil
    }

    /// Reads `2026Q3` (a lower-case `q` is accepted); nil for any other form.
    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 1, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let year = Int(parts[0]), let number = Int(parts[1])
        else { return nil }
        self.init(year: year, number: number)
    }

    /// The quarter containing `day`.
    public init(containing day: CalendarDate) {
        self.year = day.year
        self.number = (day.month - 1) / 3 + 1
    }

    /// The first day.
    public var firstDay: CalendarDate { CalendarDate(year: year, month: number * 3 - 2, day: 1)! }
    /// The first day of the next quarter (the end, exclusive).
    public var nextFirstDay: CalendarDate {
        number == 4 ? CalendarDate(year: year + 1, month: 1, day: 1)! : CalendarDate(year: year, month: number * 3 + 1, day: 1)!
    }

    /// `2026Q3`.
    public var description: String { "\(year)Q\(number)" }

    /// Earlier quarters first.
    public static func < (lhs: Quarter, rhs: Quarter) -> Bool { (lhs.year, lhs.number) < (rhs.year, rhs.number) }
}
