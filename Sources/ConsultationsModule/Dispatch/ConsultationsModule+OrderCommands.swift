import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension ConsultationsModule {
    /// `order=`: an order by id.
    static let orderArgument = ArgumentSpec.required("order", .id, help: "The order (id)", label: "订单")

    var orderCommands: [CommandSpec] {
        [placeOrderCommand, showOrderCommand, listOrdersCommand] + orderStepCommands
    }

    private var placeOrderCommand: CommandSpec {
        CommandSpec(
            "order place", synopsis: "Place a resident's order for volunteer service, or a micro-wish (群众点单)",
            help: """
                kind=service (the default) orders one of the "6+N" services; kind=wish records a micro-wish 微心愿. Categories \
                (modules.consultations.order_categories): \(settings.orderCategories.joined(separator: ", ")). Then: 'order \
                dispatch' (社区派单), 'order accept' (队伍接单), 'order claim' (成员领单), 'order done', 'order rate'.
                """,
            arguments: [
                OrganizationDirectory.unitArgument("community", help: "The resident's community", label: "社区"),
                .optional("kind", .enumeration(OrderKind.allCases.map(\.rawValue)), default: "service", help: "service or wish", label: "类型"),
                .required("category", .enumeration(settings.orderCategories), help: "Category", label: "类别"),
                .required("need", .text(maxLength: 500), help: "What is needed", label: "需求"),
                .required("address", .string(maxLength: 200), help: "Where", label: "地址"),
                .required("resident", .string(maxLength: 50), help: "Who ordered it", label: "居民"),
                .optional("phone", .string(maxLength: 20), help: "The resident's phone", label: "电话"),
            ],
            mutates: true,
            examples: [
                "consult order place community=SQ01 category=跑腿代办 need=\"代购一周药品\" address=\"幸福小区3-2-101\" resident=孙大爷 phone=13900000031",
                "consult order place community=SQ01 kind=wish category=生活照料 need=\"想要一台收音机\" address=\"幸福小区5-1-302\" resident=周奶奶",
            ]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let community = try await OrganizationDirectory.activeUnit(
                try arguments.string("community"), argument: "community", kind: "community", in: session)
            let phone = try arguments.optionalString("phone").map { try OrganizationDirectory.phone($0, argument: "phone") }
            let kind = try arguments.enumeration("kind", as: OrderKind.self)
            let id: Int64 = try await session.query(
                DispatchQueries.insertOrder,
                [
                    kind, community.id, try arguments.string("category"), try arguments.string("need"), try arguments.string("address"),
                    try arguments.string("resident"), phone, invocation.now,
                ]
            ).single().decode("id")
            _ = try await session.execute(
                DispatchQueries.recordEvent, [id, invocation.now, "place", invocation.caller.userName, "placed in \(community.code)"])
            return .created(
                id: id,
                "order \(id) (\(kind.chinese)) placed in \(community.label); dispatch it with 'consult order dispatch order=\(id) team=<code>'",
                fields: [("status", .string("placed"))]
            )
        }
    }

    private var showOrderCommand: CommandSpec {
        CommandSpec(
            "order show", synopsis: "Show an order with each step it went through",
            help: "The resident's name and phone are masked for roles below admin, the address's numbers for viewers.",
            arguments: [Self.orderArgument],
            examples: ["consult order show order=1"]
        ) { invocation in
            let session = invocation.database
            let order = try await OrderWorkflow.find(try invocation.arguments.id("order"), in: session)
            let steps = try await session.query(DispatchQueries.events, [order.id]).map { row -> [ReplyValue] in
                [
                    .timestamp(try row.decode("at")), .string(try row.decode("action", as: String.self)),
                    .string(try row.decode("actor", as: String.self)), .string(try row.decode("detail", as: String?.self)),
                ]
            }
            return .document(
                order.fields(unmasked: invocation.caller.may(.admin), addressUnmasked: invocation.caller.may(.operator)),
                sections: [("steps", ReplyTable(columns: ["at", "action", "actor", "detail"], rows: steps))],
                summary: "\(order.label): \(order.status.chinese)")
        }
    }

    private var listOrdersCommand: CommandSpec {
        CommandSpec(
            "order list", synopsis: "List orders by subtree, status, kind, team and day placed; paged",
            arguments: [
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only orders of communities in this subtree"),
                .optional("status", .enumeration(OrderStatus.allCases.map(\.rawValue)), help: "Only this status"),
                .optional("kind", .enumeration(OrderKind.allCases.map(\.rawValue)), help: "service or wish"),
                .optional("team", .string(maxLength: 32), help: "Only orders dispatched to this team (id or code)"),
                .optional("from", .date, help: "Placed on or after this day"),
                .optional("to", .date, help: "Placed on or before this day"),
            ] + Page.arguments(),
            examples: ["consult order list scope=SQ01 status=placed", "consult order list kind=wish"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let team = try await arguments.optionalString("team").asyncMap { try await OrderWorkflow.team($0, in: session) }
            let page = try Page(arguments)
            let unmasked = invocation.caller.may(.admin)
            let rows = try await session.query(
                DispatchQueries.listOrders,
                [
                    page.afterKey, scope?.path, arguments.optionalString("status"), arguments.optionalString("kind"), team?.id,
                    arguments.optionalDate("from"),
                    arguments.optionalDate("to"), page.fetchLimit,
                ]
            )
            return page.reply(
                columns: ["id", "kind", "community", "category", "need", "resident", "status", "team", "claimed_by", "hours", "rating", "placed_at"],
                rows: try rows.map { row in
                    let order = try VolunteerOrder(row: row)
                    return (
                        order.id,
                        [
                            .int(order.id), .string(order.kind.chinese), .string(order.communityCode), .string(order.category), .string(order.need),
                            .string(unmasked ? order.resident : PersonNameMask.masked(order.resident)), .string(order.status.rawValue),
                            order.teamCode.map(ReplyValue.string) ?? .null, order.claimedBy.map(ReplyValue.int) ?? .null,
                            order.hours.map { .decimal("\($0)") } ?? .null, order.rating.map { .int(Int64($0)) } ?? .null, .timestamp(order.placedAt),
                        ]
                    )
                }
            )
        }
    }

    private var orderStepCommands: [CommandSpec] {
        let workflow = OrderWorkflow(machine: orderMachine, points: settings.volunteerPoints)
        let rule = settings.volunteerPoints
        func step(
            _ verb: String, synopsis: String, help: String = "", arguments: [ArgumentSpec], example: String,
            _ make: @escaping @Sendable (Arguments) throws -> OrderStep
        ) -> CommandSpec {
            CommandSpec(
                "order \(verb)", synopsis: synopsis, help: help, arguments: [Self.orderArgument] + arguments, mutates: true, examples: [example]
            ) { invocation in
                let outcome = try await workflow.perform(
                    try make(invocation.arguments), on: try invocation.arguments.id("order"), at: invocation.now, by: invocation.caller.userName,
                    in: invocation.database
                )
                return .record(
                    [
                        ("order", .int(outcome.order.id)), ("status", .string(outcome.status.rawValue)),
                        ("points", outcome.pointsAwarded.map { .int(Int64($0)) } ?? .null),
                    ],
                    summary: "\(outcome.order.label) \(outcome.detail)"
                )
            }
        }
        return [
            step(
                "dispatch", synopsis: "Dispatch a placed order to a volunteer team (社区派单)",
                help: "The team must serve the order's community: the community's own team, its street's, or a grid branch's below it.",
                arguments: [.required("team", .string(maxLength: 32), help: "The team (id or code)", label: "队伍")],
                example: "consult order dispatch order=1 team=DY01"
            ) { .dispatch(team: try $0.string("team")) },
            step(
                "accept", synopsis: "The team accepts a dispatched order (队伍接单)",
                arguments: [.required("by", .id, help: "The volunteer of the team accepting it", label: "接单人")],
                example: "consult order accept order=1 by=1"
            ) { .accept(by: try $0.id("by")) },
            step(
                "claim", synopsis: "A member of the team claims an accepted order (成员领单)",
                arguments: [.required("volunteer", .id, help: "The volunteer of the team taking it on", label: "领单人")],
                example: "consult order claim order=1 volunteer=1"
            ) { .claim(volunteer: try $0.id("volunteer")) },
            step(
                "done", synopsis: "Report a claimed order done, with the hours served",
                help: """
                    hours= (0.1 to 24, one decimal) are the volunteer's. When the volunteer is a Party member, they earn \
                    \(rule.perHour.formatted()) vanguard point(s) an hour (rounded, at least 1, at most \(rule.maximumPerOrder)) under \
                    '\(rule.category)', recorded with the order in one transaction: see 'org points rank'.
                    """,
                arguments: [
                    .required("hours", .decimal, help: "Hours served", label: "时长"),
                    .optional("by", .id, help: "The volunteer reporting (must be the one who claimed it)"),
                    .optional("note", .text(maxLength: 500), help: "What was done", label: "说明"),
                ],
                example: "consult order done order=1 hours=1.5 note=\"药品已送到\""
            ) { arguments in
                let hours = try arguments.decimal("hours")
                var rounded = Decimal()
                var exact = hours
                NSDecimalRound(&rounded, &exact, 1, .plain)
                guard rounded == hours, hours > 0, hours <= 24 else {
                    throw WorkbenchError.invalidArgument(
                        "hours", code: ConsultationsErrorCode.orderHoursRange, "hours=\(hours) must lie from 0.1 to 24, with at most one decimal")
                }
                return .done(hours: hours, by: arguments.optionalID("by"), note: arguments.optionalString("note"))
            },
            step(
                "rate", synopsis: "Record the resident's rating (1–5) of a done order",
                arguments: [
                    .required("rating", .int(1...5), help: "1 (poor) to 5 (excellent)", label: "评分"),
                    .optional("comment", .text(maxLength: 500), help: "What the resident said", label: "评价"),
                ],
                example: "consult order rate order=1 rating=5 comment=\"很及时\""
            ) { .rate(rating: Int(try $0.int("rating")), comment: $0.optionalString("comment")) },
            step(
                "cancel", synopsis: "Cancel an order that is not yet done",
                arguments: [.required("reason", .text(maxLength: 500), help: "Why", label: "取消原因")],
                example: "consult order cancel order=2 reason=\"居民已自行解决\""
            ) { .cancel(reason: try $0.string("reason")) },
        ]
    }
}
