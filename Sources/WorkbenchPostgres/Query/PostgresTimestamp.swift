public import Foundation

/// Reading and writing PostgreSQL's ISO timestamp text, without `DateFormatter` (slow, and
/// locale-dependent) on the hot path.
///
/// Connections run with `DateStyle = ISO, YMD`, so `timestamptz` arrives as
/// `2026-11-21 09:30:05.123456+08` (offset minutes and seconds optional) and `date` as
/// `2026-11-21`.
public enum PostgresTimestamp {
    /// Formats an instant as local time at a fixed offset from UTC, to the second:
    /// `2026-11-21T09:30:05+08:00` (or `…Z` for offset 0).
    public static func format(_ date: Date, offsetSeconds: Int) -> String {
        var seconds = Int64((date.timeIntervalSince1970).rounded(.down)) + Int64(offsetSeconds)
        var days = seconds / 86_400
        seconds -= days * 86_400
        if seconds < 0 {
            seconds += 86_400
            days -= 1
        }
        let (year, month, day) = civilFromDays(days)
        var text =
            "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
            + "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
        if offsetSeconds == 0 { return text + "Z" }
        let magnitude = Int64(abs(offsetSeconds))
        text += offsetSeconds < 0 ? "-" : "+"
        text += "\(pad(magnitude / 3600, 2)):\(pad(magnitude / 60 % 60, 2))"
        return text
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Formats an instant as `YYYY-MM-DDTHH:MM:SS.ffffffZ` (UTC, microseconds).
    public static func format(_ date: Date) -> String {
        let micros = (date.timeIntervalSince1970 * 1_000_000).rounded()
        var seconds = Int64((micros / 1_000_000).rounded(.down))
        let fraction = Int64(micros) - seconds * 1_000_000
        var days = seconds / 86_400
        seconds -= days * 86_400
        if seconds < 0 {
            seconds += 86_400
            days -= 1
        }
        let (year, month, day) = civilFromDays(days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
            + "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
            + ".\(pad(fraction, 6))Z"
    }

    /// Parses `YYYY-MM-DD[( |T)HH:MM[:SS[.ffffff]]][Z|±HH[:MM[:SS]]]`.
    ///
    /// A value with no offset is read in `defaultTimeZone` (the server's `date` columns and
    /// `timestamp without time zone` both arrive that way). Returns nil when the text is not
    /// of that form or names a day or time that does not exist.
    public static func parse(_ text: some StringProtocol, defaultTimeZone: TimeZone = .gmt) -> Date? {
        var scanner = Scanner(Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.take("-"),
            let month = scanner.number(digits: 2), scanner.take("-"),
            let day = scanner.number(digits: 2),
            let date = CalendarDate(year: Int(year), month: Int(month), day: Int(day))
        else { return nil }
        var secondsOfDay: Int64 = 0
        var micros: Int64 = 0
        if scanner.take(" ") || scanner.take("T") {
            guard let hour = scanner.number(digits: 2), scanner.take(":"),
                let minute = scanner.number(digits: 2), hour < 24, minute < 60
            else { return nil }
            var second: Int64 = 0
            if scanner.take(":") {
                guard let value = scanner.number(digits: 2), value < 61 else { return nil }
                second = value
                if scanner.take(".") {
                    var scale: Int64 = 100_000
                    var sawDigit = false
                    while let digit = scanner.digit() {
                        sawDigit = true
                        micros += digit * scale
                        scale /= 10
                    }
                    guard sawDigit else { return nil }
                }
            }
            secondsOfDay = hour * 3600 + minute * 60 + second
        }
        var offset: Int64?
        if scanner.take("Z") || scanner.take("z") {
            offset = 0
        } else if let sign = scanner.sign() {
            guard let hours = scanner.number(digits: 2) else { return nil }
            var value = hours * 3600
            if scanner.take(":") || scanner.peekDigit {
                guard let minutes = scanner.number(digits: 2) else { return nil }
                value += minutes * 60
                if scanner.take(":") {
                    guard let seconds = scanner.number(digits: 2) else { return nil }
                    value += seconds
                }
            }
            offset = sign * value
        }
        guard scanner.atEnd else { return nil }
        let days = daysFromCivil(Int64(date.year), Int64(date.month), Int64(date.day))
        let local = Double(days * 86_400 + secondsOfDay) + Double(micros) / 1_000_000
        if let offset {
            return Date(timeIntervalSince1970: local - Double(offset))
        }
        let guess = Date(timeIntervalSince1970: local)
        let zoneOffset = defaultTimeZone.secondsFromGMT(for: guess)
        let adjusted = Date(timeIntervalSince1970: local - Double(zoneOffset))
        return Date(timeIntervalSince1970: local - Double(defaultTimeZone.secondsFromGMT(for: adjusted)))
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date for a day count since 1970-01-01 (inverse of ``daysFromCivil(_:_:_:)``).
    static func civilFromDays(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }
        var peekDigit: Bool { index < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        mutating func digit() -> Int64? {
            guard peekDigit else { return nil }
            defer { index += 1 }
            return Int64(bytes[index] - UInt8(ascii: "0"))
        }

        mutating func number(digits: Int) -> Int64? {
            var value: Int64 = 0
            for _ in 0..<digits {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }

        mutating func sign() -> Int64? {
            if take("+") { return 1 }
            if take("-") { return -1 }
            return nil
        }
    }
}
