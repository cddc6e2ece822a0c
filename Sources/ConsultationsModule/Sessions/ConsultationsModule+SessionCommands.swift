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

    /// `role=` in English or Chinese.
    static func participantRole(_ arguments: Arguments) throws -> ParticipantRole {
        let word = try arguments.string("role")
        guard let role = ParticipantRole(argument: word) else { throw WorkbenchError.invalidArgument("role", "'\(word)' is not a role") }
        return role
    }

    /// Who acts and when, for the workflow.
    static func step(_ invocation: Invocation) -> SessionWorkflow.Step {
        SessionWorkflow.Step(actor: invocation.caller.userName, now: invocation.now, timeZone: invocation.timeZone)
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
            let unit = try await OrganizationDirectory.activeUnit(try arguments.string("unit"), argument: "unit", in: invocation.database)
            let draft = SessionWorkflow.Schedule(
                unit: unit, topicIDs: try Self.topicIDs(try arguments.string("topics"), argument: "topics"),
                title: arguments.optionalString("title"), venue: arguments.optionalString("venue"), startsAt: try arguments.datetime("at")
            )
            let (id, title, topics) = try await sessionWorkflow.schedule(draft, Self.step(invocation), in: invocation.database)
            return .created(
                id: id, "session \(id) 《\(title)》 scheduled with \(topics.count) topic(s)",
                fields: [("venue", .string(draft.venue)), ("topics", .list(topics.map { .int($0.id) }))]
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
            let meeting = try await SessionStore.find(try invocation.arguments.id("session"), in: session)
            let agenda = try await SessionStore.agenda(of: meeting, in: session)
            let participants = try await SessionStore.participants(of: meeting, in: session)
            let missing = meeting.status == .scheduled ? try await SessionStore.shortfalls(of: meeting, in: session) : []
            let unmasked = invocation.caller.may(.admin)
            let encoder = ReplyEncoder(timeZone: invocation.timeZone)
            let fields: [(String, ReplyValue)] = [
                ("id", .int(meeting.id)), ("title", .string(meeting.title)), ("unit", .string(meeting.unitCode)),
                ("starts_at", .timestamp(meeting.startsAt)), ("status", .string(meeting.status.rawValue)),
                // The five haves 五有: 有场所, 有标识, 有记录, 有回声 (有落实 follows the close).
                ("venue", .string(meeting.venue)), ("notice_posted_on", meeting.noticePostedOn.map(ReplyValue.date) ?? .null),
                ("notice_place", .string(meeting.noticePlace)), ("minutes", .string(meeting.minutes)), ("minutes_by", .string(meeting.minutesBy)),
                ("every_proposer_replied", .bool(!agenda.isEmpty && agenda.allSatisfy(\.replied))),
                ("missing", .list(missing.map { .string($0.description) })),
                ("closed_at", meeting.closedAt.map(ReplyValue.timestamp) ?? .null), ("cancel_reason", .string(meeting.cancelReason)),
            ]
            return .document(
                fields,
                sections: [
                    ("agenda", ReplyTable(columns: AgendaItem.columns, rows: agenda.map(\.values))),
                    ("participants", ReplyTable(columns: Participant.columns, rows: participants.map { $0.values(unmasked: unmasked) })),
                ],
                summary: "\(meeting.label) at \(encoder.textValue(.timestamp(meeting.startsAt))): \(meeting.status.rawValue)"
                    + (meeting.status == .scheduled
                        ? (missing.isEmpty ? ", ready to close" : ", \(missing.count) item(s) missing before it can close") : "")
            )
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
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: invocation.database)
            let page = try Page(arguments)
            let filter = SessionStore.Filter(
                scopePath: scope?.path, status: try arguments.optionalEnumeration("status", as: SessionStatus.self),
                from: arguments.optionalDate("from"), to: arguments.optionalDate("to")
            )
            return page.reply(
                columns: ["id", "title", "unit", "venue", "starts_at", "topics", "status", "haves_missing"],
                rows: try await SessionStore.list(filter, page: page, in: invocation.database).map { meeting, topics, havesMissing in
                    (
                        meeting.id,
                        [
                            .int(meeting.id), .string(meeting.title), .string(meeting.unitCode), .string(meeting.venue),
                            .timestamp(meeting.startsAt), .int(topics), .string(meeting.status.rawValue), havesMissing.map(ReplyValue.int) ?? .null,
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
            let changes = ["venue", "at", "title"].filter(arguments.wasGiven)
            guard !changes.isEmpty else {
                throw WorkbenchError.invalidArgument(
                    "session", code: ConsultationsErrorCode.sessionNothingToChange, "name at least one of venue=, at=, title=")
            }
            let meeting = try await SessionStore.find(try arguments.id("session"), forUpdate: true, in: invocation.database)
            let staleNotice = try await sessionWorkflow.update(
                meeting, title: arguments.optionalString("title"), venue: arguments.optionalString("venue"),
                startsAt: arguments.optionalDatetime("at"), Self.step(invocation), in: invocation.database
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
            let day = arguments.optionalDate("on") ?? invocation.today
            let meeting = try await SessionStore.find(try arguments.id("session"), forUpdate: true, in: invocation.database)
            try await sessionWorkflow.postNotice(
                meeting, on: day, place: try arguments.string("place"), Self.step(invocation), in: invocation.database)
            return .message("\(meeting.label): notice posted on \(day) (有标识)")
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
            let meeting = try await SessionStore.find(try arguments.id("session"), in: invocation.database)
            let role = try Self.participantRole(arguments)
            let party = try arguments.optionalString("party").map { word in
                guard let party = CoGovernanceParty(argument: word) else { throw WorkbenchError.invalidArgument("party", "'\(word)' is not a party") }
                return party
            }
            let present = try arguments.bool("present")
            let name = try arguments.string("name")
            let inserted = try await sessionWorkflow.attend(
                meeting, name: name, role: role, party: party, present: present, Self.step(invocation), in: invocation.database)
            return .message(
                "\(meeting.label): \(name) \(inserted ? "recorded" : "corrected") as "
                    + "\(role.chinese)\(party.map { ", \($0.chinese)" } ?? "")\(present ? ", present" : ", absent")"
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
            let meeting = try await SessionStore.find(try arguments.id("session"), forUpdate: true, in: invocation.database)
            let amended = try await sessionWorkflow.recordMinutes(
                meeting, text: try arguments.string("text"), by: arguments.optionalString("by") ?? invocation.caller.userName,
                amend: try arguments.bool("amend"), Self.step(invocation), in: invocation.database
            )
            return .message("\(meeting.label): minutes \(amended ? "amended" : "recorded") (有记录)")
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
            let meeting = try await SessionStore.find(try arguments.id("session"), in: invocation.database)
            let vote = SessionWorkflow.Vote(
                topicID: try arguments.id("topic"), votesFor: try arguments.int("for"), against: try arguments.int("against"),
                abstain: try arguments.int("abstain"), resolution: try arguments.string("resolution")
            )
            let (topic, adopted) = try await sessionWorkflow.vote(meeting, vote, Self.step(invocation), in: invocation.database)
            return .record(
                [("topic", .int(topic.id)), ("adopted", .bool(adopted)), ("resolution", .string(vote.resolution))],
                summary: "\(topic.label): \(vote.outcome(adopted: adopted))")
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
            let meeting = try await SessionStore.find(try arguments.id("session"), in: invocation.database)
            let topics = try await sessionWorkflow.reply(
                meeting, topicID: arguments.optionalID("topic"), text: try arguments.string("text"), channel: try arguments.string("channel"),
                Self.step(invocation), in: invocation.database
            )
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
            let meeting = try await SessionStore.find(try invocation.arguments.id("session"), forUpdate: true, in: invocation.database)
            let outcomes = try await sessionWorkflow.close(meeting, Self.step(invocation), in: invocation.database)
            return .record(
                [
                    ("session", .int(meeting.id)), ("status", .string("closed")),
                    ("topics", .list(outcomes.map { .string("topic \($0.topicID): \($0.status.label)") })),
                ],
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
            let meeting = try await SessionStore.find(try invocation.arguments.id("session"), forUpdate: true, in: invocation.database)
            let topics = try await sessionWorkflow.cancel(
                meeting, reason: try invocation.arguments.string("reason"), Self.step(invocation), in: invocation.database)
            return .message("\(meeting.label) cancelled; topic(s) \(topics.map(String.init).joined(separator: ", ")) back to accepted")
        }
    }
}
