import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension PropertyModule {
    /// `complaint=`: a complaint by id or code.
    static let complaintArgument = ArgumentSpec.required(
        "complaint", .string(maxLength: 32), help: "The complaint (id or code PC-2026-000123)", label: "投诉"
    )

    var complaintCommands: [CommandSpec] {
        [fileComplaintCommand, showComplaintCommand, listComplaintsCommand, overdueComplaintsCommand] + complaintActionCommands
    }

    private var fileComplaintCommand: CommandSpec {
        let workflow = workflow
        let rules = ComplaintSeverity.allCases.map { "\($0.rawValue) \(settings.deadline($0))" }.joined(separator: ", ")
        return CommandSpec(
            "complaint file", synopsis: "File a resident's complaint about a complex's property service (\"2310\" clock starts)",
            help: """
                The deadline is counted from filing on the working calendar: \(rules). The complaint is held against the company \
                serving the complex that day. Subjects: \(settings.complaintSubjects.joined(separator: ", ")). at= records a \
                complaint received earlier (by phone, on paper); it cannot lie in the future.
                """,
            arguments: [
                Self.complexArgument,
                .required("severity", .enumeration(ComplaintSeverity.allCases.map(\.rawValue)), help: "ordinary, important or major", label: "等级"),
                .required("subject", .string(maxLength: 20), help: "What it is about", label: "类别"),
                .required("description", .text(maxLength: 2000), help: "The complaint", label: "内容"),
                .optional("complainant", .string(maxLength: 50), help: "The resident's name", label: "投诉人"),
                .optional("phone", .string(maxLength: 20), help: "The resident's phone", label: "电话"),
                .optional("at", .datetime, help: "When it was received (default now)"),
            ],
            mutates: true,
            examples: ["prop complaint file complex=XQ01 severity=ordinary subject=电梯 description=\"3号楼电梯停运\" complainant=刘女士 phone=13900000002"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let at = arguments.optionalDatetime("at") ?? invocation.now
            guard at <= invocation.now else {
                throw WorkbenchError.invalidArgument(
                    "at", code: PropertyErrorCode.complaintFiledInFuture, "a complaint cannot be received in the future")
            }
            let complex = try await ComplexStore.find(
                try arguments.string("complex"), on: CalendarDate(containing: at, in: invocation.timeZone), in: session
            )
            let filed = try await workflow.file(
                ComplaintWorkflow.Filing(
                    complex: complex, severity: try arguments.enumeration("severity", as: ComplaintSeverity.self),
                    subject: try arguments.string("subject"),
                    description: try arguments.string("description"), complainant: arguments.optionalString("complainant"),
                    phone: try arguments.optionalString("phone").map { try OrganizationDirectory.phone($0, argument: "phone") }
                ),
                at: at, by: invocation.caller.userName, in: session
            )
            return .created(
                id: filed.id,
                "complaint \(filed.code) filed against \(complex.companyName ?? ""), due "
                    + "\(DeadlineText.describe(due: filed.dueAt, now: invocation.now))",
                fields: [("code", .string(filed.code)), ("rule", .string(filed.deadline.description)), ("due_at", .timestamp(filed.dueAt))]
            )
        }
    }

    private var showComplaintCommand: CommandSpec {
        CommandSpec(
            "complaint show", synopsis: "Show a complaint with its deadline and timeline",
            help: "The complainant's name and phone are masked below the admin role.",
            arguments: [Self.complaintArgument]
        ) { invocation in
            let session = invocation.database
            let complaint = try await ComplaintWorkflow.find(try invocation.arguments.string("complaint"), in: session)
            let events = try await session.query(ComplaintQueries.timeline, [complaint.id])
            let timeline: [[ReplyValue]] = try events.map { event in
                let from: String? = try event.decode("from_status")
                let to: String? = try event.decode("to_status")
                let moved = to != nil && from != to
                return [
                    .timestamp(try event.decode("at", as: Date.self)), .string(try event.decode("kind", as: String.self)),
                    .string(try event.decode("actor", as: String.self)), .string(moved ? from : nil), .string(moved ? to : nil),
                    .string(try event.decode("note", as: String?.self)),
                ]
            }
            return .document(
                complaint.fields(now: invocation.now, unmasked: invocation.caller.may(.admin)),
                sections: [("timeline", ReplyTable(columns: ["at", "kind", "actor", "from_status", "to_status", "note"], rows: timeline))],
                summary: "\(complaint.code) \(complaint.status.rawValue), \(complaint.clock(now: invocation.now)), \(events.count) events"
            )
        }
    }

    private static func complaintRows(_ rows: PostgresRows, now: Date) throws -> [(key: Int64, values: [ReplyValue])] {
        try rows.map { row in
            let complaint = try Complaint(row: row)
            return (
                complaint.id,
                [
                    .int(complaint.id), .string(complaint.code), .string(complaint.complexCode), .string(complaint.companyName),
                    .string(complaint.severity.rawValue), .string(complaint.subject), .string(complaint.status.rawValue),
                    .timestamp(complaint.filedAt),
                    .timestamp(complaint.dueAt), .string(complaint.clock(now: now)),
                ]
            )
        }
    }

    private static let complaintColumns = ["id", "code", "complex", "company", "severity", "subject", "status", "filed_at", "due_at", "clock"]

    private var listComplaintsCommand: CommandSpec {
        CommandSpec(
            "complaint list", synopsis: "List complaints, filtered and paged",
            arguments: [
                .optional("status", .enumeration(ComplaintStatus.allCases.map(\.rawValue)), help: "Only this status"),
                .optional("severity", .enumeration(ComplaintSeverity.allCases.map(\.rawValue)), help: "Only this severity"),
                .optional("subject", .string(maxLength: 20), help: "Only this subject"),
                .optional("complex", .string(maxLength: 32), help: "Only this complex (id or code)"),
                Self.companyArgument(required: false, help: "Only complaints against this company"),
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only complaints in communities of this subtree"),
                .optional("overdue", .bool, default: "false", help: "Only open complaints past their deadline"),
            ] + Page.arguments(),
            examples: ["prop complaint list complex=XQ01 status=filed", "prop complaint list scope=JD01 severity=major"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let complex = try await arguments.optionalString("complex").asyncMap {
                try await ComplexStore.find($0, on: invocation.today, in: session)
            }
            let company = try await Self.optionalCompany(arguments, in: session)
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let page = try Page(arguments)
            let rows = try await session.query(
                ComplaintQueries.list,
                [
                    page.afterKey, arguments.optionalString("status"), arguments.optionalString("severity"), arguments.optionalString("subject"),
                    complex?.id, company?.id, scope?.path, try arguments.bool("overdue"), invocation.now, page.fetchLimit,
                ]
            )
            return page.reply(columns: Self.complaintColumns, rows: try Self.complaintRows(rows, now: invocation.now))
        }
    }

    private var overdueComplaintsCommand: CommandSpec {
        CommandSpec(
            "complaint overdue", synopsis: "List open complaints past their \"2310\" deadline",
            arguments: [
                .optional("severity", .enumeration(ComplaintSeverity.allCases.map(\.rawValue)), help: "Only this severity"),
                Self.companyArgument(required: false, help: "Only complaints against this company"),
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only complaints in communities of this subtree"),
            ] + Page.arguments(),
            examples: ["prop complaint overdue scope=JD01"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let company = try await Self.optionalCompany(arguments, in: session)
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let page = try Page(arguments)
            let rows = try await session.query(
                ComplaintQueries.overdue,
                [page.afterKey, invocation.now, arguments.optionalString("severity"), company?.id, scope?.path, page.fetchLimit]
            )
            return page.reply(columns: Self.complaintColumns, rows: try Self.complaintRows(rows, now: invocation.now))
        }
    }

    /// One command per ``ComplaintAction``.
    private var complaintActionCommands: [CommandSpec] {
        let workflow = workflow
        func command(
            _ action: ComplaintAction, _ synopsis: String, extra: [ArgumentSpec] = [], note: ArgumentSpec? = nil, example: String
        ) -> CommandSpec {
            CommandSpec(
                "complaint \(action.rawValue)", synopsis: synopsis,
                arguments: [Self.complaintArgument] + extra + [
                    note ?? .optional("note", .text(maxLength: 2000), help: "A note for the history", label: "备注")
                ],
                mutates: true, examples: [example]
            ) { invocation in
                let arguments = invocation.arguments
                let updated = try await workflow.perform(
                    action, on: try arguments.string("complaint"), note: arguments.optionalString("note") ?? arguments.optionalString("reason"),
                    verdict: arguments.optionalString("verdict"), at: invocation.now, by: invocation.caller.userName, in: invocation.database
                )
                return .record(
                    updated.fields(now: invocation.now, unmasked: invocation.caller.may(.admin)),
                    summary: "\(updated.code) \(updated.status.rawValue), \(updated.clock(now: invocation.now))"
                )
            }
        }
        return [
            command(.ack, "Acknowledge a filed complaint (响应); its clock keeps running", example: "prop complaint ack complaint=PC-2026-000001"),
            command(
                .resolve, "Record that a complaint was handled (办结); the clock stops, on time or late",
                note: .required("note", .text(maxLength: 2000), help: "What was done", label: "处理结果"),
                example: "prop complaint resolve complaint=PC-2026-000001 note=\"电梯已修复\""
            ),
            command(
                .close, "Close a resolved complaint on the resident's satisfied verdict (回访满意)",
                extra: [
                    .optional(
                        "verdict", .enumeration(["satisfied", "basically_satisfied"]), default: "satisfied", help: "satisfied or basically_satisfied")
                ],
                example: "prop complaint close complaint=PC-2026-000001 verdict=satisfied"
            ),
            command(
                .reopen, "Reopen a resolved complaint on an unsatisfied verdict (回访不满意); the deadline stays the one from filing",
                note: .required("reason", .text(maxLength: 2000), help: "What the resident is unsatisfied with", label: "不满意原因"),
                example: "prop complaint reopen complaint=PC-2026-000001 reason=\"电梯再次停运\""
            ),
        ]
    }
}
