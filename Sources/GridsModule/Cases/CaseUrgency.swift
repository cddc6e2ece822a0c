/// How urgent a case is; urgent cases run on shorter clocks and may start higher up.
public enum CaseUrgency: String, CaseIterable, Sendable, CustomStringConvertible {
    /// 一般.
    case normal
    /// 紧急.
    case urgent

    /// The raw value.
    public var description: String { rawValue }
}
