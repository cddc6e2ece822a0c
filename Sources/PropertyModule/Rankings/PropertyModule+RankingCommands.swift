import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension PropertyModule {
    var rankingCommands: [CommandSpec] {
        let formula = settings.ranking
        let scopeArgument = OrganizationDirectory.unitArgument(
            "scope", required: false,
            help: "A street (or any organisation): only companies serving complexes there in the quarter, and their complaints there"
        )
        /// The list as a record (quarter, scope, counts per list, and for a published one when
        /// and by whom and under which formula) with its `entries` table.
        @Sendable func reply(
            _ ranking: Ranking, quarter: Quarter, scope: OrganizationDirectory.Organization?, published: RankingStore.Published?, summary: String
        ) -> Reply {
            var fields: [(String, ReplyValue)] = [("quarter", .string(quarter.description)), ("scope", .string(scope?.code))]
            for list in RankingFormula.List.allCases {
                fields.append(("\(list.rawValue)_companies", .int(Int64(ranking.entries.filter { $0.list == list }.count))))
            }
            fields += [
                ("published", .bool(published != nil)), ("published_at", published.map { .timestamp($0.publishedAt) } ?? .null),
                ("published_by", .string(published?.publishedBy)), ("formula", .string(published?.formula ?? formula.description)),
            ]
            return .document(
                fields, sections: [("entries", ReplyTable(columns: RankingEntry.columns, rows: ranking.entries.map(\.values)))], summary: summary
            )
        }
        return [
            CommandSpec(
                "ranking", synopsis: "Compute a quarter's red/black list (红黑榜) as it stands now, with each company's score breakdown",
                help: """
                    \(formula). The checklist score is 100 × positive points met / points possible − deductions (not below 0); the \
                    complaint score is 100 × complaints resolved by their 2310 deadline / complaints decided (100 with none). \
                    Companies without a standing evaluation are listed as not_evaluated. Nothing is saved: 'prop ranking publish' \
                    freezes the list.
                    """,
                arguments: [Self.quarterArgument(), scopeArgument],
                examples: ["prop ranking quarter=2026Q3", "prop ranking quarter=2026Q3 scope=JD01"]
            ) { invocation in
                let arguments = invocation.arguments
                let quarter = try Self.quarter(arguments)!
                let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: invocation.database)
                let ranking = try await RankingStore.compute(
                    quarter: quarter, scopePath: scope?.path, formula: formula, now: invocation.now, timeZone: invocation.timeZone,
                    in: invocation.database
                )
                return reply(
                    ranking, quarter: quarter, scope: scope, published: nil,
                    summary: "\(quarter) \(scope.map { "in \($0.code)" } ?? "all companies"), as of now (not published): \(ranking.counts)"
                )
            },
            CommandSpec(
                "ranking publish", synopsis: "Publish and freeze a quarter's red/black list",
                help: """
                    The quarter must be over. The list is computed as 'prop ranking' shows it and stored with every figure behind \
                    each score; later evaluations, complaints or checklist changes do not change it, and it cannot be published twice.
                    """,
                arguments: [Self.quarterArgument(), scopeArgument],
                mutates: true,
                examples: ["prop ranking publish quarter=2026Q3 scope=JD01"]
            ) { invocation in
                let arguments = invocation.arguments
                let session = invocation.database
                let quarter = try Self.quarter(arguments)!
                guard invocation.today >= quarter.nextFirstDay else {
                    throw WorkbenchError.ruleRefused(
                        PropertyErrorCode.rankingQuarterNotOver,
                        "\(quarter) runs until \(quarter.nextFirstDay) (exclusive); publish its list once it is over"
                    )
                }
                let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
                let ranking = try await RankingStore.compute(
                    quarter: quarter, scopePath: scope?.path, formula: formula, now: invocation.now, timeZone: invocation.timeZone, in: session
                )
                guard ranking.entries.contains(where: { $0.list != .notEvaluated }) else {
                    throw WorkbenchError.ruleRefused(
                        PropertyErrorCode.rankingNothingEvaluated,
                        "no company\(scope.map { " in \($0.code)" } ?? "") has an evaluation for \(quarter); record them with 'prop eval record'"
                    )
                }
                let id = try await RankingStore.publish(
                    ranking, quarter: quarter, scopeID: scope?.id, formula: formula, at: invocation.now, by: invocation.caller.userName, in: session
                )
                return .created(id: id, "\(quarter) red/black list \(scope.map { "for \($0.code) " } ?? "")published: \(ranking.counts)")
            },
            CommandSpec(
                "ranking show", synopsis: "Show a published red/black list as it was frozen, with each company's score breakdown",
                arguments: [Self.quarterArgument(), scopeArgument],
                examples: ["prop ranking show quarter=2026Q3 scope=JD01"]
            ) { invocation in
                let arguments = invocation.arguments
                let session = invocation.database
                let quarter = try Self.quarter(arguments)!
                let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
                guard let published = try await RankingStore.published(quarter: quarter, scopeID: scope?.id, in: session) else {
                    throw WorkbenchError(
                        status: .notFound, code: PropertyErrorCode.rankingNotPublished,
                        message:
                            "no list of \(quarter)\(scope.map { " for \($0.code)" } ?? "") is published; 'prop ranking quarter=\(quarter)' "
                            + "computes it, "
                            + "'prop ranking publish' freezes it",
                        argument: "quarter"
                    )
                }
                let encoder = ReplyEncoder(timeZone: invocation.timeZone)
                return reply(
                    published.ranking, quarter: quarter, scope: scope, published: published,
                    summary:
                        "\(quarter) \(scope.map { "in \($0.code)" } ?? "all companies"), published "
                        + "\(encoder.textValue(.timestamp(published.publishedAt))) "
                        + "by \(published.publishedBy): \(published.ranking.counts); \(published.formula)"
                )
            },
        ]
    }
}
