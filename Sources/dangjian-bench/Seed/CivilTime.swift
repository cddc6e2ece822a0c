/// Fast text forms of instants and days for COPY, without Foundation's formatters (the seed
/// writes millions of timestamps).
///
/// Instants are seconds since 1970 in UTC and are written with `+00`; PostgreSQL stores the
/// instant, so the daemon shows it in its own time zone as usual.
enum CivilTime {
    /// The proleptic Gregorian (year, month, day) of a day counted from 1970-01-01
    /// (Howard Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `YYYY-MM-DD` of a day counted from 1970-01-01.
    static func date(days: Int) -> String {
        let (year, month, day) = civil(fromDays: days)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// `YYYY-MM-DD hh:mm:ss+00` of an instant.
    static func timestamp(_ seconds: Int64) -> String {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let rest = Int(seconds - Int64(days) * 86_400)
        return date(days: days) + " " + pad(rest / 3_600, 2) + ":" + pad(rest / 60 % 60, 2) + ":" + pad(rest % 60, 2) + "+00"
    }

    /// The calendar year of an instant at a fixed UTC offset (Asia/Shanghai is +8 all year).
    static func year(of seconds: Int64, utcOffsetSeconds: Int64) -> Int {
        let local = seconds + utcOffsetSeconds
        return civil(fromDays: Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)).year
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
