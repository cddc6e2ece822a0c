public import WorkbenchPostgres

/// Where a task 任务 stands, along `governance.task_transitions`: open → in_progress (a progress
/// note) → done (closed 办结 with its outcome); a task not yet closed may be cancelled.
public enum TaskStatus: String, CaseIterable, Sendable, PostgresDecodable, PostgresEncodable {
    /// 待办.
    case open
    /// 推进中.
    case inProgress = "in_progress"
    /// 已办结.
    case done
    /// 已撤销.
    case cancelled

    /// Done or cancelled: the task no longer changes.
    public var isClosed: Bool { self == .done || self == .cancelled }
}
