/// The bare words a command takes after its name, passed to it as they are instead of being
/// bound as `name=value` arguments: `help grids case`, `format json`.
///
/// ```swift
/// OperandSpec(usage: "[module [command…]]")   // any number of words
/// OperandSpec.noWords                             // no word at all: "'ping' takes no arguments"
/// ```
public struct OperandSpec: Sendable, Equatable {
    /// How usage lines and help show the words (`text|json`); empty for none.
    public var usage: String
    /// The most words the command takes; nil for no limit. Past it the request is refused
    /// with `argument.unexpected_word` before the command runs.
    public var maximum: Int?

    /// Creates an operand spec.
    public init(usage: String, maximum: Int? = nil) {
        self.usage = usage
        self.maximum = maximum
    }

    /// A command that takes no word after its name.
    public static let noWords = OperandSpec(usage: "", maximum: 0)
}
