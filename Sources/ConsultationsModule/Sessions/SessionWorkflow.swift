import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

/// The rules of a session 议事会 from scheduling to close: which topics it may take, what
/// may be recorded and when, the five haves before it closes, and what its close or
/// cancellation does to its topics. Every step that touches a topic appends to the topic's
/// timeline, and moves it only along ``topicMachine`` (`consultations.topic_transitions`).
struct SessionWorkflow: Sendable {
    /// `consultations.topic_transitions`, read once at start.
    let topicMachine: StatusMachine

    /// Who acts and when, for every step.
    struct Step {
        var actor: String
        var now: Date
        var timeZone: TimeZone
    }

    /// What `session schedule` needs.
    struct Schedule {
        var unit: OrganizationDirectory.Organization
        /// The topics in the order the agenda keeps.
        var topicIDs: [Int64]
        var title: String?
        var venue: String?
        var startsAt: Date
    }

    /// Schedules a session on accepted topics of `unit`'s subtree and marks them scheduled.
    ///
    /// - Returns: The session's id, its title and its agenda.
    func schedule(_ draft: Schedule, _ step: Step, in session: PostgresSession) async throws -> (id: Int64, title: String, topics: [Topic]) {
        // Locked in id order (two schedules naming the same topics cannot deadlock); the
        // agenda keeps the order given.
        var agenda: [Topic] = []
        for id in draft.topicIDs.sorted() {
            let topic = try await TopicStore.find(id, argument: "topics", forUpdate: true, in: session)
            try TopicStore.require(
                topic, "schedule", in: topicMachine, step: "be scheduled",
                hint: topic.status == .proposed
                    ? "Review it first ('consult topic review topic=\(id) decision=accept')." : "Only accepted topics are put to a session."
            )
            guard topic.communityPath == draft.unit.path || topic.communityPath.hasPrefix(draft.unit.path + ".") else {
                throw WorkbenchError.ruleRefused(
                    ConsultationsErrorCode.sessionTopicOutsideUnit,
                    "\(topic.label) belongs to \(topic.communityCode), outside \(draft.unit.label); schedule it where it belongs"
                )
            }
            agenda.append(topic)
        }
        let position = Dictionary(uniqueKeysWithValues: draft.topicIDs.enumerated().map { ($1, $0) })
        agenda.sort { position[$0.id, default: 0] < position[$1.id, default: 0] }
        let title = draft.title ?? agenda[0].title
        let id: Int64 = try await session.query(SessionQueries.insert, [draft.unit.id, title, draft.venue, draft.startsAt, step.now])
            .single().decode("id")
        let starts = ReplyEncoder(timeZone: step.timeZone).textValue(.timestamp(draft.startsAt))
        for (index, topic) in agenda.enumerated() {
            _ = try await session.execute(SessionQueries.addTopic, [id, topic.id, index + 1])
            _ = try await session.execute(TopicQueries.setStatus, [topic.id, TopicStatus.scheduled, step.now])
            try await TopicStore.record(
                topic.id, at: step.now, kind: "scheduled", actor: step.actor, detail: "on session \(id) 《\(title)》 at \(starts)", in: session)
        }
        return (id, title, agenda)
    }

    /// Changes a scheduled session's title, venue or time. A notice that showed the old time
    /// or place is withdrawn (有标识 must be posted again).
    ///
    /// - Returns: Whether the notice was withdrawn.
    func update(
        _ meeting: Session, title: String?, venue: String?, startsAt: Date?, _ step: Step, in session: PostgresSession
    ) async throws -> Bool {
        try meeting.refuseUnlessScheduled("change")
        let staleNotice =
            meeting.noticePostedOn != nil && ((venue != nil && venue != meeting.venue) || (startsAt != nil && startsAt != meeting.startsAt))
        _ = try await session.execute(SessionQueries.update, [meeting.id, title, venue, startsAt, step.now, staleNotice])
        return staleNotice
    }

    /// Records the notice (有标识) posted on `day` at `place`: not in the future, and not after
    /// the session's own day (it would have announced nothing).
    func postNotice(_ meeting: Session, on day: CalendarDate, place: String, _ step: Step, in session: PostgresSession) async throws {
        let today = CalendarDate(containing: step.now, in: step.timeZone)
        guard day <= today else {
            throw WorkbenchError.invalidArgument(
                "on", code: ConsultationsErrorCode.sessionNoticeInFuture, "a notice cannot be posted in the future; record it once it is up")
        }
        try meeting.refuseUnlessScheduled("have its notice recorded")
        let sessionDay = CalendarDate(containing: meeting.startsAt, in: step.timeZone)
        guard day <= sessionDay else {
            throw WorkbenchError.ruleRefused(
                ConsultationsErrorCode.sessionNoticeAfterSession,
                "a notice posted on \(day) comes after \(meeting.label) on \(sessionDay) and announced nothing; 有标识 needs a notice before the session"
            )
        }
        _ = try await session.execute(SessionQueries.postNotice, [meeting.id, day, place, step.now])
    }

    /// Records a participant, or corrects the record of the same name.
    ///
    /// - Returns: Whether the name was new.
    func attend(
        _ meeting: Session, name: String, role: ParticipantRole, party: CoGovernanceParty?, present: Bool, _ step: Step,
        in session: PostgresSession
    ) async throws -> Bool {
        try Self.refuseUnlessBeingHeld(meeting, "take participants", step)
        return try await session.query(SessionQueries.attend, [meeting.id, name, role, party, present, step.now]).single().decode("inserted")
    }

    /// Records the minutes (有记录), once; with `amend`, adds to them, dated and signed.
    ///
    /// - Returns: Whether earlier minutes were amended.
    func recordMinutes(
        _ meeting: Session, text: String, by author: String, amend: Bool, _ step: Step, in session: PostgresSession
    ) async throws -> Bool {
        try Self.refuseUnlessBeingHeld(meeting, "take minutes", step)
        var minutes = text
        if let earlier = meeting.minutes {
            guard amend else {
                throw WorkbenchError.conflict(
                    ConsultationsErrorCode.sessionMinutesRecorded,
                    "\(meeting.label) already has minutes; give amend=yes to add to them (nothing is replaced)"
                )
            }
            minutes = earlier + "\n[补充 \(ReplyEncoder(timeZone: step.timeZone).textValue(.timestamp(step.now))) \(author)] " + text
        }
        guard ArgumentType.length(of: minutes) <= 20_000 else {
            throw WorkbenchError.invalidArgument(
                "text", code: ConsultationsErrorCode.sessionMinutesTooLong, "the minutes would pass 20,000 characters; summarise")
        }
        _ = try await session.execute(SessionQueries.recordMinutes, [meeting.id, minutes, author, step.now])
        return meeting.minutes != nil
    }

    /// A vote on one agenda topic.
    struct Vote {
        var topicID: Int64
        var votesFor: Int64
        var against: Int64
        var abstain: Int64
        var resolution: String

        /// `11 for, 1 against, 0 abstaining: adopted`.
        func outcome(adopted: Bool) -> String {
            "\(votesFor) for, \(against) against, \(abstain) abstaining: \(adopted ? "adopted" : "not adopted")"
        }
    }

    /// Records the vote on a topic of the agenda, once. The database decides adoption (more
    /// than half of the votes cast).
    ///
    /// - Returns: The topic and whether the resolution was adopted.
    func vote(_ meeting: Session, _ vote: Vote, _ step: Step, in session: PostgresSession) async throws -> (Topic, adopted: Bool) {
        try Self.refuseUnlessBeingHeld(meeting, "take votes", step)
        let topic = try await SessionStore.agendaTopic(vote.topicID, of: meeting, in: session)
        guard vote.votesFor + vote.against + vote.abstain > 0 else {
            throw WorkbenchError.invalidArgument(
                "for", code: ConsultationsErrorCode.sessionNoVotes, "no votes were cast; give for=, against= and abstain=")
        }
        guard
            let row = try await session.queryOptionalRow(
                SessionQueries.vote, [meeting.id, topic.id, vote.votesFor, vote.against, vote.abstain, vote.resolution, step.now]
            )
        else {
            throw WorkbenchError.conflict(
                ConsultationsErrorCode.sessionAlreadyVoted, "\(topic.label) already has its vote in \(meeting.label); a vote is recorded once")
        }
        let adopted: Bool = try row.decode("adopted")
        try await TopicStore.record(
            topic.id, at: step.now, kind: "voted", actor: step.actor,
            detail: "session \(meeting.id): \(vote.outcome(adopted: adopted)); \(vote.resolution)", in: session
        )
        return (topic, adopted)
    }

    /// Records the reply to the proposer (有回声) of one agenda topic, or of every one.
    ///
    /// - Returns: The topics answered.
    func reply(
        _ meeting: Session, topicID: Int64?, text: String, channel: String, _ step: Step, in session: PostgresSession
    ) async throws -> [Int64] {
        try Self.refuseUnlessBeingHeld(meeting, "record replies", step)
        let topics: [Int64]
        if let topicID {
            topics = [try await SessionStore.agendaTopic(topicID, of: meeting, in: session).id]
        } else {
            topics = try await SessionStore.agenda(of: meeting, in: session).map(\.topicID)
        }
        for topicID in topics {
            _ = try await session.execute(SessionQueries.insertReply, [topicID, meeting.id, "session", text, channel, step.now, step.actor])
            try await TopicStore.record(
                topicID, at: step.now, kind: "replied", actor: step.actor, detail: "the proposer was told via \(channel): \(text)", in: session)
        }
        return topics
    }

    /// Closes a session that has the five haves: an adopted topic goes on to implementation
    /// (有落实), one not adopted returns to accepted.
    ///
    /// - Returns: Each topic with the status it moved to.
    func close(_ meeting: Session, _ step: Step, in session: PostgresSession) async throws -> [(topicID: Int64, status: TopicStatus)] {
        try Self.refuseUnlessBeingHeld(meeting, "be closed", step)
        let missing = try await SessionStore.shortfalls(of: meeting, in: session)
        guard missing.isEmpty else {
            throw WorkbenchError.ruleRefused(
                ConsultationsErrorCode.sessionFiveHavesMissing,
                "\(meeting.label) cannot close; missing: " + missing.map(\.description).joined(separator: "; ")
            )
        }
        _ = try await session.execute(SessionQueries.close, [meeting.id, step.now])
        var outcomes: [(Int64, TopicStatus)] = []
        for item in try await SessionStore.agenda(of: meeting, in: session) {
            let adopted = item.adopted ?? false
            let next: TopicStatus = adopted ? .implementing : .accepted
            _ = try await session.execute(TopicQueries.setStatus, [item.topicID, next, step.now])
            try await TopicStore.record(
                item.topicID, at: step.now, kind: adopted ? "implementing" : "not_adopted", actor: step.actor,
                detail: adopted
                    ? "session \(meeting.id) closed with the resolution adopted; implementation (有落实) follows through actions"
                    : "session \(meeting.id) closed without adopting a resolution; the topic is back in line for another session",
                in: session
            )
            outcomes.append((item.topicID, next))
        }
        return outcomes
    }

    /// Cancels a scheduled session; its topics return to accepted.
    ///
    /// - Returns: The topics returned.
    func cancel(_ meeting: Session, reason: String, _ step: Step, in session: PostgresSession) async throws -> [Int64] {
        try meeting.refuseUnlessScheduled("be cancelled")
        _ = try await session.execute(SessionQueries.cancel, [meeting.id, step.now, reason])
        let topics = try await SessionStore.agenda(of: meeting, in: session).map(\.topicID)
        for topicID in topics {
            _ = try await session.execute(TopicQueries.setStatus, [topicID, TopicStatus.accepted, step.now])
            try await TopicStore.record(
                topicID, at: step.now, kind: "unscheduled", actor: step.actor, detail: "session \(meeting.id) cancelled: \(reason)", in: session)
        }
        return topics
    }

    /// What happens at a session is recorded only while it is scheduled and once it has begun.
    private static func refuseUnlessBeingHeld(_ meeting: Session, _ what: String, _ step: Step) throws {
        try meeting.refuseUnlessScheduled(what)
        try meeting.refuseBeforeItIsHeld(what, now: step.now, timeZone: step.timeZone)
    }
}
