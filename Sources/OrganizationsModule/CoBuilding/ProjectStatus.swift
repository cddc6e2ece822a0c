/// A co-building project's status: planned 计划 → in_progress 推进中 → done 已完成; a project
/// not yet done may be cancelled. The moves allowed are the table
/// `organizations.project_transitions`, read at start into the module's project machine.
enum ProjectStatus: String, CaseIterable, Sendable {
    case planned
    case inProgress = "in_progress"
    case done
    case cancelled

    /// Whether the project is still open (counts for due dates).
    var isOpen: Bool { self == .planned || self == .inProgress }
}
