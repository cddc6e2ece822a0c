public import Foundation

/// A Swift type that can be read from a PostgreSQL result value in text format.
///
/// Conformances cover the types modules need: `String`, `Int`, `Int64`, `Int32`, `Bool`,
/// `Double`, `Decimal`, `Date` (from `timestamptz`, `timestamp` or `date`), ``CalendarDate``,
/// `UUID`, `Data` (from `bytea`, or the UTF-8 of `json`/`jsonb` text), one-dimensional arrays
/// of any of these, and `Optional` of any of these for nullable columns.
public protocol PostgresDecodable: Sendable {
    /// Decodes a value from its text form; `text` is nil for SQL NULL.
    static func decode(postgresText text: String?) throws(PostgresDecodingFailure) -> Self
}

/// Why one value failed to decode; ``PostgresRow`` wraps it into a ``PostgresError`` that
/// names the column.
public enum PostgresDecodingFailure: Error, Sendable, Equatable {
    /// The column was NULL but the requested type is not optional.
    case unexpectedNull
    /// The text is not a valid value of the requested type.
    case invalid(text: String, expected: String)
}

/// Shared implementation for types decoded by a failable initializer from non-null text.
protocol PostgresTextDecodable: PostgresDecodable {
    static var postgresTypeDescription: String { get }
    static func parse(postgresText text: String) -> Self?
}

extension PostgresTextDecodable {
    public static func decode(postgresText text: String?) throws(PostgresDecodingFailure) -> Self {
        guard let text else { throw .unexpectedNull }
        guard let value = parse(postgresText: text) else {
            throw .invalid(text: String(text.prefix(80)), expected: postgresTypeDescription)
        }
        return value
    }
}

extension String: PostgresTextDecodable {
    static var postgresTypeDescription: String { "text" }
    static func parse(postgresText text: String) -> String? { text }
}

extension Int: PostgresTextDecodable {
    static var postgresTypeDescription: String { "integer" }
    static func parse(postgresText text: String) -> Int? { Int(text) }
}

extension Int64: PostgresTextDecodable {
    static var postgresTypeDescription: String { "bigint" }
    static func parse(postgresText text: String) -> Int64? { Int64(text) }
}

extension Int32: PostgresTextDecodable {
    static var postgresTypeDescription: String { "integer" }
    static func parse(postgresText text: String) -> Int32? { Int32(text) }
}

extension Bool: PostgresTextDecodable {
    static var postgresTypeDescription: String { "boolean" }
    static func parse(postgresText text: String) -> Bool? {
        switch text {
        case "t", "true": true
        case "f", "false": false
        default: nil
        }
    }
}

extension Double: PostgresTextDecodable {
    static var postgresTypeDescription: String { "double precision" }
    static func parse(postgresText text: String) -> Double? { Double(text) }
}

extension Decimal: PostgresTextDecodable {
    static var postgresTypeDescription: String { "numeric" }
    static func parse(postgresText text: String) -> Decimal? {
        text == "NaN" ? Decimal.nan : Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}

extension Date: PostgresTextDecodable {
    static var postgresTypeDescription: String { "timestamptz or date" }
    /// `timestamptz` carries its offset; `date` and `timestamp` values are read as UTC.
    static func parse(postgresText text: String) -> Date? { PostgresTimestamp.parse(text) }
}

extension CalendarDate: PostgresTextDecodable {
    static var postgresTypeDescription: String { "date" }
    static func parse(postgresText text: String) -> CalendarDate? { CalendarDate(text) }
}

extension UUID: PostgresTextDecodable {
    static var postgresTypeDescription: String { "uuid" }
    static func parse(postgresText text: String) -> UUID? { UUID(uuidString: text) }
}

extension Data: PostgresTextDecodable {
    static var postgresTypeDescription: String { "bytea or json" }
    /// `bytea` arrives in hex form (`\x…`); anything else (json, jsonb, text) as its UTF-8 bytes.
    static func parse(postgresText text: String) -> Data? {
        guard text.hasPrefix("\\x") else { return Data(text.utf8) }
        let hex = Array(text.utf8.dropFirst(2))
        guard hex.count % 2 == 0 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(hex.count / 2)
        var index = 0
        while index < hex.count {
            guard let high = hexValue(hex[index]), let low = hexValue(hex[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return Data(bytes)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public static func decode(postgresText text: String?) throws(PostgresDecodingFailure) -> Wrapped? {
        guard let text else { return nil }
        return try Wrapped.decode(postgresText: text)
    }
}

extension Array: PostgresDecodable where Element: PostgresDecodable {
    /// Decodes a one-dimensional array literal (`{1,2,NULL}`, `{"a b","c\"d"}`).
    public static func decode(postgresText text: String?) throws(PostgresDecodingFailure) -> [Element] {
        guard let text else { throw .unexpectedNull }
        guard let items = PostgresArrayLiteral.split(text) else {
            throw .invalid(text: String(text.prefix(80)), expected: "one-dimensional array")
        }
        var result: [Element] = []
        result.reserveCapacity(items.count)
        for item in items {
            result.append(try Element.decode(postgresText: item))
        }
        return result
    }
}

/// Splits PostgreSQL's array text form into element texts (nil for NULL elements).
enum PostgresArrayLiteral {
    static func split(_ text: String) -> [String?]? {
        var scalars = text.unicodeScalars.makeIterator()
        // An optional dimension decoration (`[0:2]={…}`) is not produced for default bounds.
        guard scalars.next() == "{" else { return nil }
        var items: [String?] = []
        var current = ""
        var quoted = false
        var wasQuoted = false
        var inQuotes = false
        var closed = false
        while let scalar = scalars.next() {
            if inQuotes {
                switch scalar {
                case "\\":
                    guard let next = scalars.next() else { return nil }
                    current.unicodeScalars.append(next)
                case "\"":
                    inQuotes = false
                default:
                    current.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                inQuotes = true
                quoted = true
                wasQuoted = true
            case ",", "}":
                if scalar == "}" && items.isEmpty && current.isEmpty && !wasQuoted {
                    closed = true
                    break
                }
                items.append(!quoted && current == "NULL" ? nil : current)
                current = ""
                quoted = false
                if scalar == "}" { closed = true }
            case "{":
                return nil  // multi-dimensional arrays are not supported
            default:
                current.unicodeScalars.append(scalar)
            }
            if closed { break }
        }
        guard closed, scalars.next() == nil else { return nil }
        return items
    }
}

extension PostgresDecodable where Self: RawRepresentable, RawValue == String {
    /// A string enumeration decodes from its raw value; any other text is a decoding
    /// failure naming the type, never a silent default.
    public static func decode(postgresText text: String?) throws(PostgresDecodingFailure) -> Self {
        guard let text else { throw .unexpectedNull }
        guard let value = Self(rawValue: text) else { throw .invalid(text: String(text.prefix(80)), expected: String(describing: Self.self)) }
        return value
    }
}
