public import Foundation
public import WorkbenchPostgres

/// A command's checked arguments, defaults applied.
///
/// Accessors come in two kinds: `string("code")` for arguments the spec makes required or
/// gives a default (so they are always present), and `optionalString("phone")` for the rest.
/// Asking for an argument the spec does not declare, or with the wrong accessor, is a
/// programming error reported as a 500.
public struct Arguments: Sendable, Equatable {
    /// Values by name.
    public private(set) var values: [String: ArgumentValue]
    /// The text the caller wrote, by name (for the audit log); defaults are not included.
    public private(set) var given: [String: String]

    /// Creates arguments (the binder does this; tests may too).
    public init(values: [String: ArgumentValue] = [:], given: [String: String] = [:]) {
        self.values = values
        self.given = given
    }

    /// Whether the argument has a value (given or defaulted).
    public func has(_ name: String) -> Bool { values[name] != nil }

    /// Whether the caller wrote the argument (defaults do not count).
    public func wasGiven(_ name: String) -> Bool { given[name] != nil }

    /// The text (`.string()`, `.text()`, `.enumeration`) argument `name`, which the spec makes required or gives a default.
    public func string(_ name: String) throws -> String { try require(name, optionalString(name)) }
    /// The text (`.string()`, `.text()`, `.enumeration`) argument `name`, or nil when it has no value.
    public func optionalString(_ name: String) -> String? {
        if case .string(let value) = values[name] { return value }
        return nil
    }

    /// The `.enumeration` argument `name` as the enumeration `Value`, which the spec makes
    /// required or gives a default. The spec lists `Value`'s raw values, so the binder has
    /// already refused any other word; a spec that lists one `Value` lacks is a 400 naming
    /// the argument rather than a crash.
    public func enumeration<Value: RawRepresentable>(_ name: String, as type: Value.Type = Value.self) throws -> Value
    where Value.RawValue == String {
        try require(name, optionalEnumeration(name, as: type))
    }

    /// The `.enumeration` argument `name` as `Value`, or nil when it has no value.
    public func optionalEnumeration<Value: RawRepresentable>(_ name: String, as type: Value.Type = Value.self) throws -> Value?
    where Value.RawValue == String {
        guard let text = optionalString(name) else { return nil }
        guard let value = Value(rawValue: text) else {
            throw WorkbenchError.invalidArgument(name, "\(name)=\(text) is not one of the values this command knows")
        }
        return value
    }

    /// The whole-number (`.int()`) argument `name`, which the spec makes required or gives a default.
    public func int(_ name: String) throws -> Int64 { try require(name, optionalInt(name)) }
    /// The whole-number (`.int()`) argument `name`, or nil when it has no value.
    public func optionalInt(_ name: String) -> Int64? {
        if case .int(let value) = values[name] { return value }
        return nil
    }

    /// An `.id` argument.
    public func id(_ name: String) throws -> Int64 { try int(name) }
    /// An optional `.id` argument.
    public func optionalID(_ name: String) -> Int64? { optionalInt(name) }

    /// The decimal argument `name`, which the spec makes required or gives a default.
    public func decimal(_ name: String) throws -> Decimal { try require(name, optionalDecimal(name)) }
    /// The decimal argument `name`, or nil when it has no value.
    public func optionalDecimal(_ name: String) -> Decimal? {
        if case .decimal(let value) = values[name] { return value }
        return nil
    }

    /// The yes/no argument `name`, which the spec makes required or gives a default.
    public func bool(_ name: String) throws -> Bool { try require(name, optionalBool(name)) }
    /// The yes/no argument `name`, or nil when it has no value.
    public func optionalBool(_ name: String) -> Bool? {
        if case .bool(let value) = values[name] { return value }
        return nil
    }

    /// The date argument `name`, which the spec makes required or gives a default.
    public func date(_ name: String) throws -> CalendarDate { try require(name, optionalDate(name)) }
    /// The date argument `name`, or nil when it has no value.
    public func optionalDate(_ name: String) -> CalendarDate? {
        if case .date(let value) = values[name] { return value }
        return nil
    }

    /// The date-and-time argument `name`, which the spec makes required or gives a default.
    public func datetime(_ name: String) throws -> Date { try require(name, optionalDatetime(name)) }
    /// The date-and-time argument `name`, or nil when it has no value.
    public func optionalDatetime(_ name: String) -> Date? {
        if case .datetime(let value) = values[name] { return value }
        return nil
    }

    /// A `.latitude` or `.longitude` argument.
    public func degrees(_ name: String) throws -> Double { try require(name, optionalDegrees(name)) }
    /// An optional `.latitude` or `.longitude` argument.
    public func optionalDegrees(_ name: String) -> Double? {
        if case .double(let value) = values[name] { return value }
        return nil
    }

    /// The duration argument `name`, which the spec makes required or gives a default.
    public func duration(_ name: String) throws -> Duration { try require(name, optionalDuration(name)) }
    /// The duration argument `name`, or nil when it has no value.
    public func optionalDuration(_ name: String) -> Duration? {
        if case .duration(let value) = values[name] { return value }
        return nil
    }

    mutating func set(_ name: String, _ value: ArgumentValue, given text: String?) {
        values[name] = value
        if let text { given[name] = text }
    }

    private func require<Value>(_ name: String, _ value: Value?) throws -> Value {
        guard let value else {
            throw WorkbenchError(
                status: .internalError, code: WorkbenchErrorCode.internalArgumentAccess,
                message: "the command read argument \(name) in a way its spec does not allow; this is a bug in the module"
            )
        }
        return value
    }
}
