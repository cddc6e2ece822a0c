import Foundation
public import WorkbenchPostgres

/// The type of a command argument: how its text is checked and what value it becomes.
///
/// | type | accepts | value |
/// |---|---|---|
/// | `.string()` | one line, not only blanks (spaces, 全角 spaces), at most `maxLength` code points (as PostgreSQL counts) | `String` |
/// | `.text()` | text that may contain `\n`, not only blanks | `String` |
/// | `.int()` | a whole number in range | `Int64` |
/// | `.decimal` | `-12.50` | `Decimal` |
/// | `.bool` | `true false yes no on off 1 0 是 否` | `Bool` |
/// | `.date` | `2026-11-21`, `today`, `yesterday`, `tomorrow` | ``CalendarDate`` |
/// | `.pastDate` | as `.date`, but not after today: the day something happened | ``CalendarDate`` |
/// | `.datetime` | `2026-11-21T09:30[:05][+08:00]`, `now` (no offset: the daemon's zone) | `Date` |
/// | `.enumeration([…])` | one of the listed words | `String` |
/// | `.id` | a positive whole number | `Int64` |
/// | `.latitude`, `.longitude` | WGS-84 degrees, −90…90 and −180…180 | `Double` |
/// | `.duration` | `90s`, `15m`, `2h`, `3d`, `1w`, combined as `1h30m` | `Duration` |
public struct ArgumentType: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case string(maxLength: Int)
        case text(maxLength: Int)
        case int(ClosedRange<Int64>)
        case decimal
        case bool
        case date
        case pastDate
        case datetime
        case enumeration([String])
        case id
        case latitude
        case longitude
        case duration
    }

    let kind: Kind

    /// One line of text.
    public static func string(maxLength: Int = 200) -> ArgumentType { ArgumentType(kind: .string(maxLength: maxLength)) }
    /// Text that may span lines (written with `\n` inside quotes).
    public static func text(maxLength: Int = 4000) -> ArgumentType { ArgumentType(kind: .text(maxLength: maxLength)) }
    /// A whole number within `range`.
    public static func int(_ range: ClosedRange<Int64> = Int64.min...Int64.max) -> ArgumentType { ArgumentType(kind: .int(range)) }
    /// An exact decimal number.
    public static let decimal = ArgumentType(kind: .decimal)
    /// Yes or no.
    public static let bool = ArgumentType(kind: .bool)
    /// A calendar day.
    public static let date = ArgumentType(kind: .date)
    /// The day something already happened (joined, established, held): a calendar day not
    /// after today in the daemon's time zone. Late entries are fine; entries ahead of time are not.
    public static let pastDate = ArgumentType(kind: .pastDate)
    /// An instant.
    public static let datetime = ArgumentType(kind: .datetime)
    /// One of a fixed list of words.
    public static func enumeration(_ values: [String]) -> ArgumentType { ArgumentType(kind: .enumeration(values)) }
    /// A record id: a positive whole number.
    public static let id = ArgumentType(kind: .id)
    /// A WGS-84 latitude in degrees.
    public static let latitude = ArgumentType(kind: .latitude)
    /// A WGS-84 longitude in degrees.
    public static let longitude = ArgumentType(kind: .longitude)
    /// A length of time.
    public static let duration = ArgumentType(kind: .duration)

    /// How the type is shown in usage lines: `<date>`, `<open|closed>`.
    public var placeholder: String {
        switch kind {
        case .string: "<text>"
        case .text: "<long text>"
        case .int: "<n>"
        case .decimal: "<decimal>"
        case .bool: "<yes|no>"
        case .date, .pastDate: "<YYYY-MM-DD>"
        case .datetime: "<YYYY-MM-DDThh:mm>"
        case .enumeration(let values): "<" + values.joined(separator: "|") + ">"
        case .id: "<id>"
        case .latitude: "<latitude>"
        case .longitude: "<longitude>"
        case .duration: "<duration>"
        }
    }

    /// What a valid value looks like, for error messages.
    public var expectedForm: String {
        switch kind {
        case .string(let maxLength): "one line of text of at most \(maxLength) characters, not only blanks"
        case .text(let maxLength): "text of at most \(maxLength) characters, not only blanks"
        case .int(let range):
            range == Int64.min...Int64.max ? "a whole number" : "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .decimal: "a decimal number such as 12.50"
        case .bool: "yes or no (true/false, on/off, 1/0)"
        case .date: "a date as YYYY-MM-DD from \(Self.dateRange.lowerBound) to \(Self.dateRange.upperBound), or today, yesterday or tomorrow"
        case .pastDate: "the day it happened, as YYYY-MM-DD from \(Self.dateRange.lowerBound) to today, or today or yesterday; not in the future"
        case .datetime:
            "a date and time as YYYY-MM-DDThh:mm[:ss][+hh:mm] from \(Self.dateRange.lowerBound) to \(Self.dateRange.upperBound), or now"
        case .enumeration(let values): "one of: " + values.joined(separator: ", ")
        case .id: "a positive whole number (an id)"
        case .latitude: "a latitude in decimal degrees from -90 to 90 with at most 15 decimals, such as 29.58221178373409"
        case .longitude: "a longitude in decimal degrees from -180 to 180 with at most 15 decimals, such as 106.5360213"
        case .duration: "a duration such as 90s, 15m, 2h, 3d, 1w or 1h30m"
        }
    }

    /// Whether `text` is empty or only white space (U+3000, the ideographic space, included): a
    /// name or a note of blanks says nothing.
    static func isBlank(_ text: String) -> Bool {
        text.allSatisfy(\.isWhitespace)
    }

    /// Parses `text`; nil when it is not a valid value of this type.
    func parse(_ text: String, now: Date, timeZone: TimeZone) -> ArgumentValue? {
        switch kind {
        case .string(let maxLength):
            guard !Self.isBlank(text), Self.length(of: text) <= maxLength, !text.contains(where: { $0.isNewline || $0 == "\t" }) else { return nil }
            return .string(text)
        case .text(let maxLength):
            guard !Self.isBlank(text), Self.length(of: text) <= maxLength else { return nil }
            return .string(text)
        case .int(let range):
            guard let value = Int64(text), range.contains(value) else { return nil }
            return .int(value)
        case .decimal:
            guard text.range(of: #"^[+-]?[0-9]{1,30}(\.[0-9]{1,30})?$"#, options: .regularExpression) != nil,
                let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
            else { return nil }
            return .decimal(value)
        case .bool:
            switch text.lowercased() {
            case "true", "yes", "on", "1", "是": return .bool(true)
            case "false", "no", "off", "0", "否": return .bool(false)
            default: return nil
            }
        case .date:
            let today = CalendarDate(containing: now, in: timeZone)
            switch text {
            case "today": return .date(today)
            case "yesterday": return .date(CalendarDate(containing: today.startOfDay(in: timeZone) - 43_200, in: timeZone))
            case "tomorrow": return .date(CalendarDate(containing: today.startOfDay(in: timeZone) + 129_600, in: timeZone))
            default:
                guard let day = CalendarDate(text), Self.dateRange.contains(day) else { return nil }
                return .date(day)
            }
        case .pastDate:
            guard case .date(let day)? = ArgumentType.date.parse(text, now: now, timeZone: timeZone),
                day <= CalendarDate(containing: now, in: timeZone)
            else { return nil }
            return .date(day)
        case .datetime:
            if text == "now" { return .datetime(now) }
            guard text.contains("T"), let date = PostgresTimestamp.parse(text, defaultTimeZone: timeZone),
                Self.dateRange.contains(CalendarDate(containing: date, in: timeZone))
            else { return nil }
            return .datetime(date)
        case .enumeration(let values):
            return values.contains(text) ? .string(text) : nil
        case .id:
            guard let value = Int64(text), value > 0, !text.hasPrefix("+") else { return nil }
            return .int(value)
        case .latitude, .longitude:
            let limit: Double = kind == .latitude ? 90 : 180
            // Up to 15 decimals: what coordinate converters and map APIs print (29.58221178373409).
            guard text.range(of: #"^[+-]?[0-9]{1,3}(\.[0-9]{1,15})?$"#, options: .regularExpression) != nil,
                let value = Double(text), abs(value) <= limit
            else { return nil }
            return .double(value)
        case .duration:
            return Self.parseDuration(text).map(ArgumentValue.duration)
        }
    }

    static func parseDuration(_ text: String) -> Duration? {
        var total: Int64 = 0
        var number: Int64?
        var sawUnit = false
        var lastUnitSize = Int64.max
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                let (times, overflow1) = (number ?? 0).multipliedReportingOverflow(by: 10)
                let (next, overflow2) = times.addingReportingOverflow(Int64(digit))
                guard !overflow1, !overflow2 else { return nil }
                number = next
                continue
            }
            let unit: Int64
            switch character {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3600
            case "d": unit = 86_400
            case "w": unit = 604_800
            default: return nil
            }
            // Units must come once each, largest first (1h30m, not 30m1h).
            guard let value = number, unit < lastUnitSize else { return nil }
            let (product, overflow) = value.multipliedReportingOverflow(by: unit)
            guard !overflow, product <= 10 * 365 * 86_400 else { return nil }
            total += product
            number = nil
            sawUnit = true
            lastUnitSize = unit
        }
        guard sawUnit, number == nil, total > 0 else { return nil }
        return .seconds(total)
    }

    /// A text's length as PostgreSQL counts it (`length()`, `varchar(n)`): Unicode code
    /// points, not the characters a reader sees. `é` written as `e` and a combining accent is
    /// one character and two code points; limits are checked in code points, so a value the
    /// daemon accepts is never refused by the column.
    public static func length(of text: String) -> Int {
        text.unicodeScalars.count
    }

    /// The days a date argument may name: 1900-01-01 (the oldest record a register holds,
    /// such as a veteran member's joining day) to 2100-12-31. Anything outside is a typo
    /// (`0001-01-01`, `20260-01-01`) and is answered 400 with this range.
    public static let dateRange = CalendarDate(year: 1900, month: 1, day: 1)!...CalendarDate(year: 2100, month: 12, day: 31)!
}
