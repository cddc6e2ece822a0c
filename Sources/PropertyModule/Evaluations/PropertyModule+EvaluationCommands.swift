import Foundation
import WorkbenchKit
import WorkbenchPostgres

extension PropertyModule {
    /// `quarter=`: a quarter written `2026Q3`.
    static func quarterArgument(required: Bool = true, help: String = "The quarter, e.g. 2026Q3") -> ArgumentSpec {
        required
            ? .required("quarter", .string(maxLength: 16), help: help, label: "季度")
            : .optional("quarter", .string(maxLength: 16), help: help, label: "季度")
    }

    /// The quarter `quarter=` names, or a 400 saying how to write one.
    static func quarter(_ arguments: Arguments) throws -> Quarter? {
        guard let text = arguments.optionalString("quarter") else { return nil }
        guard let quarter = Quarter(text) else {
            if Quarter.isWritten(text) {
                throw WorkbenchError.invalidArgument(
                    "quarter", code: PropertyErrorCode.quarterOutOfRange,
                    "quarter=\(text) is out of range: quarters run from \(Quarter.years.lowerBound)Q1 to \(Quarter.years.upperBound)Q4"
                )
            }
            throw WorkbenchError.invalidArgument(
                "quarter", code: PropertyErrorCode.quarterInvalid, "'\(text)' is not a quarter; write the year, Q and 1-4, e.g. 2026Q3"
            )
        }
        return quarter
    }

    var evaluationCommands: [CommandSpec] {
        [recordEvaluationCommand, showEvaluationCommand, listEvaluationsCommand]
    }

    private var recordEvaluationCommand: CommandSpec {
        let checklist = settings.checklist
        let formula = settings.ranking
        return CommandSpec(
            "eval record", synopsis: "Record a company's quarterly evaluation against the checklist (正面清单/负面清单)",
            help: """
                met= lists the positive items met (or all, with except= for the ones missed); violated= the negative items \
                violated. Every other positive item counts as not met and every other negative item as clear. The evaluation \
                pins checklist \
                \(checklist.version): positive \(checklist.items(.positive).map { "\($0.code) \($0.weight)" }.joined(separator: ", ")); \
                negative \(checklist.items(.negative).map { "\($0.code) −\($0.weight)" }.joined(separator: ", ")). The complaint \
                figures are not typed in: they come from the quarter's complaints. A company has one standing evaluation per \
                quarter; revise=true supersedes it (a published list keeps what it used). \(formula)
                """,
            arguments: [
                Self.companyArgument(), Self.quarterArgument(),
                .required(
                    "met", .text(maxLength: 1000), help: "Positive items met: codes separated by commas (any case), all, or none", label: "正面清单"),
                .optional("except", .text(maxLength: 1000), help: "With met=all: the positive items not met"),
                .optional("violated", .text(maxLength: 1000), help: "Negative items violated, separated by commas", label: "负面清单"),
                .optional("evidence", .text(maxLength: 8000), help: "Evidence by item: 'P01: 台账齐全; N02: 8月电梯困人'", label: "佐证"),
                .optional("note", .text(maxLength: 2000), help: "A general note"),
                .optional("revise", .bool, default: "false", help: "Supersede the quarter's standing evaluation"),
            ],
            mutates: true,
            examples: ["prop eval record company=91350100M000100Y43 quarter=2026Q3 met=all except=P13 violated=N05 evidence=\"N05: 8月群体投诉电梯问题\""]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let quarter = try Self.quarter(arguments)!
            guard quarter.firstDay <= invocation.today else {
                throw WorkbenchError.ruleRefused(
                    PropertyErrorCode.evaluationQuarterNotStarted, "\(quarter) has not started; evaluate a quarter once it is under way or over")
            }
            let company = try await CompanyStore.find(try arguments.string("company"), lock: .update, in: session)
            // Item codes are case-insensitive (p01 is P01), like credit codes; all and none are words.
            let codes = { (text: String?) in
                (text ?? "").split(whereSeparator: { $0 == "," || $0 == "，" }).map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
                    .filter { !$0.isEmpty }
            }
            var met = codes(arguments.optionalString("met"))
            if met == ["ALL"] {
                let missed = codes(arguments.optionalString("except"))
                _ = try EvaluationStore.outcomes(checklist: checklist, met: missed, violated: [], evidence: [:], metArgument: "except")
                met = checklist.items(.positive).map(\.code).filter { !missed.contains($0) }
            } else if arguments.wasGiven("except") {
                throw WorkbenchError.invalidArgument("except", code: PropertyErrorCode.evaluationExceptWithoutAll, "except= goes with met=all")
            } else if met == ["NONE"] {
                // A company that met no positive item is evaluated too: it scores none of them.
                met = []
            }
            let outcomes = try EvaluationStore.outcomes(
                checklist: checklist, met: met, violated: codes(arguments.optionalString("violated")),
                evidence: try EvaluationStore.evidence(arguments.optionalString("evidence"))
            )
            let standing: Int64? = try await session.queryOptionalRow(EvaluationStore.Queries.standing, [company.id, quarter.description])?.decode(
                "id")
            let revise = try arguments.bool("revise")
            if let standing, !revise {
                throw WorkbenchError.conflict(
                    PropertyErrorCode.evaluationExists,
                    "\(company.name) already has evaluation \(standing) for \(quarter); add revise=true to supersede it (see 'prop eval "
                        + "show evaluation=\(standing)')"
                )
            }
            let id: Int64 = try await session.query(EvaluationStore.Queries.nextID).single().decode("id")
            if let standing {
                try await session.execute(EvaluationStore.Queries.supersede, [standing, invocation.now, id])
            }
            try await session.execute(
                EvaluationStore.Queries.insert,
                [
                    id, company.id, quarter.description, checklist.version, invocation.caller.userName, arguments.optionalString("note"),
                    invocation.now,
                ]
            )
            try await session.execute(
                EvaluationStore.Queries.insertItems,
                [
                    id, checklist.version, outcomes.map(\.item.code), outcomes.map(\.item.kind.rawValue), outcomes.map(\.outcome),
                    outcomes.map(\.evidence),
                ]
            )
            let points = outcomes.filter { $0.outcome == "met" }.reduce(Decimal(0)) { $0 + $1.item.weight }
            let deductions = outcomes.filter { $0.outcome == "violated" }.reduce(Decimal(0)) { $0 + $1.item.weight }
            let superseded = standing.map { ", superseding evaluation \($0)" } ?? ""
            return .created(
                id: id,
                "\(quarter) evaluation of \(company.name) recorded: \(points) of \(checklist.positiveTotal) points, −\(deductions)\(superseded)",
                fields: [
                    ("checklist_version", .string(checklist.version)), ("positive_points", .decimal(points)), ("deductions", .decimal(deductions)),
                ]
            )
        }
    }

    private var showEvaluationCommand: CommandSpec {
        let formula = settings.ranking
        return CommandSpec(
            "eval show", synopsis: "Show an evaluation item by item, with the quarter's complaint figures and the score they make",
            help: "Name it by evaluation=<id>, or by company= and quarter= for the standing one.",
            arguments: [
                .optional("evaluation", .id, help: "The evaluation"),
                Self.companyArgument(required: false), Self.quarterArgument(required: false),
            ]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let quarter = try Self.quarter(arguments)
            let company = try await Self.optionalCompany(arguments, in: session)
            guard arguments.optionalID("evaluation") != nil || (company != nil && quarter != nil) else {
                throw WorkbenchError.invalidArgument(
                    "evaluation", code: PropertyErrorCode.evaluationWhich, "give evaluation=<id>, or company= and quarter=")
            }
            guard
                let row = try await session.queryOptionalRow(
                    EvaluationStore.Queries.find, [arguments.optionalID("evaluation"), company?.id, quarter?.description]
                )
            else {
                throw WorkbenchError(
                    status: .notFound, code: PropertyErrorCode.evaluationNotFound,
                    message: "no such evaluation; list them with 'prop eval list quarter=<quarter>'", argument: "evaluation"
                )
            }
            let id: Int64 = try row.decode("id")
            let evaluatedQuarter = Quarter(try row.decode("quarter", as: String.self))!
            let supersededBy: Int64? = try row.decode("superseded_by")
            var score = (positivePoints: Decimal(0), positiveTotal: Decimal(0), deductions: Decimal(0), violations: 0)
            var items: [[ReplyValue]] = []
            for item in try await session.query(EvaluationStore.Queries.items, [id]) {
                let weight: Decimal = try item.decode("weight")
                let outcome: String = try item.decode("outcome")
                let kind: ChecklistItem.Kind = try item.decode("kind")
                if kind == .positive { score.positiveTotal += weight }
                if outcome == "met" { score.positivePoints += weight }
                if outcome == "violated" { (score.deductions, score.violations) = (score.deductions + weight, score.violations + 1) }
                let points = outcome == "met" ? weight : outcome == "violated" ? -weight : 0
                items.append([
                    .string(try item.decode("item_code", as: String.self)), .string(kind.rawValue), .string(outcome), .decimal("\(points)"),
                    .string(try item.decode("title", as: String.self)), .string(try item.decode("evidence", as: String?.self)),
                ])
            }
            let companyID: Int64 = try row.decode("company_id")
            let figures =
                try await ComplaintFigures.load(
                    quarter: evaluatedQuarter, companies: [companyID], scopePath: nil, now: invocation.now, timeZone: invocation.timeZone, in: session
                )[companyID] ?? ComplaintFigures()
            let breakdown = formula.score(
                positivePoints: score.positivePoints, positiveTotal: score.positiveTotal, deductions: score.deductions,
                violations: score.violations, decided: figures.decided, onTime: figures.onTime
            )
            let fields: [(String, ReplyValue)] = [
                ("id", .int(id)), ("company", .string(try row.decode("company_name", as: String.self))),
                ("credit_code", .string(try row.decode("credit_code", as: String.self))), ("quarter", .string(evaluatedQuarter.description)),
                ("checklist_version", .string(try row.decode("checklist_version", as: String.self))),
                ("evaluator", .string(try row.decode("evaluator", as: String.self))),
                ("recorded_at", .timestamp(try row.decode("recorded_at", as: Date.self))),
                ("standing", .bool(supersededBy == nil)), ("superseded_by", supersededBy.map { .int($0) } ?? .null),
                ("note", .string(try row.decode("note", as: String?.self))),
                ("positive_points", .decimal("\(score.positivePoints)")), ("positive_total", .decimal("\(score.positiveTotal)")),
                ("deductions", .decimal("\(score.deductions)")), ("checklist_score", .decimal("\(breakdown.checklistScore)")),
                ("complaints_filed", .int(Int64(figures.filed))), ("complaints_decided", .int(Int64(figures.decided))),
                ("complaints_on_time", .int(Int64(figures.onTime))), ("complaint_score", .decimal("\(breakdown.complaintScore)")),
                ("score", .decimal("\(breakdown.score)")), ("list", .string(breakdown.list.rawValue)),
            ]
            return .document(
                fields,
                sections: [("items", ReplyTable(columns: ["item", "kind", "outcome", "points", "title", "evidence"], rows: items))],
                summary: "evaluation \(id): score \(breakdown.score) (\(breakdown.list.rawValue), as of now)"
            )
        }
    }

    private var listEvaluationsCommand: CommandSpec {
        CommandSpec(
            "eval list", synopsis: "List evaluations, filtered and paged",
            arguments: [
                Self.quarterArgument(required: false, help: "Only this quarter"), Self.companyArgument(required: false),
                .optional("superseded", .bool, default: "false", help: "Include superseded evaluations"),
            ] + Page.arguments(),
            examples: ["prop eval list quarter=2026Q3"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let quarter = try Self.quarter(arguments)
            let company = try await Self.optionalCompany(arguments, in: session)
            let page = try Page(arguments)
            let rows = try await session.query(
                EvaluationStore.Queries.list, [page.afterKey, quarter?.description, company?.id, try arguments.bool("superseded"), page.fetchLimit]
            )
            return page.reply(
                columns: [
                    "id", "company", "credit_code", "quarter", "checklist_version", "positive_points", "deductions", "violated", "evaluator",
                    "recorded_at", "superseded_by",
                ],
                rows: try rows.map { row in
                    let id: Int64 = try row.decode("id")
                    return (
                        id,
                        [
                            .int(id), .string(try row.decode("company_name", as: String.self)),
                            .string(try row.decode("credit_code", as: String.self)),
                            .string(try row.decode("quarter", as: String.self)), .string(try row.decode("checklist_version", as: String.self)),
                            .decimal(try row.decode("positive_points", as: Decimal.self)), .decimal(try row.decode("deductions", as: Decimal.self)),
                            .string(try row.decode("violated", as: String.self)), .string(try row.decode("evaluator", as: String.self)),
                            .timestamp(try row.decode("recorded_at", as: Date.self)),
                            (try row.decode("superseded_by", as: Int64?.self)).map { .int($0) } ?? .null,
                        ]
                    )
                }
            )
        }
    }
}
