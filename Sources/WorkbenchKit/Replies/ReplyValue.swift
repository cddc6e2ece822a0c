public import Foundation
public import WorkbenchPostgres

/// One value in a reply: a table cell or a record field.
///
/// Text form writes values plainly (timestamps in the daemon's time zone, ISO 8601); JSON
/// form keeps their types (numbers stay numbers, null stays null).
public enum ReplyValue: Sendable, Equatable, Codable {
    /// No value.
    case null
    /// A boolean (`true`/`false` in both forms).
    case bool(Bool)
    /// An integer.
    case int(Int64)
    /// An exact decimal, kept as its text so no digit is lost.
    case decimal(String)
    /// A floating-point number.
    case double(Double)
    /// Text.
    case string(String)
    /// A calendar day, `YYYY-MM-DD`.
    case date(CalendarDate)
    /// An instant.
    case timestamp(Date)
    /// A list of values.
    case list([ReplyValue])
}

extension ReplyValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
}

extension ReplyValue {
    /// Text, or null when nil.
    public static func string(_ value: String?) -> ReplyValue { value.map { .string($0) } ?? .null }
    /// An integer, or null when nil.
    public static func int(_ value: Int?) -> ReplyValue { value.map { .int(Int64($0)) } ?? .null }
    /// An exact decimal, or null when nil.
    public static func decimal(_ value: Decimal?) -> ReplyValue {
        guard let value, !value.isNaN else { return .null }
        return .decimal(NSDecimalNumber(decimal: value).description(withLocale: Locale(identifier: "en_US_POSIX")))
    }
    /// A day, or null when nil.
    public static func date(_ value: CalendarDate?) -> ReplyValue { value.map { .date($0) } ?? .null }
    /// An instant, or null when nil.
    public static func timestamp(_ value: Date?) -> ReplyValue { value.map { .timestamp($0) } ?? .null }
}
