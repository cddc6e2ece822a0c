/// A skip-level rule 越级: cases of a category and urgency start above the default level
/// (an urgent safety hazard starts at the street). `nil` category or urgency matches any.
public struct StartLevelRule: Sendable, Equatable, CustomStringConvertible {
    /// The category it applies to, or nil for every category.
    public var category: String?
    /// The urgency it applies to, or nil for both.
    public var urgency: CaseUrgency?
    /// Where matching cases start.
    public var level: CaseLevel

    /// Creates a rule.
    public init(category: String?, urgency: CaseUrgency?, level: CaseLevel) {
        self.category = category
        self.urgency = urgency
        self.level = level
    }

    /// Reads `安全隐患 urgent street` (`*` for any category or urgency); nil otherwise. A rule
    /// cannot start cases at department level: a department must be named by a person.
    public init?(_ text: String) {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count == 3, let level = CaseLevel(rawValue: words[2]), level != .department else { return nil }
        let urgency: CaseUrgency?
        if words[1] == "*" {
            urgency = nil
        } else if let value = CaseUrgency(rawValue: words[1]) {
            urgency = value
        } else {
            return nil
        }
        self.init(category: words[0] == "*" ? nil : words[0], urgency: urgency, level: level)
    }

    /// Whether a case of `category` and `urgency` matches.
    public func matches(category: String, urgency: CaseUrgency) -> Bool {
        (self.category == nil || self.category == category) && (self.urgency == nil || self.urgency == urgency)
    }

    /// `安全隐患 urgent street`.
    public var description: String { "\(category ?? "*") \(urgency?.rawValue ?? "*") \(level.rawValue)" }
}
