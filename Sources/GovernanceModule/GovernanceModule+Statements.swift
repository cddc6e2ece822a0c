public import WorkbenchPostgres

extension GovernanceModule {
    /// Every named statement of the module, for the test that prepares each one against a
    /// migrated database. A statement missing here fails that test, naming it.
    public static var statements: [PostgresStatement] {
        [
            BodyStore.Queries.find, BodyStore.Queries.findByCode, BodyStore.Queries.add, BodyStore.Queries.update, BodyStore.Queries.list,
            BodyStore.Queries.members, BodyStore.Queries.isMember,
            MeetingStore.Queries.find, MeetingStore.Queries.hold, MeetingStore.Queries.attend, MeetingStore.Queries.raise,
            MeetingStore.Queries.decide, MeetingStore.Queries.problem, MeetingStore.Queries.list, MeetingStore.Queries.latest,
            MeetingStore.Queries.attendance, MeetingStore.Queries.problems,
            TaskStore.Queries.find, TaskStore.Queries.findForUpdate, TaskStore.Queries.assign, TaskStore.Queries.progress,
            TaskStore.Queries.close, TaskStore.Queries.addNote, TaskStore.Queries.notes, TaskStore.Queries.list,
            ComplianceQueries.periods, ComplianceQueries.withoutBody,
            GovernanceBreakdown.query,
            ChecklistStore.Queries.find, ChecklistStore.Queries.latest, ChecklistStore.Queries.add, ChecklistStore.Queries.copyIndicators,
            ChecklistStore.Queries.indicators, ChecklistStore.Queries.setIndicator, ChecklistStore.Queries.removeIndicator,
            ChecklistStore.Queries.list,
            AssessmentStore.Queries.find, AssessmentStore.Queries.findForUpdate, AssessmentStore.Queries.stationedIn, AssessmentStore.Queries.open,
            AssessmentStore.Queries.manualScores, AssessmentStore.Queries.setManual, AssessmentStore.Queries.review, AssessmentStore.Queries.reviewed,
            AssessmentStore.Queries.storedScores, AssessmentStore.Queries.storeScore, AssessmentStore.Queries.openBreakthrough,
            AssessmentStore.Queries.publish, AssessmentStore.Queries.ofAssessor, AssessmentStore.Queries.list,
            ReviewStore.Queries.record,
            BreakthroughStore.Queries.list, BreakthroughStore.Queries.find, BreakthroughStore.Queries.close,
        ] + EvidenceQueries.all
    }
}
