/// Every error code the organizations module answers with, named: a reply's code is stable, so
/// scripts may depend on it, and ``all`` lets a test list them.
public enum OrganizationsErrorCode {
    /// `organizations.ending.already_applied`.
    public static let endingAlreadyApplied = "organizations.ending.already_applied"
    /// `organizations.ending.already_recorded`.
    public static let endingAlreadyRecorded = "organizations.ending.already_recorded"
    /// `organizations.ending.not_found`.
    public static let endingNotFound = "organizations.ending.not_found"
    /// `organizations.member.already_there`.
    public static let memberAlreadyThere = "organizations.member.already_there"
    /// `organizations.member.left`.
    public static let memberLeft = "organizations.member.left"
    /// `organizations.member.not_found`.
    public static let memberNotFound = "organizations.member.not_found"
    /// `organizations.pair.already_ended`.
    public static let pairAlreadyEnded = "organizations.pair.already_ended"
    /// `organizations.pair.duplicate`.
    public static let pairDuplicate = "organizations.pair.duplicate"
    /// `organizations.pair.ended`.
    public static let pairEnded = "organizations.pair.ended"
    /// `organizations.pair.not_a_resident_unit`.
    public static let pairNotAResidentUnit = "organizations.pair.not_a_resident_unit"
    /// `organizations.pair.not_found`.
    public static let pairNotFound = "organizations.pair.not_found"
    /// `organizations.pair.open_projects`.
    public static let pairOpenProjects = "organizations.pair.open_projects"
    /// `organizations.points.out_of_range`.
    public static let pointsOutOfRange = "organizations.points.out_of_range"
    /// `organizations.project.closed`.
    public static let projectClosed = "organizations.project.closed"
    /// `organizations.project.not_found`.
    public static let projectNotFound = "organizations.project.not_found"
    /// `organizations.project.transition_not_allowed`.
    public static let projectTransitionNotAllowed = "organizations.project.transition_not_allowed"
    /// `organizations.report.already_ended`.
    public static let reportAlreadyEnded = "organizations.report.already_ended"
    /// `organizations.report.duplicate`.
    public static let reportDuplicate = "organizations.report.duplicate"
    /// `organizations.report.ended`.
    public static let reportEnded = "organizations.report.ended"
    /// `organizations.report.member_already_in_community`.
    public static let reportMemberAlreadyInCommunity = "organizations.report.member_already_in_community"
    /// `organizations.report.not_a_resident_unit`.
    public static let reportNotAResidentUnit = "organizations.report.not_a_resident_unit"
    /// `organizations.report.not_found`.
    public static let reportNotFound = "organizations.report.not_found"
    /// `organizations.seat.already_ended`.
    public static let seatAlreadyEnded = "organizations.seat.already_ended"
    /// `organizations.seat.duplicate`.
    public static let seatDuplicate = "organizations.seat.duplicate"
    /// `organizations.seat.not_a_committee`.
    public static let seatNotACommittee = "organizations.seat.not_a_committee"
    /// `organizations.seat.not_found`.
    public static let seatNotFound = "organizations.seat.not_found"
    /// `organizations.seat.not_from_a_resident_unit`.
    public static let seatNotFromAResidentUnit = "organizations.seat.not_from_a_resident_unit"
    /// `organizations.unit.already_there`.
    public static let unitAlreadyThere = "organizations.unit.already_there"
    /// `organizations.unit.dissolved`.
    public static let unitDissolved = "organizations.unit.dissolved"
    /// `organizations.unit.dissolved_before_established`.
    public static let unitDissolvedBeforeEstablished = "organizations.unit.dissolved_before_established"
    /// `organizations.unit.duplicate_code`.
    public static let unitDuplicateCode = "organizations.unit.duplicate_code"
    /// `organizations.unit.established_before_parent`.
    public static let unitEstablishedBeforeParent = "organizations.unit.established_before_parent"
    /// `organizations.unit.kind_not_allowed`.
    public static let unitKindNotAllowed = "organizations.unit.kind_not_allowed"
    /// `organizations.unit.members_without_receiver`.
    public static let unitMembersWithoutReceiver = "organizations.unit.members_without_receiver"
    /// `organizations.unit.move_into_own_subtree`.
    public static let unitMoveIntoOwnSubtree = "organizations.unit.move_into_own_subtree"
    /// `organizations.unit.not_a_community`.
    public static let unitNotACommunity = "organizations.unit.not_a_community"
    /// `organizations.unit.not_empty`.
    public static let unitNotEmpty = "organizations.unit.not_empty"
    /// `organizations.unit.not_found`.
    public static let unitNotFound = "organizations.unit.not_found"
    /// `organizations.unit.outside_scope`.
    public static let unitOutsideScope = "organizations.unit.outside_scope"
    /// `organizations.unit.parent_required`.
    public static let unitParentRequired = "organizations.unit.parent_required"
    /// `organizations.unit.same_name`.
    public static let unitSameName = "organizations.unit.same_name"
    /// `organizations.unit.wrong_kind`.
    public static let unitWrongKind = "organizations.unit.wrong_kind"
    /// `organizations.venue.already_covered`.
    public static let venueAlreadyCovered = "organizations.venue.already_covered"
    /// `organizations.venue.duplicate`.
    public static let venueDuplicate = "organizations.venue.duplicate"
    /// `organizations.venue.members_exceed_employees`.
    public static let venueMembersExceedEmployees = "organizations.venue.members_exceed_employees"
    /// `organizations.venue.not_an_area`.
    public static let venueNotAnArea = "organizations.venue.not_an_area"
    /// `organizations.venue.not_covered`.
    public static let venueNotCovered = "organizations.venue.not_covered"
    /// `organizations.venue.not_found`.
    public static let venueNotFound = "organizations.venue.not_found"

    /// All of them, in order.
    public static let all = [
        endingAlreadyApplied,
        endingAlreadyRecorded,
        endingNotFound,
        memberAlreadyThere,
        memberLeft,
        memberNotFound,
        pairAlreadyEnded,
        pairDuplicate,
        pairEnded,
        pairNotAResidentUnit,
        pairNotFound,
        pairOpenProjects,
        pointsOutOfRange,
        projectClosed,
        projectNotFound,
        projectTransitionNotAllowed,
        reportAlreadyEnded,
        reportDuplicate,
        reportEnded,
        reportMemberAlreadyInCommunity,
        reportNotAResidentUnit,
        reportNotFound,
        seatAlreadyEnded,
        seatDuplicate,
        seatNotACommittee,
        seatNotFound,
        seatNotFromAResidentUnit,
        unitAlreadyThere,
        unitDissolved,
        unitDissolvedBeforeEstablished,
        unitDuplicateCode,
        unitEstablishedBeforeParent,
        unitKindNotAllowed,
        unitMembersWithoutReceiver,
        unitMoveIntoOwnSubtree,
        unitNotACommunity,
        unitNotEmpty,
        unitNotFound,
        unitOutsideScope,
        unitParentRequired,
        unitSameName,
        unitWrongKind,
        venueAlreadyCovered,
        venueDuplicate,
        venueMembersExceedEmployees,
        venueNotAnArea,
        venueNotCovered,
        venueNotFound,
    ]
}
