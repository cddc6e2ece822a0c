/// A co-building project's status, and the transitions allowed between them.
///
/// planned 计划 → in_progress 推进中 → done 已完成; a project not yet done may be cancelled.
enum ProjectStatus: String, CaseIterable, Sendable {
    case planned
    case inProgress = "in_progress"
    case done
    case cancelled

    /// The transition table: the statuses each status may move to.
    static let transitions: [ProjectStatus: Set<ProjectStatus>] = [
        .planned: [.inProgress, .cancelled],
        .inProgress: [.done, .cancelled],
        .done: [],
        .cancelled: [],
    ]

    /// Whether a project in this status may move to `next`.
    func mayMove(to next: ProjectStatus) -> Bool {
        Self.transitions[self, default: []].contains(next)
    }

    /// Whether the project is still open (counts for due dates).
    var isOpen: Bool { self == .planned || self == .inProgress }
}
