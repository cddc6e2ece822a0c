/// Where a case came from.
public enum CaseSource: String, CaseIterable, Sendable {
    /// Found on a grid worker's patrol 网格巡查.
    case patrol
    /// Raised by a resident 群众反映.
    case resident
    /// From the citizens' hotline 热线 (12345).
    case hotline
    /// Anything else.
    case other
}
