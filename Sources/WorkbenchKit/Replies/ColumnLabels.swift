/// Column names in the domain's words, for the header rows of exported spreadsheets
/// (`编码 code`): JSON tables carry them as `labels`.
///
/// The vocabulary is the commands' own: every argument declared with a `label:` names the
/// column of the same key (`code` → `编码`), the first declaration winning; ``base`` adds the
/// columns no argument names.
public enum ColumnLabels {
    /// Columns that replies show and no argument declares.
    public static let base: [String: String] = [
        "id": "编号", "status": "状态", "created_at": "创建时间", "updated_at": "更新时间", "children": "下级组织数",
        "members": "党员数", "path": "路径", "depth": "层级", "total": "合计", "rate": "比率", "count": "数量",
    ]

    /// The vocabulary of `commands`: ``base``, then each argument's label under its name.
    public static func vocabulary(of commands: [CommandSpec]) -> [String: String] {
        var labels = base
        for command in commands {
            for argument in command.arguments {
                if let label = argument.label, labels[argument.name] == nil { labels[argument.name] = label }
            }
        }
        return labels
    }
}
