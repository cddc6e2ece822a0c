/// Every error code the consultations module answers with, named: a reply's code is stable, so
/// scripts may depend on it, and ``all`` lets a test list them.
public enum ConsultationsErrorCode {
    /// `consultations.action.due_in_past`.
    public static let actionDueInPast = "consultations.action.due_in_past"
    /// `consultations.action.final`.
    public static let actionFinal = "consultations.action.final"
    /// `consultations.action.not_found`.
    public static let actionNotFound = "consultations.action.not_found"
    /// `consultations.action.one_owner`.
    public static let actionOneOwner = "consultations.action.one_owner"
    /// `consultations.order.hours_range`.
    public static let orderHoursRange = "consultations.order.hours_range"
    /// `consultations.order.not_claimer`.
    public static let orderNotClaimer = "consultations.order.not_claimer"
    /// `consultations.order.not_found`.
    public static let orderNotFound = "consultations.order.not_found"
    /// `consultations.order.not_team_member`.
    public static let orderNotTeamMember = "consultations.order.not_team_member"
    /// `consultations.order.team_elsewhere`.
    public static let orderTeamElsewhere = "consultations.order.team_elsewhere"
    /// `consultations.order.team_lacks_service`.
    public static let orderTeamLacksService = "consultations.order.team_lacks_service"
    /// `consultations.order.transition_not_allowed`.
    public static let orderTransitionNotAllowed = "consultations.order.transition_not_allowed"
    /// `consultations.session.already_voted`.
    public static let sessionAlreadyVoted = "consultations.session.already_voted"
    /// `consultations.session.duplicate_participant`.
    public static let sessionDuplicateParticipant = "consultations.session.duplicate_participant"
    /// `consultations.session.final`.
    public static let sessionFinal = "consultations.session.final"
    /// `consultations.session.five_haves_missing`.
    public static let sessionFiveHavesMissing = "consultations.session.five_haves_missing"
    /// `consultations.session.minutes_recorded`.
    public static let sessionMinutesRecorded = "consultations.session.minutes_recorded"
    /// `consultations.session.minutes_too_long`.
    public static let sessionMinutesTooLong = "consultations.session.minutes_too_long"
    /// `consultations.session.no_votes`.
    public static let sessionNoVotes = "consultations.session.no_votes"
    /// `consultations.session.not_found`.
    public static let sessionNotFound = "consultations.session.not_found"
    /// `consultations.session.not_held_yet`.
    public static let sessionNotHeldYet = "consultations.session.not_held_yet"
    /// `consultations.session.nothing_to_change`.
    public static let sessionNothingToChange = "consultations.session.nothing_to_change"
    /// `consultations.session.notice_after_session`.
    public static let sessionNoticeAfterSession = "consultations.session.notice_after_session"
    /// `consultations.session.notice_in_future`.
    public static let sessionNoticeInFuture = "consultations.session.notice_in_future"
    /// `consultations.session.topic_not_on_agenda`.
    public static let sessionTopicNotOnAgenda = "consultations.session.topic_not_on_agenda"
    /// `consultations.session.topic_outside_unit`.
    public static let sessionTopicOutsideUnit = "consultations.session.topic_outside_unit"
    /// `consultations.team.duplicate_code`.
    public static let teamDuplicateCode = "consultations.team.duplicate_code"
    /// `consultations.team.not_found`.
    public static let teamNotFound = "consultations.team.not_found"
    /// `consultations.team.unknown_service`.
    public static let teamUnknownService = "consultations.team.unknown_service"
    /// `consultations.topic.case_elsewhere`.
    public static let topicCaseElsewhere = "consultations.topic.case_elsewhere"
    /// `consultations.topic.case_missing`.
    public static let topicCaseMissing = "consultations.topic.case_missing"
    /// `consultations.topic.case_needs_grid_source`.
    public static let topicCaseNeedsGridSource = "consultations.topic.case_needs_grid_source"
    /// `consultations.topic.decline_needs_reason`.
    public static let topicDeclineNeedsReason = "consultations.topic.decline_needs_reason"
    /// `consultations.topic.not_found`.
    public static let topicNotFound = "consultations.topic.not_found"
    /// `consultations.topic.proposed_in_future`.
    public static let topicProposedInFuture = "consultations.topic.proposed_in_future"
    /// `consultations.topic.transition_not_allowed`.
    public static let topicTransitionNotAllowed = "consultations.topic.transition_not_allowed"
    /// `consultations.volunteer.duplicate_member`.
    public static let volunteerDuplicateMember = "consultations.volunteer.duplicate_member"
    /// `consultations.volunteer.joined_in_future`.
    public static let volunteerJoinedInFuture = "consultations.volunteer.joined_in_future"
    /// `consultations.volunteer.name_missing`.
    public static let volunteerNameMissing = "consultations.volunteer.name_missing"
    /// `consultations.volunteer.not_found`.
    public static let volunteerNotFound = "consultations.volunteer.not_found"

    /// All of them, in order.
    public static let all = [
        actionDueInPast,
        actionFinal,
        actionNotFound,
        actionOneOwner,
        orderHoursRange,
        orderNotClaimer,
        orderNotFound,
        orderNotTeamMember,
        orderTeamElsewhere,
        orderTeamLacksService,
        orderTransitionNotAllowed,
        sessionAlreadyVoted,
        sessionDuplicateParticipant,
        sessionFinal,
        sessionFiveHavesMissing,
        sessionMinutesRecorded,
        sessionMinutesTooLong,
        sessionNoVotes,
        sessionNotFound,
        sessionNotHeldYet,
        sessionNothingToChange,
        sessionNoticeAfterSession,
        sessionNoticeInFuture,
        sessionTopicNotOnAgenda,
        sessionTopicOutsideUnit,
        teamDuplicateCode,
        teamNotFound,
        teamUnknownService,
        topicCaseElsewhere,
        topicCaseMissing,
        topicCaseNeedsGridSource,
        topicDeclineNeedsReason,
        topicNotFound,
        topicProposedInFuture,
        topicTransitionNotAllowed,
        volunteerDuplicateMember,
        volunteerJoinedInFuture,
        volunteerNameMissing,
        volunteerNotFound,
    ]
}
