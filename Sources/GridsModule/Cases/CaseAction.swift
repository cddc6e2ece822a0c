/// What an operator does to a case: each is a `grid case <action>` command and a column of
/// the transition table `grids.case_transitions` (from status, action → to status).
///
/// | from | accept | start | assign | escalate | resolve | confirm | reopen | cancel |
/// |---|---|---|---|---|---|---|---|---|
/// | reported | accepted | | | reported | | | | cancelled |
/// | accepted | | in_progress | accepted | accepted | resolved | | | cancelled |
/// | in_progress | | | in_progress | in_progress | resolved | | | cancelled |
/// | resolved | | | | | | closed | in_progress | |
///
/// Closed and cancelled cases take no action but notes.
public enum CaseAction: String, CaseIterable, Sendable {
    /// The level takes the case 受理.
    case accept
    /// Handling starts 开始处置.
    case start
    /// A handler is named 指派.
    case assign
    /// Up one level, or to a named department 吹哨.
    case escalate
    /// Handled 办结; the clock stops.
    case resolve
    /// The follow-up 回访 found the resident satisfied: closed.
    case confirm
    /// The follow-up found the resident unsatisfied: back to handling, with a new clock.
    case reopen
    /// Withdrawn with a reason 撤销.
    case cancel

    /// The event kind recorded for it.
    var eventKind: String {
        switch self {
        case .accept: "accepted"
        case .start: "started"
        case .assign: "assigned"
        case .escalate: "escalated"
        case .resolve: "resolved"
        case .confirm: "confirmed"
        case .reopen: "reopened"
        case .cancel: "cancelled"
        }
    }
}
