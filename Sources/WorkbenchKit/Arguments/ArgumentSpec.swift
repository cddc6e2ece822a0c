/// One `name=value` argument a command takes.
///
/// ```swift
/// .required("code", .string(maxLength: 32), help: "Unique code, e.g. SH-HP-01", label: "编码")
/// .optional("status", .enumeration(["open", "closed"]), default: "open", help: "Which cases to list")
/// ```
public struct ArgumentSpec: Sendable, Equatable {
    /// The argument's name: lowercase letters, digits and `_`, starting with a letter.
    public var name: String
    /// Its type.
    public var type: ArgumentType
    /// Whether the command refuses to run without it.
    public var isRequired: Bool
    /// The text used when it is absent (checked like caller input when the command table is
    /// built), or nil for none.
    public var defaultValue: String?
    /// One line on what it means.
    public var help: String
    /// The domain's Chinese term, shown next to the name in help (`编码`).
    public var label: String?
    /// Whether its value is a secret: replaced by `***` in the audit log.
    public var isSecret: Bool

    /// Creates an argument spec.
    public init(
        name: String, type: ArgumentType, isRequired: Bool, defaultValue: String? = nil, help: String,
        label: String? = nil, isSecret: Bool = false
    ) {
        self.name = name
        self.type = type
        self.isRequired = isRequired
        self.defaultValue = defaultValue
        self.help = help
        self.label = label
        self.isSecret = isSecret
    }

    /// An argument the command cannot run without.
    public static func required(
        _ name: String, _ type: ArgumentType, help: String, label: String? = nil, isSecret: Bool = false
    ) -> ArgumentSpec {
        ArgumentSpec(name: name, type: type, isRequired: true, help: help, label: label, isSecret: isSecret)
    }

    /// An argument that may be left out, optionally with a default.
    public static func optional(
        _ name: String, _ type: ArgumentType, default defaultValue: String? = nil, help: String, label: String? = nil,
        isSecret: Bool = false
    ) -> ArgumentSpec {
        ArgumentSpec(
            name: name, type: type, isRequired: false, defaultValue: defaultValue, help: help, label: label, isSecret: isSecret
        )
    }

    /// Whether `name` is a valid argument name.
    public static func isValidName(_ name: some StringProtocol) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
