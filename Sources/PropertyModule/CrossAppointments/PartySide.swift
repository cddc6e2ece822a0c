public import WorkbenchPostgres

/// Where a cross-appointed person sits on the Party side: the community committee 社区"两委"
/// or the complex's own Party branch 小区党支部.
public enum PartySide: String, CaseIterable, Sendable, PostgresDecodable, PostgresEncodable {
    /// The community Party committee or residents' committee.
    case community
    /// The complex's Party branch.
    case complexBranch = "complex_branch"
}
