import Foundation
import GridsModule
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension ConsultationsModule {
    /// `topic=`: a topic by id.
    static func topicArgument(help: String = "The topic (id)") -> ArgumentSpec {
        .required("topic", .id, help: help, label: "议题")
    }

    var topicCommands: [CommandSpec] {
        [proposeTopicCommand, showTopicCommand, listTopicsCommand, reviewTopicCommand, withdrawTopicCommand, topicTimelineCommand]
    }

    private var proposeTopicCommand: CommandSpec {
        let gridsLoaded = gridsLoaded
        return CommandSpec(
            "topic propose", synopsis: "Propose a topic (议题) for consultation in a community",
            help: """
                A topic is a matter for the community's "好商量" platform: 要事 the Party and government care about, 实事 that \
                improve daily life, 难事 of governance. source= says where it came from: resident 群众提 (the default), assigned \
                上级点, grid 网格发现 or suggestion 人民建议. \
                \(gridsLoaded ? "A topic found in a grid names its grid case with case= (id or GC-… code), in the same community. " : "")\
                Categories (modules.consultations.topic_categories): \(settings.topicCategories.joined(separator: ", ")). The \
                topic waits for 'consult topic review'. at= records a topic received earlier; it cannot lie in the future.
                """,
            arguments: [
                OrganizationDirectory.unitArgument("community", help: "The community (社区) the topic concerns", label: "社区"),
                .required("title", .string(maxLength: 100), help: "A short title", label: "议题"),
                .required("description", .text(maxLength: 2000), help: "What the matter is", label: "内容"),
                .required("category", .enumeration(settings.topicCategories), help: "Category", label: "类别"),
                .optional(
                    "source", .enumeration(TopicSource.argumentWords), default: "resident", help: "resident, assigned, grid or suggestion",
                    label: "来源"),
                .required("proposer", .string(maxLength: 50), help: "Who raised it (a resident, a department, a grid worker)", label: "提出人"),
                .optional("phone", .string(maxLength: 20), help: "The proposer's phone, for the reply", label: "电话"),
            ] + (gridsLoaded ? [.optional("case", .string(maxLength: 32), help: "The grid case it came from (source=grid)", label: "网格事件")] : []) + [
                .optional("at", .datetime, help: "When it was received (default now)")
            ],
            mutates: true,
            examples: [
                "consult topic propose community=SQ01 title=小区停车难 description=\"晚间车位不足，消防通道被占\" category=停车管理 proposer=陈建国 phone=13900000011",
                "consult topic propose community=SQ01 title=楼道堆物 description=\"3号楼楼道堆放杂物\" category=安全隐患 source=grid proposer=王芳 case=GC-2026-000001",
            ]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let at = arguments.optionalDatetime("at") ?? invocation.now
            guard at <= invocation.now else {
                throw WorkbenchError.invalidArgument(
                    "at", code: ConsultationsErrorCode.topicProposedInFuture, "a topic cannot be received in the future")
            }
            let community = try await OrganizationDirectory.activeUnit(
                try arguments.string("community"), argument: "community", kind: "community", in: session)
            let source = TopicSource(argument: try arguments.string("source"))!
            var gridCase: GridDirectory.GridCase?
            if let reference = arguments.optionalString("case") {
                guard source == .grid else {
                    throw WorkbenchError.invalidArgument(
                        "case", code: ConsultationsErrorCode.topicCaseNeedsGridSource, "case= links a topic found in a grid; give source=grid with it"
                    )
                }
                let found = try await GridDirectory.gridCase(reference, argument: "case", in: session)
                guard found.communityID == community.id else {
                    throw WorkbenchError.ruleRefused(
                        ConsultationsErrorCode.topicCaseElsewhere,
                        "grid case \(found.label) was reported in another community, not \(community.label); propose the topic in the "
                            + "case's community"
                    )
                }
                gridCase = found
            } else if source == .grid && gridsLoaded {
                throw WorkbenchError.invalidArgument(
                    "case", code: ConsultationsErrorCode.topicCaseMissing,
                    "a topic found in a grid (source=grid) names its grid case: case=<id or GC-… code>"
                )
            }
            let phone = try arguments.optionalString("phone").map { try OrganizationDirectory.phone($0, argument: "phone") }
            let title = try arguments.string("title")
            let id: Int64 = try await session.query(
                TopicQueries.insert,
                [
                    community.id, title, try arguments.string("description"), try arguments.string("category"), source, gridCase?.id, gridCase?.code,
                    try arguments.string("proposer"), phone, at,
                ]
            ).single().decode("id")
            try await TopicStore.record(
                id, at: at, kind: "proposed", actor: invocation.caller.userName,
                detail: "proposed by \(source.chinese) in \(community.code)" + (gridCase.map { " from grid case \($0.label)" } ?? ""), in: session
            )
            return .created(
                id: id, "topic \(id) 《\(title)》 proposed in \(community.label); review it with 'consult topic review topic=\(id)'",
                fields: [("status", .string(TopicStatus.proposed.label)), ("grid_case", gridCase.map { .string($0.code) } ?? .null)]
            )
        }
    }

    private var showTopicCommand: CommandSpec {
        CommandSpec(
            "topic show", synopsis: "Show a topic: its review, sessions, replies and actions",
            help: "The proposer's name and phone are masked for roles below admin. The full history is 'consult topic timeline'.",
            arguments: [Self.topicArgument()],
            examples: ["consult topic show topic=1"]
        ) { invocation in
            let session = invocation.database
            let topic = try await TopicStore.find(try invocation.arguments.id("topic"), in: session)
            let counts = try await session.query(TopicQueries.actionCounts, [topic.id, invocation.today]).single()
            let sessions = try await session.query(TopicQueries.sessions, [topic.id]).map { row in
                let votes: Int64? = try row.decode("votes_for")
                let vote =
                    try votes.map { votes in
                        let adopted: Bool = try row.decode("adopted")
                        return " \(votes)/\(try row.decode("votes_against", as: Int64.self))/\(try row.decode("votes_abstain", as: Int64.self)) "
                            + (adopted ? "adopted" : "not adopted")
                    } ?? ""
                return ReplyValue.string("session \(try row.decode("id", as: Int64.self)) \(try row.decode("status", as: String.self))\(vote)")
            }
            let replies = try await session.query(TopicQueries.replies, [topic.id]).map { row in
                ReplyValue.string(
                    "\(try row.decode("kind", as: String.self)) via \(try row.decode("channel", as: String.self)): "
                        + "\(try row.decode("text", as: String.self))"
                )
            }
            func count(_ name: String) throws -> ReplyValue { .int(try counts.decode(name, as: Int64.self)) }
            return .record(
                topic.fields(unmasked: invocation.caller.may(.admin)) + [
                    ("sessions", .list(sessions)), ("replies", .list(replies)),
                    ("actions", try count("total")), ("actions_open", try count("open")), ("actions_done", try count("done")),
                    ("actions_dropped", try count("dropped")), ("actions_overdue", try count("overdue")),
                ],
                summary: "\(topic.label): \(topic.status.label)"
            )
        }
    }

    private var listTopicsCommand: CommandSpec {
        CommandSpec(
            "topic list", synopsis: "List topics by subtree, status, category, source and proposal day; paged",
            arguments: [
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only topics of communities in this subtree"),
                .optional("status", .enumeration(TopicStatus.allCases.map(\.rawValue)), help: "Only this status"),
                .optional("category", .enumeration(settings.topicCategories), help: "Only this category"),
                .optional("source", .enumeration(TopicSource.argumentWords), help: "Only this source"),
                .optional("from", .date, help: "Proposed on or after this day"),
                .optional("to", .date, help: "Proposed on or before this day"),
            ] + Page.arguments(),
            examples: ["consult topic list scope=JD01 status=implementing", "consult topic list category=停车管理 from=2026-01-01"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let page = try Page(arguments)
            let unmasked = invocation.caller.may(.admin)
            let rows = try await session.query(
                TopicQueries.list,
                [
                    page.afterKey, scope?.path, arguments.optionalString("status"), arguments.optionalString("category"),
                    arguments.optionalString("source").flatMap(TopicSource.init(argument:)), arguments.optionalDate("from"),
                    arguments.optionalDate("to"),
                    page.fetchLimit,
                ]
            )
            return page.reply(
                columns: ["id", "title", "community", "category", "source", "proposer", "status", "proposed_at", "actions", "open_actions"],
                rows: try rows.map { row in
                    let topic = try Topic(row: row)
                    return (
                        topic.id,
                        [
                            .int(topic.id), .string(topic.title), .string(topic.communityCode), .string(topic.category),
                            .string(topic.source.chinese),
                            .string(topic.proposerText(unmasked: unmasked)), .string(topic.status.rawValue), .timestamp(topic.proposedAt),
                            .int(try row.decode("actions", as: Int64.self)), .int(try row.decode("open_actions", as: Int64.self)),
                        ]
                    )
                }
            )
        }
    }

    private var reviewTopicCommand: CommandSpec {
        CommandSpec(
            "topic review", synopsis: "Accept a proposed topic for deliberation, or decline it with the reason the proposer is told",
            help: """
                decision=accept puts the topic in line for a session ('consult session schedule topics=…'). decision=decline needs \
                reason=: it is recorded as the reply to the proposer (有回声), through channel= (default 当面告知).
                """,
            arguments: [
                Self.topicArgument(),
                .required("decision", .enumeration(["accept", "decline"]), help: "accept or decline", label: "审核结果"),
                .optional("reason", .text(maxLength: 500), help: "Why (required to decline; it is the reply to the proposer)", label: "理由"),
                .optional("channel", .string(maxLength: 30), default: "当面告知", help: "How the proposer is told (当面告知, 电话, 公示栏, 微信群…)", label: "答复方式"),
            ],
            mutates: true,
            examples: [
                "consult topic review topic=1 decision=accept",
                "consult topic review topic=2 decision=decline reason=\"属物业合同纠纷，已转物业服务中心调解\" channel=电话",
            ]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let accept = try arguments.string("decision") == "accept"
            let reason = arguments.optionalString("reason")
            guard accept || reason != nil else {
                throw WorkbenchError.invalidArgument(
                    "reason", code: ConsultationsErrorCode.topicDeclineNeedsReason, "declining needs reason=: it is the reply the proposer is told"
                )
            }
            let topic = try await TopicStore.find(try arguments.id("topic"), forUpdate: true, in: session)
            try TopicStore.require(
                topic, accept ? "accept" : "decline", in: sessionWorkflow.topicMachine, step: "be reviewed",
                hint: "Only a proposed topic is reviewed.")
            let actor = invocation.caller.userName
            let status: TopicStatus = accept ? .accepted : .declined
            _ = try await session.execute(TopicQueries.review, [topic.id, status, invocation.now, accept ? nil : reason])
            if accept {
                try await TopicStore.record(
                    topic.id, at: invocation.now, kind: "accepted", actor: actor,
                    detail: "accepted for deliberation" + (reason.map { ": \($0)" } ?? ""), in: session
                )
            } else {
                let channel = try arguments.string("channel")
                _ = try await session.execute(
                    SessionQueries.insertReply, [topic.id, nil as Int64?, "review", reason!, channel, invocation.now, actor])
                try await TopicStore.record(
                    topic.id, at: invocation.now, kind: "declined", actor: actor,
                    detail: "declined; the proposer was told via \(channel): \(reason!)", in: session)
            }
            return .record(
                [("topic", .int(topic.id)), ("status", .string(status.label)), ("reason", reason.map(ReplyValue.string) ?? .null)],
                summary: accept ? "\(topic.label) accepted for deliberation" : "\(topic.label) declined; the reply to the proposer is recorded"
            )
        }
    }

    private var withdrawTopicCommand: CommandSpec {
        CommandSpec(
            "topic withdraw", synopsis: "Withdraw a topic that is proposed or accepted (not yet on a session)",
            arguments: [
                Self.topicArgument(),
                .required("reason", .text(maxLength: 500), help: "Why (the proposer withdrew it, resolved meanwhile…)", label: "撤回原因"),
            ],
            mutates: true,
            examples: ["consult topic withdraw topic=3 reason=\"居民已自行协商解决\""]
        ) { invocation in
            let session = invocation.database
            let topic = try await TopicStore.find(try invocation.arguments.id("topic"), forUpdate: true, in: session)
            try TopicStore.require(
                topic, "withdraw", in: sessionWorkflow.topicMachine, step: "be withdrawn",
                hint: topic.status == .scheduled
                    ? "It is on a session's agenda: cancel the session ('consult session cancel') first."
                    : "Only a proposed or accepted topic is withdrawn."
            )
            let reason = try invocation.arguments.string("reason")
            _ = try await session.execute(TopicQueries.withdraw, [topic.id, invocation.now, reason])
            try await TopicStore.record(
                topic.id, at: invocation.now, kind: "withdrawn", actor: invocation.caller.userName, detail: "withdrawn: \(reason)", in: session)
            return .message("\(topic.label) withdrawn")
        }
    }

    private var topicTimelineCommand: CommandSpec {
        CommandSpec(
            "topic timeline", synopsis: "A topic's history from its proposal to its last action; paged",
            arguments: [Self.topicArgument()] + Page.arguments(),
            examples: ["consult topic timeline topic=1"]
        ) { invocation in
            let session = invocation.database
            let topic = try await TopicStore.find(try invocation.arguments.id("topic"), in: session)
            let page = try Page(invocation.arguments)
            let rows = try await session.query(TopicQueries.timeline, [topic.id, page.afterKey, page.fetchLimit])
            return page.reply(
                columns: ["id", "at", "event", "actor", "detail"],
                rows: try rows.map { row in
                    let id: Int64 = try row.decode("id")
                    return (
                        id,
                        [
                            .int(id), .timestamp(try row.decode("at")), .string(try row.decode("kind")), .string(try row.decode("actor")),
                            .string(try row.decode("detail")),
                        ]
                    )
                }
            )
        }
    }
}
