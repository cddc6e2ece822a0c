public import WorkbenchPostgres

/// Where a claimed Party-building service project stands: claimed 已认领 → in progress 推进中
/// → completed 已完成, or abandoned 已放弃 with a reason. The moves allowed are the table
/// `property.project_transitions`.
public enum ProjectStatus: String, CaseIterable, Sendable, PostgresDecodable, PostgresEncodable {
    /// Claimed from the community.
    case claimed
    /// Under way.
    case inProgress = "in_progress"
    /// Done, with its outcome.
    case completed
    /// Given up, with the reason.
    case abandoned

    /// Whether the project is over (an outcome is recorded).
    public var isFinished: Bool { self == .completed || self == .abandoned }
}
