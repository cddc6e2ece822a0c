/// Why a person is assigned to a grid.
public enum AssignmentRole: String, CaseIterable, Sendable {
    /// A grid worker 网格员, who patrols and reports.
    case worker
    /// A sunk-down cadre 下沉干部, sent from a street or department to serve the grid.
    case cadre

    /// 网格员, 下沉干部.
    public var label: String {
        switch self {
        case .worker: "网格员"
        case .cadre: "下沉干部"
        }
    }
}
