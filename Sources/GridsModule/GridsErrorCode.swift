/// Every error code the grids module answers with, named: a reply's code is stable, so
/// scripts may depend on it, and ``all`` lets a test list them.
public enum GridsErrorCode {
    /// `grids.assignment.duplicate`.
    public static let assignmentDuplicate = "grids.assignment.duplicate"
    /// `grids.assignment.ended`.
    public static let assignmentEnded = "grids.assignment.ended"
    /// `grids.assignment.not_found`.
    public static let assignmentNotFound = "grids.assignment.not_found"
    /// `grids.case.escalate_not_up`.
    public static let caseEscalateNotUp = "grids.case.escalate_not_up"
    /// `grids.case.not_found`.
    public static let caseNotFound = "grids.case.not_found"
    /// `grids.case.reported_in_future`.
    public static let caseReportedInFuture = "grids.case.reported_in_future"
    /// `grids.case.top_level`.
    public static let caseTopLevel = "grids.case.top_level"
    /// `grids.case.transition_not_allowed`.
    public static let caseTransitionNotAllowed = "grids.case.transition_not_allowed"
    /// `grids.case.unknown_category`.
    public static let caseUnknownCategory = "grids.case.unknown_category"
    /// `grids.grid.branch_in_other_community`.
    public static let gridBranchInOtherCommunity = "grids.grid.branch_in_other_community"
    /// `grids.grid.duplicate_code`.
    public static let gridDuplicateCode = "grids.grid.duplicate_code"
    /// `grids.grid.level_not_allowed`.
    public static let gridLevelNotAllowed = "grids.grid.level_not_allowed"
    /// `grids.grid.not_found`.
    public static let gridNotFound = "grids.grid.not_found"
    /// `grids.grid.parent_in_other_community`.
    public static let gridParentInOtherCommunity = "grids.grid.parent_in_other_community"
    /// `grids.grid.patrolled_before`.
    public static let gridPatrolledBefore = "grids.grid.patrolled_before"
    /// `grids.household.duplicate_address`.
    public static let householdDuplicateAddress = "grids.household.duplicate_address"
    /// `grids.household.future_visit`.
    public static let householdFutureVisit = "grids.household.future_visit"
    /// `grids.household.not_found`.
    public static let householdNotFound = "grids.household.not_found"
    /// `grids.household.unknown_tag`.
    public static let householdUnknownTag = "grids.household.unknown_tag"
    /// `grids.patrol.before_grid`.
    public static let patrolBeforeGrid = "grids.patrol.before_grid"
    /// `grids.patrol.future_date`.
    public static let patrolFutureDate = "grids.patrol.future_date"
    /// `grids.scope.not_found`.
    public static let scopeNotFound = "grids.scope.not_found"

    /// All of them, in order.
    public static let all = [
        assignmentDuplicate,
        assignmentEnded,
        assignmentNotFound,
        caseEscalateNotUp,
        caseNotFound,
        caseReportedInFuture,
        caseTopLevel,
        caseTransitionNotAllowed,
        caseUnknownCategory,
        gridBranchInOtherCommunity,
        gridDuplicateCode,
        gridLevelNotAllowed,
        gridNotFound,
        gridParentInOtherCommunity,
        gridPatrolledBefore,
        householdDuplicateAddress,
        householdFutureVisit,
        householdNotFound,
        householdUnknownTag,
        patrolBeforeGrid,
        patrolFutureDate,
        scopeNotFound,
    ]
}
