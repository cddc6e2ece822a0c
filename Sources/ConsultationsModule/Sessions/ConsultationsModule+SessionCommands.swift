import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension ConsultationsModule {
    /// `session=`: a session by id.
    static let sessionArgument = ArgumentSpec.required("session", .id, help: "The session (id)", label: "议事会")

    var sessionCommands: [CommandSpec] {
        [
            scheduleSessionCommand, showSessionCommand, listSessionsCommand, updateSessionCommand, noticeSessionCommand, attendSessionCommand,
            minutesSessionCommand, voteSessionCommand, replySessionCommand, closeSessionCommand, cancelSessionCommand,
        ]
    }

    /// Topic ids from `topics=1,2,3` (commas of either width), or a 400.
    static func topicIDs(_ text: String, argument: String) throws -> [Int64] {
        let words = ListText.items(text)
        let ids = words.compactMap { Int64($0) }.filter { $0 > 0 }
        guard !words.isEmpty, ids.count == words.count else {
            throw WorkbenchError.invalidArgument(argument, "'\(text)' is not a list of topic ids (e.g. 3 or 3,5,8)")
        }
        guard Set(ids).count == ids.count else { throw WorkbenchError.invalidArgument(argument, "a topic is listed twice in '\(text)'") }
        return ids
    }

    static func findSession(_ id: Int64, forUpdate: Bool = false, in session: PostgresSession) async throws -> Session {
        let row = try await session.row(
            forUpdate ? SessionQueries.findForUpdate : SessionQueries.find, [id],
            orElse: WorkbenchError(
                status: .notFound, code: ConsultationsErrorCode.sessionNotFound,
                message: "no session \(id) (session=); find it with 'consult session list'", argument: "session"
            ))
        return try Session(row: row)
    }

    /// The topic on `session`'s agenda, or a 422 naming the agenda.
    static func agendaTopic(_ topicID: Int64, of meeting: Session, in session: PostgresSession) async throws -> Topic {
        let agenda: [Int64] = try await session.query(SessionQueries.agenda, [meeting.id]).map { try $0.decode("topic_id") }
        guard agenda.contains(topicID) else {
            throw WorkbenchError(
                status: .unprocessable, code: ConsultationsErrorCode.sessionTopicNotOnAgenda,
                message: "topic \(topicID) is not on \(meeting.label)'s agenda (topics \(agenda.map(String.init).joined(separator: ", ")))",
                argument: "topic"
            )
        }
        return try await TopicStore.find(topicID, in: session)
    }

    private var scheduleSessionCommand: CommandSpec {
        CommandSpec(
            "session schedule", synopsis: "Schedule a consultation session (议事会) on accepted topics",
            help: """
                unit= is the community (or street) holding the session; its topics must be accepted and lie in that subtree, and \
                each is on one session at a time. venue= is the place (有场所): 议事厅, 小巷公议会, 党群议事厅…; it may be settled \
                later with 'consult session update'. Before the session closes it needs the five haves: the venue, the notice \
                posted ('session notice'), minutes ('session minutes'), a vote on each topic ('session vote') and a reply to \
                each proposer ('session reply'), with the convener, a stakeholder and the coordinating party present \
                ('session attend'). A session may be recorded after it was held: at= can lie in the past.
                """,
            arguments: [
                OrganizationDirectory.unitArgument("unit", help: "The community or street holding it", label: "组织"),
                .required("topics", .string(maxLength: 200), help: "The accepted topics, by id (3 or 3,5)", label: "议题"),
                .required("at", .datetime, help: "When it starts", label: "时间"),
                .optional("title", .string(maxLength: 100), help: "A title (default: the first topic's title)", label: "名称"),
                .optional("venue", .string(maxLength: 100), help: "Where (议事厅, 小巷公议会…)", label: "场所"),
            ],
            mutates: true,
            examples: ["consult session schedule unit=SQ01 topics=1 at=2026-11-25T19:00 venue=小巷公议会 title=停车难议事会"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let unit = try await OrganizationDirectory.activeUnit(try arguments.string("unit"), argument: "unit", in: session)
            // Locked in id order (two schedules naming the same topics cannot deadlock); the
            // agenda keeps the order given.
            let given = try Self.topicIDs(try arguments.string("topics"), argument: "topics")
            var topics: [Topic] = []
            for id in given.sorted() {
                let topic = try await TopicStore.find(id, argument: "topics", forUpdate: true, in: session)
                guard topic.status == .accepted else {
                    throw TopicStore.notAllowed(
                        topic, "be scheduled",
                        topic.status == .proposed
                            ? "Review it first ('consult topic review topic=\(id) decision=accept')." : "Only accepted topics are put to a session."
                    )
                }
                guard topic.communityPath == unit.path || topic.communityPath.hasPrefix(unit.path + ".") else {
                    throw WorkbenchError.ruleRefused(
                        ConsultationsErrorCode.sessionTopicOutsideUnit,
                        "\(topic.label) belongs to \(topic.communityCode), outside \(unit.label); schedule it where it belongs"
                    )
                }
                topics.append(topic)
            }
            topics.sort { given.firstIndex(of: $0.id)! < given.firstIndex(of: $1.id)! }
            let title = arguments.optionalString("title") ?? topics[0].title
            let at = try arguments.datetime("at")
            let id: Int64 = try await session.query(SessionQueries.insert, [unit.id, title, arguments.optionalString("venue"), at, invocation.now])
                .single()
                .decode("id")
            for (position, topic) in topics.enumerated() {
                _ = try await session.execute(SessionQueries.addTopic, [id, topic.id, position + 1])
                _ = try await session.execute(TopicQueries.setStatus, [topic.id, TopicStatus.scheduled, invocation.now])
                try await TopicStore.record(
                    topic.id, at: invocation.now, kind: "scheduled", actor: invocation.caller.userName,
                    detail: "on session \(id) 《\(title)》 at \(ReplyEncoder(timeZone: invocation.timeZone).textValue(.timestamp(at)))", in: session
                )
            }
            return .created(
                id: id, "session \(id) 《\(title)》 scheduled with \(topics.count) topic(s)",
                fields: [("venue", arguments.optionalString("venue").map(ReplyValue.string) ?? .null), ("topics", .list(topics.map { .int($0.id) }))]
            )
        }
    }

    private var showSessionCommand: CommandSpec {
        CommandSpec(
            "session show", synopsis: "Show a session: agenda with votes, participants, the five haves and what it still lacks",
            arguments: [Self.sessionArgument],
            examples: ["consult session show session=1"]
        ) { invocation in
            let session = invocation.database
            let meeting = try await Self.findSession(try invocation.arguments.id("session"), in: session)
            let unmasked = invocation.caller.may(.admin)
            let agenda = try await session.query(SessionQueries.agenda, [meeting.id]).map { row in
                let votes: Int64? = try row.decode("votes_for")
                let vote =
                    try votes.map { votes in
                        let adopted: Bool = try row.decode("adopted")
                        return
                            "; vote \(votes)/\(try row.decode("votes_against", as: Int64.self))/\(try row.decode("votes_abstain", as: Int64.self)) "
                            + (adopted ? "adopted" : "not adopted") + ": \(try row.decode("resolution", as: String.self))"
                    } ?? "; no vote yet"
                let replied: Bool = try row.decode("replied")
                return ReplyValue.string(
                    "topic \(try row.decode("topic_id", as: Int64.self)) 《\(try row.decode("title", as: String.self))》\(vote)\(replied ? "; replied" : "; no reply yet")"
                )
            }
            let participants = try await session.query(SessionQueries.participants, [meeting.id]).map { row in
                let role: ParticipantRole = try row.decode("role")
                let party: CoGovernanceParty? = try row.decode("party")
                let name: String = try row.decode("name")
                let attended: Bool = try row.decode("attended")
                let shown = unmasked || party != .resident ? name : PersonNameMask.masked(name)
                return ReplyValue.string("\(shown) (\(role.chinese)\(party.map { ", \($0.chinese)" } ?? ""))\(attended ? "" : " absent")")
            }
            let missing = meeting.status == .scheduled ? try await Self.shortfalls(of: meeting.id, in: session) : []
            let encoder = ReplyEncoder(timeZone: invocation.timeZone)
            let haves: [ReplyValue] = [
                .string("有场所 " + (meeting.venue ?? "missing")),
                .string("有标识 " + (meeting.noticePostedOn.map { "posted \($0) at \(meeting.noticePlace ?? "")" } ?? "missing")),
                .string("有记录 " + (meeting.minutes == nil ? "missing" : "recorded" + (meeting.minutesBy.map { " by \($0)" } ?? ""))),
                .string("有回声 " + (missing.contains { $0.item == "reply" } ? "missing for some topics" : "every proposer replied")),
            ]
            return .record(
                [
                    ("id", .int(meeting.id)), ("title", .string(meeting.title)), ("unit", .string(meeting.unitCode)),
                    ("venue", meeting.venue.map(ReplyValue.string) ?? .null), ("starts_at", .timestamp(meeting.startsAt)),
                    ("status", .string(meeting.status.rawValue)), ("agenda", .list(agenda)), ("participants", .list(participants)),
                    ("five_haves", .list(haves)), ("missing", .list(missing.map { .string($0.description) })),
                    ("minutes", meeting.minutes.map(ReplyValue.string) ?? .null),
                    ("closed_at", meeting.closedAt.map(ReplyValue.timestamp) ?? .null),
                    ("cancel_reason", meeting.cancelReason.map(ReplyValue.string) ?? .null),
                ],
                summary: "\(meeting.label) at \(encoder.textValue(.timestamp(meeting.startsAt))): \(meeting.status.rawValue)"
                    + (meeting.status == .scheduled
                        ? (missing.isEmpty ? ", ready to close" : ", \(missing.count) item(s) missing before it can close") : "")
            )
        }
    }

    /// What the session still lacks before it may close.
    static func shortfalls(of sessionID: Int64, in session: PostgresSession) async throws -> [SessionShortfall] {
        try await session.query(SessionQueries.missing, [sessionID]).map { row in
            SessionShortfall(item: try row.decode("item"), topicID: try row.decode("topic_id"))
        }
    }

    private var listSessionsCommand: CommandSpec {
        CommandSpec(
            "session list", synopsis: "List sessions by subtree, status and day; paged",
            help: "haves_missing counts the five haves (place, sign, minutes, replies) a scheduled session still lacks.",
            arguments: [
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only sessions held in this subtree"),
                .optional("status", .enumeration(SessionStatus.allCases.map(\.rawValue)), help: "Only this status"),
                .optional("from", .date, help: "Starting on or after this day"),
                .optional("to", .date, help: "Starting on or before this day"),
            ] + Page.arguments(),
            examples: ["consult session list scope=JD01 status=scheduled"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let page = try Page(arguments)
            let rows = try await session.query(
                SessionQueries.list,
                [
                    page.afterKey, scope?.path, arguments.optionalString("status"), arguments.optionalDate("from"), arguments.optionalDate("to"),
                    page.fetchLimit,
                ]
            )
            return page.reply(
                columns: ["id", "title", "unit", "venue", "starts_at", "topics", "status", "haves_missing"],
                rows: try rows.map { row in
                    let meeting = try Session(row: row)
                    return (
                        meeting.id,
                        [
                            .int(meeting.id), .string(meeting.title), .string(meeting.unitCode), meeting.venue.map(ReplyValue.string) ?? .null,
                            .timestamp(meeting.startsAt), .int(try row.decode("topics", as: Int64.self)), .string(meeting.status.rawValue),
                            meeting.status == .scheduled ? .int(try row.decode("haves_missing", as: Int64.self)) : .null,
                        ]
                    )
                }
            )
        }
    }

    private var updateSessionCommand: CommandSpec {
        CommandSpec(
            "session update", synopsis: "Set a scheduled session's venue, time or title",
            arguments: [
                Self.sessionArgument,
                .optional("venue", .string(maxLength: 100), help: "Where (有场所)", label: "场所"),
                .optional("at", .datetime, help: "When it starts"),
                .optional("title", .string(maxLength: 100), help: "A new title"),
            ],
            mutates: true,
            examples: ["consult session update session=1 venue=党群议事厅"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let changes = ["venue", "at", "title"].filter(arguments.wasGiven)
            guard !changes.isEmpty else {
                throw WorkbenchError.invalidArgument(
                    "session", code: ConsultationsErrorCode.sessionNothingToChange, "name at least one of venue=, at=, title=")
            }
            let meeting = try await Self.findSession(try arguments.id("session"), forUpdate: true, in: session)
            try meeting.refuseUnlessScheduled("change")
            let venue = arguments.optionalString("venue"), at = arguments.optionalDatetime("at")
            // A notice tells residents the time and place: once either changes it is out of date.
            let staleNotice = meeting.noticePostedOn != nil && ((venue != nil && venue != meeting.venue) || (at != nil && at != meeting.startsAt))
            _ = try await session.execute(
                SessionQueries.update, [meeting.id, arguments.optionalString("title"), venue, at, invocation.now, staleNotice]
            )
            let notice = staleNotice ? "; the notice showed the old time or place: post it again ('consult session notice', 有标识)" : ""
            return .message("\(meeting.label) updated: \(changes.joined(separator: ", "))\(notice)")
        }
    }

    private var noticeSessionCommand: CommandSpec {
        CommandSpec(
            "session notice", synopsis: "Record that the session's notice was posted (有标识)",
            help: "The notice tells residents the topic, time and place. on= is the day it went up (default today, not in the future).",
            arguments: [
                Self.sessionArgument,
                .optional("on", .date, help: "The day it was posted (default today)", label: "公示日期"),
                .optional("place", .string(maxLength: 100), default: "社区公示栏", help: "Where it was posted", label: "公示位置"),
            ],
            mutates: true,
            examples: ["consult session notice session=1 on=2026-11-20 place=小区公告栏"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let on = arguments.optionalDate("on") ?? invocation.today
            guard on <= invocation.today else {
                throw WorkbenchError.invalidArgument(
                    "on", code: ConsultationsErrorCode.sessionNoticeInFuture, "a notice cannot be posted in the future; record it once it is up")
            }
            let meeting = try await Self.findSession(try arguments.id("session"), forUpdate: true, in: session)
            try meeting.refuseUnlessScheduled("have its notice recorded")
            // A notice announces the session: one put up after the session's day announced nothing.
            let sessionDay = CalendarDate(containing: meeting.startsAt, in: invocation.timeZone)
            guard on <= sessionDay else {
                throw WorkbenchError.ruleRefused(
                    ConsultationsErrorCode.sessionNoticeAfterSession,
                    "a notice posted on \(on) comes after \(meeting.label) on \(sessionDay) and announced nothing; 有标识 needs a notice before the session"
                )
            }
            _ = try await session.execute(SessionQueries.postNotice, [meeting.id, on, try arguments.string("place"), invocation.now])
            return .message("\(meeting.label): notice posted on \(on) (有标识)")
        }
    }

    private var attendSessionCommand: CommandSpec {
        CommandSpec(
            "session attend", synopsis: "Record a participant of a session by role and party, present or absent",
            help: """
                role= is the participant's side: convener 问题召集方, stakeholder 利益相关方, coordinator 协调处置方, or observer 旁听. \
                party= is the "六位一体" party they speak for: community_party 社区党组织, residents_committee 居委会, resident_unit \
                辖区单位, owners_committee 业委会, property_company 物业公司, resident 居民. Recording the same name again corrects the \
                record (present=false marks an invited participant absent).
                """,
            arguments: [
                Self.sessionArgument,
                .required("name", .string(maxLength: 50), help: "The participant (name, or unit and name)", label: "姓名"),
                .required("role", .enumeration(ParticipantRole.argumentWords), help: "convener, stakeholder, coordinator or observer", label: "角色"),
                .optional("party", .enumeration(CoGovernanceParty.argumentWords), help: "The 六位一体 party", label: "参与方"),
                .optional("present", .bool, default: "yes", help: "Whether they attended (default yes)", label: "出席"),
            ],
            mutates: true,
            examples: [
                "consult session attend session=1 name=\"社区书记 王芳\" role=convener party=community_party",
                "consult session attend session=1 name=\"业主 陈建国\" role=stakeholder party=resident",
            ]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let meeting = try await Self.findSession(try arguments.id("session"), in: session)
            try meeting.refuseUnlessScheduled("take participants")
            try meeting.refuseBeforeItIsHeld("take participants", now: invocation.now, timeZone: invocation.timeZone)
            let role = ParticipantRole(argument: try arguments.string("role"))!
            let party = arguments.optionalString("party").flatMap(CoGovernanceParty.init(argument:))
            let present = try arguments.bool("present")
            let name = try arguments.string("name")
            let inserted: Bool = try await session.query(SessionQueries.attend, [meeting.id, name, role, party, present, invocation.now]).single()
                .decode("inserted")
            return .message(
                "\(meeting.label): \(name) \(inserted ? "recorded" : "corrected") as \(role.chinese)\(party.map { ", \($0.chinese)" } ?? "")\(present ? ", present" : ", absent")"
            )
        }
    }

    private var minutesSessionCommand: CommandSpec {
        CommandSpec(
            "session minutes", synopsis: "Record the session's minutes (有记录)",
            help: "Minutes are written once. amend=yes adds to them (dated and signed); nothing already recorded is replaced.",
            arguments: [
                Self.sessionArgument,
                .required("text", .text(maxLength: 10_000), help: "The minutes", label: "记录"),
                .optional("by", .string(maxLength: 50), help: "Who took them", label: "记录人"),
                .optional("amend", .bool, default: "no", help: "Add to minutes already recorded"),
            ],
            mutates: true,
            examples: ["consult session minutes session=1 text=\"到会12人。议定：夜间开放学校操场停车，物业增设地锁。\" by=李强"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let meeting = try await Self.findSession(try arguments.id("session"), forUpdate: true, in: session)
            try meeting.refuseUnlessScheduled("take minutes")
            try meeting.refuseBeforeItIsHeld("take minutes", now: invocation.now, timeZone: invocation.timeZone)
            let text = try arguments.string("text")
            let by = arguments.optionalString("by") ?? invocation.caller.userName
            var minutes = text
            if let earlier = meeting.minutes {
                guard try arguments.bool("amend") else {
                    throw WorkbenchError.conflict(
                        ConsultationsErrorCode.sessionMinutesRecorded,
                        "\(meeting.label) already has minutes; give amend=yes to add to them (nothing is replaced)"
                    )
                }
                minutes = earlier + "\n[补充 \(ReplyEncoder(timeZone: invocation.timeZone).textValue(.timestamp(invocation.now))) \(by)] " + text
            }
            guard ArgumentType.length(of: minutes) <= 20_000 else {
                throw WorkbenchError.invalidArgument(
                    "text", code: ConsultationsErrorCode.sessionMinutesTooLong, "the minutes would pass 20,000 characters; summarise")
            }
            _ = try await session.execute(SessionQueries.recordMinutes, [meeting.id, minutes, by, invocation.now])
            return .message("\(meeting.label): minutes \(meeting.minutes == nil ? "recorded" : "amended") (有记录)")
        }
    }

    private var voteSessionCommand: CommandSpec {
        CommandSpec(
            "session vote", synopsis: "Record the vote and resolution on a topic of the session",
            help: """
                The resolution is adopted when more than half of the votes cast are for it. A vote is recorded once. At close an \
                adopted topic goes on to implementation (actions); one not adopted returns to accepted for another session.
                """,
            arguments: [
                Self.sessionArgument, Self.topicArgument(),
                .required("for", .int(0...100_000), help: "Votes for", label: "赞成"),
                .optional("against", .int(0...100_000), default: "0", help: "Votes against", label: "反对"),
                .optional("abstain", .int(0...100_000), default: "0", help: "Abstentions", label: "弃权"),
                .required("resolution", .text(maxLength: 2000), help: "What was resolved", label: "决议"),
            ],
            mutates: true,
            examples: ["consult session vote session=1 topic=1 for=11 against=1 resolution=\"夜间开放学校操场停车；物业在消防通道设地锁\""]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let meeting = try await Self.findSession(try arguments.id("session"), in: session)
            try meeting.refuseUnlessScheduled("take votes")
            try meeting.refuseBeforeItIsHeld("take votes", now: invocation.now, timeZone: invocation.timeZone)
            let topic = try await Self.agendaTopic(try arguments.id("topic"), of: meeting, in: session)
            let votes = (try arguments.int("for"), try arguments.int("against"), try arguments.int("abstain"))
            guard votes.0 + votes.1 + votes.2 > 0 else {
                throw WorkbenchError.invalidArgument(
                    "for", code: ConsultationsErrorCode.sessionNoVotes, "no votes were cast; give for=, against= and abstain=")
            }
            let resolution = try arguments.string("resolution")
            guard
                let row = try await session.queryOptionalRow(
                    SessionQueries.vote, [meeting.id, topic.id, votes.0, votes.1, votes.2, resolution, invocation.now]
                )
            else {
                throw WorkbenchError.conflict(
                    ConsultationsErrorCode.sessionAlreadyVoted, "\(topic.label) already has its vote in \(meeting.label); a vote is recorded once")
            }
            let adopted: Bool = try row.decode("adopted")
            let outcome = "\(votes.0) for, \(votes.1) against, \(votes.2) abstaining: \(adopted ? "adopted" : "not adopted")"
            try await TopicStore.record(
                topic.id, at: invocation.now, kind: "voted", actor: invocation.caller.userName,
                detail: "session \(meeting.id): \(outcome); \(resolution)", in: session
            )
            return .record(
                [("topic", .int(topic.id)), ("adopted", .bool(adopted)), ("resolution", .string(resolution))], summary: "\(topic.label): \(outcome)")
        }
    }

    private var replySessionCommand: CommandSpec {
        CommandSpec(
            "session reply", synopsis: "Record the reply to a topic's proposer (有回声)",
            help: "Without topic=, the same reply is recorded for every topic on the agenda. channel= says how it reached them.",
            arguments: [
                Self.sessionArgument,
                .optional("topic", .id, help: "The topic whose proposer is answered (default: every topic of the session)", label: "议题"),
                .required("text", .text(maxLength: 2000), help: "The reply", label: "答复"),
                .optional("channel", .string(maxLength: 30), default: "当面告知", help: "How (当面告知, 电话, 公示栏, 微信群…)", label: "答复方式"),
            ],
            mutates: true,
            examples: ["consult session reply session=1 topic=1 text=\"议定夜间开放学校操场停车，12月1日起执行\" channel=公示栏"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let meeting = try await Self.findSession(try arguments.id("session"), in: session)
            try meeting.refuseUnlessScheduled("record replies")
            try meeting.refuseBeforeItIsHeld("record replies", now: invocation.now, timeZone: invocation.timeZone)
            let topics: [Int64]
            if let topicID = arguments.optionalID("topic") {
                topics = [try await Self.agendaTopic(topicID, of: meeting, in: session).id]
            } else {
                topics = try await session.query(SessionQueries.agenda, [meeting.id]).map { try $0.decode("topic_id") }
            }
            let text = try arguments.string("text")
            let channel = try arguments.string("channel")
            for topicID in topics {
                _ = try await session.execute(
                    SessionQueries.insertReply, [topicID, meeting.id, "session", text, channel, invocation.now, invocation.caller.userName])
                try await TopicStore.record(
                    topicID, at: invocation.now, kind: "replied", actor: invocation.caller.userName,
                    detail: "the proposer was told via \(channel): \(text)", in: session
                )
            }
            return .message("\(meeting.label): reply recorded for topic(s) \(topics.map(String.init).joined(separator: ", ")) (有回声)")
        }
    }

    private var closeSessionCommand: CommandSpec {
        CommandSpec(
            "session close", synopsis: "Close a session once it has the five haves; adopted topics go on to implementation",
            help: """
                Refused (422 consultations.session.five_haves_missing) while anything is missing, naming each item and the command \
                that supplies it: the venue (有场所), the notice (有标识), the minutes (有记录), a reply to each topic's proposer \
                (有回声), a vote on each topic, and the convener, a stakeholder and the coordinating party present. Implementation \
                (有落实) follows: an adopted topic becomes implementing and takes actions ('consult action add'); one not adopted \
                returns to accepted.
                """,
            arguments: [Self.sessionArgument],
            mutates: true,
            examples: ["consult session close session=1"]
        ) { invocation in
            let session = invocation.database
            let meeting = try await Self.findSession(try invocation.arguments.id("session"), forUpdate: true, in: session)
            try meeting.refuseUnlessScheduled("be closed")
            try meeting.refuseBeforeItIsHeld("be closed", now: invocation.now, timeZone: invocation.timeZone)
            let missing = try await Self.shortfalls(of: meeting.id, in: session)
            guard missing.isEmpty else {
                throw WorkbenchError.ruleRefused(
                    ConsultationsErrorCode.sessionFiveHavesMissing,
                    "\(meeting.label) cannot close; missing: " + missing.map(\.description).joined(separator: "; ")
                )
            }
            _ = try await session.execute(SessionQueries.close, [meeting.id, invocation.now])
            var outcomes: [ReplyValue] = []
            for row in try await session.query(SessionQueries.agenda, [meeting.id]) {
                let topicID: Int64 = try row.decode("topic_id")
                let adopted: Bool = try row.decode("adopted")
                let next: TopicStatus = adopted ? .implementing : .accepted
                _ = try await session.execute(TopicQueries.setStatus, [topicID, next, invocation.now])
                try await TopicStore.record(
                    topicID, at: invocation.now, kind: adopted ? "implementing" : "not_adopted", actor: invocation.caller.userName,
                    detail: adopted
                        ? "session \(meeting.id) closed with the resolution adopted; implementation (有落实) follows through actions"
                        : "session \(meeting.id) closed without adopting a resolution; the topic is back in line for another session",
                    in: session
                )
                outcomes.append(.string("topic \(topicID): \(next.label)"))
            }
            return .record(
                [("session", .int(meeting.id)), ("status", .string("closed")), ("topics", .list(outcomes))],
                summary: "\(meeting.label) closed with the five haves")
        }
    }

    private var cancelSessionCommand: CommandSpec {
        CommandSpec(
            "session cancel", synopsis: "Cancel a scheduled session; its topics return to accepted",
            arguments: [Self.sessionArgument, .required("reason", .text(maxLength: 500), help: "Why", label: "取消原因")],
            mutates: true,
            examples: ["consult session cancel session=2 reason=\"台风预警，改期\""]
        ) { invocation in
            let session = invocation.database
            let meeting = try await Self.findSession(try invocation.arguments.id("session"), forUpdate: true, in: session)
            try meeting.refuseUnlessScheduled("be cancelled")
            let reason = try invocation.arguments.string("reason")
            _ = try await session.execute(SessionQueries.cancel, [meeting.id, invocation.now, reason])
            let topics: [Int64] = try await session.query(SessionQueries.agenda, [meeting.id]).map { try $0.decode("topic_id") }
            for topicID in topics {
                _ = try await session.execute(TopicQueries.setStatus, [topicID, TopicStatus.accepted, invocation.now])
                try await TopicStore.record(
                    topicID, at: invocation.now, kind: "unscheduled", actor: invocation.caller.userName,
                    detail: "session \(meeting.id) cancelled: \(reason)", in: session
                )
            }
            return .message("\(meeting.label) cancelled; topic(s) \(topics.map(String.init).joined(separator: ", ")) back to accepted")
        }
    }
}
