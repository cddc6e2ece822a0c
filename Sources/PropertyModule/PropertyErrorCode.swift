/// Every error code the property module answers with, named: a reply's code is stable, so
/// scripts may depend on it, and ``all`` lets a test list them.
public enum PropertyErrorCode {
    /// `property.company.credit_code_invalid`.
    public static let companyCreditCodeInvalid = "property.company.credit_code_invalid"
    /// `property.company.duplicate_credit_code`.
    public static let companyDuplicateCreditCode = "property.company.duplicate_credit_code"
    /// `property.company.not_found`.
    public static let companyNotFound = "property.company.not_found"
    /// `property.company.nothing_to_change`.
    public static let companyNothingToChange = "property.company.nothing_to_change"
    /// `property.company.party_org_kind`.
    public static let companyPartyOrgKind = "property.company.party_org_kind"
    /// `property.company.rating_reason_missing`.
    public static let companyRatingReasonMissing = "property.company.rating_reason_missing"
    /// `property.complaint.filed_in_future`.
    public static let complaintFiledInFuture = "property.complaint.filed_in_future"
    /// `property.complaint.no_company`.
    public static let complaintNoCompany = "property.complaint.no_company"
    /// `property.complaint.not_found`.
    public static let complaintNotFound = "property.complaint.not_found"
    /// `property.complaint.transition_not_allowed`.
    public static let complaintTransitionNotAllowed = "property.complaint.transition_not_allowed"
    /// `property.complaint.unknown_subject`.
    public static let complaintUnknownSubject = "property.complaint.unknown_subject"
    /// `property.complex.branch_not_in_community`.
    public static let complexBranchNotInCommunity = "property.complex.branch_not_in_community"
    /// `property.complex.contract_without_company`.
    public static let complexContractWithoutCompany = "property.complex.contract_without_company"
    /// `property.complex.duplicate_code`.
    public static let complexDuplicateCode = "property.complex.duplicate_code"
    /// `property.complex.duplicate_name`.
    public static let complexDuplicateName = "property.complex.duplicate_name"
    /// `property.complex.grid_outside_community`.
    public static let complexGridOutsideCommunity = "property.complex.grid_outside_community"
    /// `property.complex.not_found`.
    public static let complexNotFound = "property.complex.not_found"
    /// `property.contract.overlap`.
    public static let contractOverlap = "property.contract.overlap"
    /// `property.crossapp.already_ended`.
    public static let crossappAlreadyEnded = "property.crossapp.already_ended"
    /// `property.crossapp.member_not_in_branch`.
    public static let crossappMemberNotInBranch = "property.crossapp.member_not_in_branch"
    /// `property.crossapp.no_branch`.
    public static let crossappNoBranch = "property.crossapp.no_branch"
    /// `property.crossapp.no_company`.
    public static let crossappNoCompany = "property.crossapp.no_company"
    /// `property.crossapp.not_found`.
    public static let crossappNotFound = "property.crossapp.not_found"
    /// `property.crossapp.overlap`.
    public static let crossappOverlap = "property.crossapp.overlap"
    /// `property.crossapp.person_missing`.
    public static let crossappPersonMissing = "property.crossapp.person_missing"
    /// `property.crossapp.person_twice`.
    public static let crossappPersonTwice = "property.crossapp.person_twice"
    /// `property.evaluation.evidence_form`.
    public static let evaluationEvidenceForm = "property.evaluation.evidence_form"
    /// `property.evaluation.except_without_all`.
    public static let evaluationExceptWithoutAll = "property.evaluation.except_without_all"
    /// `property.evaluation.exists`.
    public static let evaluationExists = "property.evaluation.exists"
    /// `property.evaluation.not_found`.
    public static let evaluationNotFound = "property.evaluation.not_found"
    /// `property.evaluation.quarter_not_started`.
    public static let evaluationQuarterNotStarted = "property.evaluation.quarter_not_started"
    /// `property.evaluation.unknown_item`.
    public static let evaluationUnknownItem = "property.evaluation.unknown_item"
    /// `property.evaluation.which`.
    public static let evaluationWhich = "property.evaluation.which"
    /// `property.evaluation.wrong_item_kind`.
    public static let evaluationWrongItemKind = "property.evaluation.wrong_item_kind"
    /// `property.project.company_without_party_org`.
    public static let projectCompanyWithoutPartyOrg = "property.project.company_without_party_org"
    /// `property.project.duplicate`.
    public static let projectDuplicate = "property.project.duplicate"
    /// `property.project.not_found`.
    public static let projectNotFound = "property.project.not_found"
    /// `property.project.outcome_missing`.
    public static let projectOutcomeMissing = "property.project.outcome_missing"
    /// `property.project.transition_not_allowed`.
    public static let projectTransitionNotAllowed = "property.project.transition_not_allowed"
    /// `property.quarter.invalid`.
    public static let quarterInvalid = "property.quarter.invalid"
    /// `property.quarter.out_of_range`.
    public static let quarterOutOfRange = "property.quarter.out_of_range"
    /// `property.ranking.already_published`.
    public static let rankingAlreadyPublished = "property.ranking.already_published"
    /// `property.ranking.not_published`.
    public static let rankingNotPublished = "property.ranking.not_published"
    /// `property.ranking.nothing_evaluated`.
    public static let rankingNothingEvaluated = "property.ranking.nothing_evaluated"
    /// `property.ranking.quarter_not_over`.
    public static let rankingQuarterNotOver = "property.ranking.quarter_not_over"

    /// All of them, in order.
    public static let all = [
        companyCreditCodeInvalid,
        companyDuplicateCreditCode,
        companyNotFound,
        companyNothingToChange,
        companyPartyOrgKind,
        companyRatingReasonMissing,
        complaintFiledInFuture,
        complaintNoCompany,
        complaintNotFound,
        complaintTransitionNotAllowed,
        complaintUnknownSubject,
        complexBranchNotInCommunity,
        complexContractWithoutCompany,
        complexDuplicateCode,
        complexDuplicateName,
        complexGridOutsideCommunity,
        complexNotFound,
        contractOverlap,
        crossappAlreadyEnded,
        crossappMemberNotInBranch,
        crossappNoBranch,
        crossappNoCompany,
        crossappNotFound,
        crossappOverlap,
        crossappPersonMissing,
        crossappPersonTwice,
        evaluationEvidenceForm,
        evaluationExceptWithoutAll,
        evaluationExists,
        evaluationNotFound,
        evaluationQuarterNotStarted,
        evaluationUnknownItem,
        evaluationWhich,
        evaluationWrongItemKind,
        projectCompanyWithoutPartyOrg,
        projectDuplicate,
        projectNotFound,
        projectOutcomeMissing,
        projectTransitionNotAllowed,
        quarterInvalid,
        quarterOutOfRange,
        rankingAlreadyPublished,
        rankingNotPublished,
        rankingNothingEvaluated,
        rankingQuarterNotOver,
    ]
}
