/// Every error code the governance module answers with, named: a reply's code is stable, so
/// scripts may depend on it, and ``all`` (the module's `errorCodes`) lets a test check them
/// against docs/error-codes.md.
public enum GovernanceErrorCode {
    /// `governance.append_only`: notes, attendance and votes are kept, never rewritten.
    public static let appendOnly = "governance.append_only"
    /// `governance.body.duplicate`: the organisation has a body already.
    public static let bodyDuplicate = "governance.body.duplicate"
    /// `governance.body.not_found`.
    public static let bodyNotFound = "governance.body.not_found"
    /// `governance.body.wrong_level`: bodies sit at city, district, street and community level.
    public static let bodyWrongLevel = "governance.body.wrong_level"
    /// `governance.meeting.not_found`.
    public static let meetingNotFound = "governance.meeting.not_found"
    /// `governance.meeting.already_attended`: the unit's attendance is recorded already.
    public static let meetingAlreadyAttended = "governance.meeting.already_attended"
    /// `governance.meeting.not_a_member`: the unit does not sit in the meeting's body.
    public static let meetingNotAMember = "governance.meeting.not_a_member"
    /// `governance.meeting.before_body`: a meeting held before its body was set up.
    public static let meetingBeforeBody = "governance.meeting.before_body"
    /// `governance.problem.not_found`.
    public static let problemNotFound = "governance.problem.not_found"
    /// `governance.task.closed`: a done or cancelled task no longer changes.
    public static let taskClosed = "governance.task.closed"
    /// `governance.task.due_before_meeting`.
    public static let taskDueBeforeMeeting = "governance.task.due_before_meeting"
    /// `governance.task.immutable`: a task keeps its meeting.
    public static let taskImmutable = "governance.task.immutable"
    /// `governance.task.not_found`.
    public static let taskNotFound = "governance.task.not_found"
    /// `governance.task.one_assignee`: a member unit or a department, exactly one.
    public static let taskOneAssignee = "governance.task.one_assignee"
    /// `governance.task.transition_not_allowed`.
    public static let taskTransitionNotAllowed = "governance.task.transition_not_allowed"
    /// `governance.checklist.not_found`.
    public static let checklistNotFound = "governance.checklist.not_found"
    /// `governance.checklist.in_use`: an assessment scores by it; add a new version instead.
    public static let checklistInUse = "governance.checklist.in_use"
    /// `governance.checklist.weights_not_100`: an assessment needs weights that add up to 100.
    public static let checklistWeightsNot100 = "governance.checklist.weights_not_100"
    /// `governance.assessment.duplicate`: the assessor assesses the organisation once a year.
    public static let assessmentDuplicate = "governance.assessment.duplicate"
    /// `governance.assessment.no_checklist`: no indicator list for the organisation's kind.
    public static let assessmentNoChecklist = "governance.assessment.no_checklist"
    /// `governance.assessment.not_found`.
    public static let assessmentNotFound = "governance.assessment.not_found"
    /// `governance.assessment.not_stationed`: a two-way assessment names a unit that does not
    /// work with the assessing organisation.
    public static let assessmentNotStationed = "governance.assessment.not_stationed"
    /// `governance.assessment.wrong_assessor`: a secretary's organisation is assessed by the
    /// organisation above it.
    public static let assessmentWrongAssessor = "governance.assessment.wrong_assessor"
    /// `governance.assessment.published`: a published year is frozen.
    public static let assessmentPublished = "governance.assessment.published"
    /// `governance.assessment.review_missing`: a secretary's assessment publishes with its
    /// 述职评议.
    public static let assessmentReviewMissing = "governance.assessment.review_missing"
    /// `governance.assessment.nothing_to_publish`.
    public static let assessmentNothingToPublish = "governance.assessment.nothing_to_publish"
    /// `governance.assessment.not_manual`: only a manual indicator takes a score by hand.
    public static let assessmentNotManual = "governance.assessment.not_manual"
    /// `governance.indicator.not_found`.
    public static let indicatorNotFound = "governance.indicator.not_found"
    /// `governance.review.no_votes`: a 述职评议 counts at least one vote.
    public static let reviewNoVotes = "governance.review.no_votes"
    /// `governance.breakthrough.not_found`.
    public static let breakthroughNotFound = "governance.breakthrough.not_found"
    /// `governance.breakthrough.closed`.
    public static let breakthroughClosed = "governance.breakthrough.closed"

    /// Every code above.
    public static let all = [
        appendOnly, bodyDuplicate, bodyNotFound, bodyWrongLevel, meetingNotFound, meetingAlreadyAttended, meetingNotAMember, meetingBeforeBody,
        problemNotFound,
        taskClosed, taskDueBeforeMeeting, taskImmutable, taskNotFound, taskOneAssignee, taskTransitionNotAllowed, checklistNotFound,
        checklistInUse, checklistWeightsNot100, assessmentDuplicate, assessmentNoChecklist, assessmentNotFound,
        assessmentNotStationed, assessmentWrongAssessor, assessmentPublished, assessmentReviewMissing, assessmentNothingToPublish,
        assessmentNotManual, indicatorNotFound, reviewNoVotes, breakthroughNotFound, breakthroughClosed,
    ]
}
