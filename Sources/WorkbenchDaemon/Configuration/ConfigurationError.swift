/// A configuration value is missing or malformed; start-up (or a reload) stops with a
/// message naming the key, its environment variable and the expected form.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The dotted key (`database.pool.size`).
    public var key: String
    /// What is wrong and what is expected.
    public var message: String

    /// Creates an error.
    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    /// The environment variable that overrides `key`.
    public static func environmentName(of key: String) -> String {
        "DANGJIAN_" + key.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }

    public var description: String {
        "configuration key \(key) (\(Self.environmentName(of: key))): \(message)"
    }
}
