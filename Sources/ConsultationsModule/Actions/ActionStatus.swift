public import WorkbenchPostgres

/// Where an action item 落实事项 stands: open until done or dropped with a reason, both final.
public enum ActionStatus: String, CaseIterable, Sendable, PostgresDecodable, PostgresEncodable {
    /// 落实中.
    case open
    /// 已完成.
    case done
    /// 已撤销, with a reason.
    case dropped
}
