public import Configuration
import Foundation
import WorkbenchKit

/// Reads typed values from a `ConfigReader`, strictly: a value that is present but malformed
/// is an error naming the key, never silently replaced by the default.
///
/// Values are read as text and parsed here, so YAML's own typing (`yes` as a boolean,
/// `0660` as a number) cannot surprise anyone: durations are `30s`/`5m`/`2h`, modes are
/// octal text.
public struct ConfigurationValues: Sendable {
    /// The underlying reader.
    public let reader: ConfigReader

    /// Wraps a reader.
    public init(_ reader: ConfigReader) {
        self.reader = reader
    }

    /// Text, or nil when absent or empty.
    public func string(_ key: String) -> String? {
        guard let value = reader.string(forKey: ConfigKey(key)), !value.isEmpty, value != "~" else { return nil }
        return value
    }

    /// Text with a default.
    public func string(_ key: String, default defaultValue: String) -> String {
        string(key) ?? defaultValue
    }

    /// A whole number within `range`, with a default.
    public func int(_ key: String, default defaultValue: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = string(key) else { return defaultValue }
        let trimmed = text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        guard let value = Int(trimmed), range.contains(value) else {
            throw ConfigurationError(key: key, message: "\"\(text)\" is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A yes/no value, with a default.
    public func bool(_ key: String, default defaultValue: Bool) throws -> Bool {
        guard let text = string(key) else { return defaultValue }
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw ConfigurationError(key: key, message: "\"\(text)\" is not true or false")
        }
    }

    /// A duration such as `500ms`, `30s`, `5m`, `2h`, `1d` (or a plain number of seconds).
    public func duration(_ key: String, default defaultValue: Duration) throws -> Duration {
        guard let text = string(key) else { return defaultValue }
        guard let value = Self.parseDuration(text) else {
            throw ConfigurationError(key: key, message: "\"\(text)\" is not a duration such as 500ms, 30s, 5m, 2h or 1d")
        }
        return value
    }

    /// A duration within `range`, with a default.
    public func duration(_ key: String, default defaultValue: Duration, in range: ClosedRange<Duration>) throws -> Duration {
        let value = try duration(key, default: defaultValue)
        guard range.contains(value) else {
            throw ConfigurationError(key: key, message: "\(value) is outside \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A file mode written in octal (`"0660"`).
    public func mode(_ key: String, default defaultValue: UInt16) throws -> UInt16 {
        guard let text = string(key) else { return defaultValue }
        guard (3...4).contains(text.count), let value = UInt16(text, radix: 8), value <= 0o7777 else {
            throw ConfigurationError(key: key, message: "\"\(text)\" is not an octal file mode such as \"0660\" (quote it in YAML)")
        }
        return value
    }

    /// A list of words (a YAML sequence, or comma-separated in the environment).
    public func list(_ key: String) -> [String] {
        reader.wordList(forKey: key) ?? []
    }

    /// A section as its own reader (`modules.grids`).
    public func scoped(_ key: String) -> ConfigReader {
        reader.scoped(to: ConfigKey(key))
    }

    static func parseDuration(_ text: String) -> Duration? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            let number = text.dropLast(suffix.count)
            if suffix == "s", number.hasSuffix("m") { continue }
            guard let value = Double(number), value >= 0, value.isFinite else { return nil }
            return .milliseconds(Int64((value * scale * 1000).rounded()))
        }
        guard let seconds = Double(text), seconds >= 0, seconds.isFinite else { return nil }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }
}
