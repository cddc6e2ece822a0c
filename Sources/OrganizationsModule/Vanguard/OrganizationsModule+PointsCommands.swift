import Foundation
import WorkbenchKit
import WorkbenchPostgres

extension OrganizationsModule {
    var pointsCommands: [CommandSpec] {
        [pointsAddCommand, pointsRankCommand, pointsListCommand]
    }

    private var pointsAddCommand: CommandSpec {
        CommandSpec(
            "points add", synopsis: "Record vanguard points (先锋指数) for a member",
            help: """
                Appends an entry to the member's points ledger; entries are never edited. A correction is a new
                entry with negative points. Categories come from configuration
                (modules.organizations.points_categories): \(settings.pointsCategories.joined(separator: ", ")).
                """,
            arguments: [
                .required("member", .id, help: "The member's id"),
                .required("category", .enumeration(settings.pointsCategories), help: "Category", label: "类别"),
                .required("points", .int(-100...100), help: "Points (-100 to 100, not 0; negative to deduct or correct)", label: "分值"),
                .required("reason", .string(maxLength: 200), help: "Why", label: "事由"),
                .optional("at", .datetime, default: "now", help: "When it was earned"),
            ],
            mutates: true,
            examples: ["org points add member=12 category=志愿服务 points=5 reason=\"参加社区义诊\""]
        ) { invocation in
            let arguments = invocation.arguments
            let points = Int(try arguments.int("points"))
            guard points != 0 else {
                throw WorkbenchError.invalidArgument("points", "points=0 records nothing; give a positive or negative number")
            }
            let at = try arguments.datetime("at")
            guard at <= invocation.now.addingTimeInterval(60) else {
                throw WorkbenchError.invalidArgument("at", "at= is in the future; points are recorded once earned")
            }
            let (id, member) = try await PointsStore.add(
                member: try arguments.id("member"), category: try arguments.string("category"), points: points,
                reason: try arguments.string("reason"), at: at, in: invocation.database
            )
            return .created(id: id, "\(points) point(s) for \(member.label)", fields: [("member", .int(member.id)), ("points", .int(points))])
        }
    }

    private var pointsRankCommand: CommandSpec {
        CommandSpec(
            "points rank", synopsis: "Rank members by vanguard points over a subtree and period",
            help: """
                Sums each active member's points between from= and to= (inclusive, default: this year so far)
                and ranks them; equal totals share a rank. unit= limits it to members now belonging to that subtree.
                """,
            arguments: [
                Self.unitArgument("unit", required: false, help: "Only members in this subtree"),
                .optional("from", .date, help: "First day (default: 1 January this year)"),
                .optional("to", .date, default: "today", help: "Last day"),
                .optional("category", .enumeration(settings.pointsCategories), help: "Only this category"),
                .optional("limit", .int(1...1000), default: "20", help: "How many places"),
            ],
            examples: ["org points rank unit=SQ01 from=2026-01-01 to=2026-06-30"]
        ) { invocation in
            let arguments = invocation.arguments
            let scope = try await Self.optionalUnit(arguments, "unit", in: invocation.database)?.path
            let (from, to) = try arguments.period(today: invocation.today, defaultFrom: { _ in Self.yearStart(of: invocation.today) })
            let ranked = try await PointsStore.rank(
                underPath: scope, from: from, to: to, category: arguments.optionalString("category"), limit: Int(try arguments.int("limit")),
                in: invocation.database
            )
            return .table(
                columns: ["rank", "member", "name", "unit", "points", "entries"],
                rows: ranked.map {
                    [.int($0.rank), .int($0.memberID), .string($0.name), .string($0.unitCode), .int($0.points), .int($0.entries)]
                },
                summary: "\(ranked.count) members ranked, \(from) to \(to)"
            )
        }
    }

    private var pointsListCommand: CommandSpec {
        CommandSpec(
            "points list", synopsis: "A member's points ledger with the running balance",
            arguments: [.required("member", .id, help: "The member's id")] + Page.arguments()
        ) { invocation in
            let member = try await MemberStore.find(try invocation.arguments.id("member"), in: invocation.database)
            let page = try Page(invocation.arguments)
            let rows = try await invocation.database.query(PointsStore.Queries.ledger, [member.id, page.afterKey, page.fetchLimit])
            return page.reply(
                columns: ["id", "awarded_at", "category", "points", "reason", "balance"],
                rows: try rows.map { row in
                    let id: Int64 = try row.decode("id")
                    return (
                        id,
                        [
                            .int(id), .timestamp(try row.decode("awarded_at", as: Date.self)),
                            .string(try row.decode("category", as: String.self)),
                            .int(try row.decode("points", as: Int64.self)), .string(try row.decode("reason", as: String.self)),
                            .int(try row.decode("balance", as: Int64.self)),
                        ]
                    )
                }
            )
        }
    }
}
