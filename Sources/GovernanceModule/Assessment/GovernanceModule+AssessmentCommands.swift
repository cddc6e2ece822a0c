import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension GovernanceModule {
    /// `assessment=`: an assessment by id.
    static let assessmentArgument = ArgumentSpec.required("assessment", .id, help: "The assessment (id)", label: "考核")

    var assessmentCommands: [CommandSpec] {
        [openAssessmentCommand, scoreCommand, reviewCommand, showAssessmentCommand, listAssessmentsCommand, publishCommand]
    }

    private var openAssessmentCommand: CommandSpec {
        CommandSpec(
            "assessment open", synopsis: "Open a year's assessment (考核) of an organisation by its assessor",
            help: """
                A secretary's organisation (a street, a community…) is assessed by the organisation above it (by= defaults to \
                it), and publishes with its 述职评议. A unit stationed in a street (a resident unit sitting in the street's joint \
                meeting body) is assessed by the street (双向考核; by= names the street). The assessment scores by the latest \
                responsibility list for the organisation's kind, whose weights must add up to 100; the evidence is counted \
                whenever it is shown, and fixed when the year is published.
                """,
            arguments: [
                OrganizationDirectory.unitArgument("unit", help: "The organisation assessed", label: "被考核组织"),
                .required("year", .int(2000...2100), help: "The year assessed", label: "年度"),
                OrganizationDirectory.unitArgument("by", required: false, help: "The assessor (default: the organisation above)", label: "考核方"),
            ],
            mutates: true,
            examples: ["gov assessment open unit=C1 year=2026", "gov assessment open unit=R1 year=2026 by=S1"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let unit = try await OrganizationDirectory.activeUnit(try arguments.string("unit"), argument: "unit", in: session)
            let assessor: OrganizationDirectory.Organization
            if let by = arguments.optionalString("by") {
                assessor = try await OrganizationDirectory.activeUnit(by, argument: "by", in: session)
            } else {
                let parentPath = unit.path.split(separator: ".").dropLast()
                guard unit.kind != "resident_unit", let parentID = parentPath.last else {
                    throw WorkbenchError.invalidArgument(
                        "by", code: WorkbenchErrorCode.argumentMissing, "name the assessor with by=<street or community> for \(unit.label)")
                }
                assessor = try await OrganizationDirectory.unit(String(parentID), argument: "by", in: session)
            }
            let year = Int(try arguments.int("year"))
            let id = try await AssessmentStore.open(unit: unit, assessor: assessor, year: year, now: invocation.now, in: session)
            return .created(id: id, "assessment \(id) of \(unit.label) by \(assessor.code) for \(year) opened")
        }
    }

    private var scoreCommand: CommandSpec {
        CommandSpec(
            "assessment score", synopsis: "Give a manual indicator its percentage, with a note",
            arguments: [
                Self.assessmentArgument,
                .required("indicator", .string(maxLength: 20), help: "The indicator's code", label: "指标"),
                .required("percent", .decimal, help: "0 to 100", label: "得分率"),
                .required("note", .string(maxLength: 500), help: "What it is based on", label: "依据"),
            ],
            mutates: true,
            examples: ["gov assessment score assessment=1 indicator=I5 percent=80 note=\"阵地建设达标，台账不全\""]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let percent = try arguments.decimal("percent")
            guard (0...100).contains(percent) else { throw WorkbenchError.invalidArgument("percent", "percent=\(percent) is not from 0 to 100") }
            let assessment = try await AssessmentStore.find(try arguments.id("assessment"), forUpdate: true, in: session)
            let code = try arguments.string("indicator")
            guard let indicator = try await ChecklistStore.indicators(of: assessment.checklistID, in: session).first(where: { $0.code == code })
            else {
                throw WorkbenchError(
                    status: .notFound, code: GovernanceErrorCode.indicatorNotFound,
                    message: "\(assessment.label)'s list has no indicator \(code); see 'gov assessment show assessment=\(assessment.id)'",
                    argument: "indicator")
            }
            try await AssessmentStore.setManual(assessment, indicator: indicator, percent: percent, note: try arguments.string("note"), in: session)
            return .message("\(code) of \(assessment.label): \(percent)%")
        }
    }

    private var reviewCommand: CommandSpec {
        CommandSpec(
            "assessment review", synopsis: "Record the secretary's report and the appraisers' votes (述职评议)",
            help: """
                The votes are counted by grade: good= 好, fairly_good= 较好, average= 一般, poor= 差. The result is the best grade \
                more than half of the votes reach (a vote for 好 reaches 较好 too). Recording again replaces it until the year \
                is published.
                """,
            arguments: [
                Self.assessmentArgument,
                .required("report", .text(maxLength: 4000), help: "The secretary's report on Party-building work", label: "述职报告"),
                .required("good", .int(0...10_000), help: "Votes 好", label: "好"),
                .required("fairly_good", .int(0...10_000), help: "Votes 较好", label: "较好"),
                .required("average", .int(0...10_000), help: "Votes 一般", label: "一般"),
                .required("poor", .int(0...10_000), help: "Votes 差", label: "差"),
            ],
            mutates: true,
            examples: ["gov assessment review assessment=1 report=\"全年召开联席会议4次…\" good=18 fairly_good=5 average=1 poor=0"]
        ) { invocation in
            let arguments = invocation.arguments
            let assessment = try await AssessmentStore.find(try arguments.id("assessment"), forUpdate: true, in: invocation.database)
            let votes = ReviewVotes(
                good: Int(try arguments.int("good")), fairlyGood: Int(try arguments.int("fairly_good")), average: Int(try arguments.int("average")),
                poor: Int(try arguments.int("poor")))
            let result = try await ReviewStore.record(
                assessment, report: try arguments.string("report"), votes: votes, now: invocation.now, in: invocation.database)
            return .record(
                [("assessment", .int(assessment.id)), ("votes", .int(Int64(votes.total))), ("result", .string(result))],
                summary: "述职评议 of \(assessment.label): \(votes.total) votes, result \(result)")
        }
    }

    private var showAssessmentCommand: CommandSpec {
        CommandSpec(
            "assessment show", synopsis: "Show an assessment: each indicator's evidence, percent and score, the total and the 述职评议",
            help: "Before publication the evidence is counted now, up to today; once published, as it was published.",
            arguments: [Self.assessmentArgument],
            examples: ["gov assessment show assessment=1"]
        ) { invocation in
            let session = invocation.database
            let assessment = try await AssessmentStore.find(try invocation.arguments.id("assessment"), in: session)
            let scored = try await AssessmentStore.score(assessment, today: invocation.today, loadedModules: evidenceModules, in: session)
            let total = AssessmentScoring.total(scored.map(\.line))
            var fields = assessment.fields
            if assessment.publishedAt == nil {
                fields += [("provisional_total", .decimal("\(total)")), ("provisional_grade", .string(AssessmentScoring.grade(total)))]
            }
            let rows: [[ReplyValue]] = scored.map {
                [
                    .string($0.indicator.code), .string($0.indicator.title), .decimal("\($0.indicator.weight)"),
                    .string($0.indicator.evidence.rawValue),
                    $0.line.achieved.map(ReplyValue.int) ?? .null, $0.line.counted.map(ReplyValue.int) ?? .null, .decimal("\($0.line.percent)"),
                    .decimal("\($0.line.score)"), .string($0.source),
                ]
            }
            return .document(
                fields,
                sections: [
                    (
                        "indicators",
                        ReplyTable(columns: ["code", "title", "weight", "evidence", "achieved", "counted", "percent", "score", "source"], rows: rows)
                    ),
                    ("review", ReplyTable(columns: ReviewStore.columns, rows: try await ReviewStore.fields(of: assessment.id, in: session))),
                ],
                summary: assessment.label + (assessment.publishedAt == nil ? ", provisional total \(total)" : ", published: \(assessment.total ?? 0)")
            )
        }
    }

    private var listAssessmentsCommand: CommandSpec {
        CommandSpec(
            "assessment list", synopsis: "List assessments by year, assessor and organisation",
            arguments: [
                .optional("year", .int(2000...2100), help: "Only this year"),
                OrganizationDirectory.unitArgument("by", required: false, help: "Only this assessor's"),
                OrganizationDirectory.unitArgument("unit", required: false, help: "Only this organisation's"),
            ],
            examples: ["gov assessment list year=2026 by=S1"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let by = try await OrganizationDirectory.unit("by", of: arguments, in: session)
            let unit = try await OrganizationDirectory.unit("unit", of: arguments, in: session)
            let list = try await AssessmentStore.list(
                year: arguments.optionalInt("year").map(Int.init), assessorID: by?.id, unitID: unit?.id, in: session)
            return .table(columns: Assessment.tableColumns, rows: list.map(\.tableRow), summary: "\(list.count) assessment(s)")
        }
    }

    private var publishCommand: CommandSpec {
        CommandSpec(
            "assessment publish", synopsis: "Publish and freeze an assessor's results for a year; open the breakthrough projects",
            help: """
                Scores every unpublished assessment of the assessor for the year from the evidence as it stands (each \
                secretary's with a 述职评议 recorded), stores the scores, totals and grades (优秀 ≥ 90, 良好 ≥ 80, 一般 ≥ 60, \
                较差 below), and opens each organisation's weakest indicators below full marks as its breakthrough projects \
                (突破项目) for the next year (breakthroughs in the configuration, 2 by default). A published assessment no \
                longer changes: not its votes, its manual scores, its list or its evidence.
                """,
            arguments: [
                .required("year", .int(2000...2100), help: "The year", label: "年度"),
                OrganizationDirectory.unitArgument("by", help: "The assessor", label: "考核方"),
            ],
            mutates: true,
            examples: ["gov assessment publish year=2026 by=S1"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let assessor = try await OrganizationDirectory.unit(try arguments.string("by"), argument: "by", in: session)
            let year = Int(try arguments.int("year"))
            let published = try await AssessmentStore.publish(
                year: year, assessor: assessor, today: invocation.today, now: invocation.now, actor: invocation.caller.userName,
                breakthroughs: settings.breakthroughs, loadedModules: evidenceModules, in: session)
            return .table(
                columns: ["assessment", "unit", "direction", "total", "grade"],
                rows: published.map {
                    [.int($0.0.id), .string($0.0.unitCode), .string($0.0.direction.rawValue), .decimal("\($0.1)"), .string($0.2)]
                },
                summary: "\(published.count) assessment(s) of \(assessor.code) for \(year) published and frozen")
        }
    }
}
