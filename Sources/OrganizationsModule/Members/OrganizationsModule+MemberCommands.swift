import Foundation
import WorkbenchKit
import WorkbenchPostgres

extension OrganizationsModule {
    var memberCommands: [CommandSpec] {
        [memberAddCommand, memberImportCommand, memberShowCommand, memberListCommand, memberTransferCommand, memberLeaveCommand]
    }

    /// What `member add` (and each row of `member import`) asks for, checked.
    static func memberDraft(_ arguments: Arguments) throws -> MemberStore.Draft {
        MemberStore.Draft(
            name: try arguments.string("name"), phone: try Self.phone(arguments),
            status: try arguments.enumeration("status", as: MemberStatus.self), joinedOn: try arguments.date("joined_on"),
            unit: UnitReference(try arguments.string("unit")), workUnit: arguments.optionalString("work_unit"),
            residence: arguments.optionalString("residence").map(UnitReference.init), isMobile: try arguments.bool("mobile")
        )
    }

    private var memberImportCommand: CommandSpec {
        let add = memberAddCommand
        return RegisterImportCommand.make(
            module: Self.alias, "member import", noun: "members", add: add,
            matching: """
                A member is matched by name, organisation and the day they joined: a current member matched is left as they \
                are (a re-import changes nothing), or with update=true brought in line with the file (phone, status, work_unit, \
                residence, mobile). Export the list as an admin, whose list shows phones whole. Up to 500,000 rows, written in \
                batches inside one transaction.
                """,
            ignoring: ["id", "left_on"], example: "org member import dry_run=true"
        ) { _, update in MemberImport(add: add, update: update) }
    }

    private var memberAddCommand: CommandSpec {
        CommandSpec(
            "member add", synopsis: "Add a Party member to an organisation",
            arguments: [
                .required("name", .string(maxLength: 50), help: "Full name", label: "姓名"),
                Self.unitArgument("unit", help: "The organisation (branch) the member belongs to", label: "所在党组织"),
                .optional(
                    "status", .enumeration(MemberStatus.allCases.map(\.rawValue)), default: "formal", help: "formal (正式) or probationary (预备)"),
                .optional("joined_on", .pastDate, default: "today", help: "Date the member joined the Party", label: "入党日期"),
                .optional("phone", .string(maxLength: 20), help: "Phone", label: "电话"),
                .optional("work_unit", .string(maxLength: 100), help: "In-service unit (在职单位), for in-service members"),
                Self.unitArgument("residence", required: false, help: "The community where the member lives", label: "居住社区"),
                .optional("mobile", .bool, default: "false", help: "A mobile member (流动党员)"),
            ],
            mutates: true,
            examples: ["org member add name=王芳 unit=WG0101 phone=13812341234 joined_on=2015-07-01 residence=SQ01"]
        ) { invocation in
            let member = try await MemberStore.add(
                try Self.memberDraft(invocation.arguments),
                in: invocation.database
            )
            return .created(
                id: member.id, "member \(member.label) added to \(member.unitCode)",
                fields: Array(member.fields(for: invocation.caller).dropFirst()))
        }
    }

    private var memberShowCommand: CommandSpec {
        CommandSpec(
            "member show", synopsis: "Show one member with reports and points, and the transfers table (组织关系转接)",
            help: "The phone is shown whole to operators and admins, masked to viewers.",
            arguments: [.required("member", .id, help: "The member's id")]
        ) { invocation in
            let session = invocation.database
            let member = try await MemberStore.find(try invocation.arguments.id("member"), in: session)
            let transfers = try await MemberStore.transfers(of: member.id, in: session)
            let extra = try await session.query(MemberQueries.summary, [member.id]).single()
            var fields = member.fields(for: invocation.caller)
            fields.append(("reports_to", .string(try extra.decode("reports_to", as: String?.self))))
            fields.append(("service_hours", .decimal(try extra.decode("service_hours", as: Decimal.self))))
            fields.append(("points", .int(try extra.decode("points", as: Int64.self))))
            if let leaving = try await ScheduledEndStore.pending(kind: "member", id: member.id, in: session) {
                fields.append(("leaves_on", .date(leaving.effectiveOn)))
            }
            let history = ReplyTable(
                columns: ["on", "from", "to", "reason"],
                rows: transfers.map { [.date($0.on), .string($0.from), .string($0.to), .string($0.reason)] }
            )
            return .document(fields, sections: [("transfers", history)])
        }
    }

    private var memberListCommand: CommandSpec {
        CommandSpec(
            "member list", synopsis: "List members, filtered and paged",
            help: "Phones are masked (138****1234) for roles below admin.",
            arguments: [
                Self.unitArgument("unit", required: false, help: "Only members of exactly this organisation"),
                Self.unitArgument("under", required: false, help: "Only members anywhere in this subtree"),
                Self.unitArgument("residence", required: false, help: "Only members living in this community"),
                .optional("status", .enumeration(MemberStatus.allCases.map(\.rawValue)), help: "Only this status"),
                .optional("mobile", .bool, help: "Only mobile (true) or settled (false) members"),
                .optional("state", .enumeration(["active", "left", "all"]), default: "active", help: "Current members, those who left, or both"),
                .optional("name", .string(maxLength: 50), help: "Only names containing this"),
            ] + Page.arguments(),
            examples: ["org member list under=SQ01 status=probationary"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            var filter = MemberStore.ListFilter(
                status: try arguments.optionalEnumeration("status", as: MemberStatus.self), isMobile: arguments.optionalBool("mobile"),
                state: try arguments.string("state"), nameContains: arguments.optionalString("name")
            )
            filter.unitID = try await Self.optionalUnit(arguments, "unit", in: session)?.id
            filter.underPath = try await Self.optionalUnit(arguments, "under", in: session)?.path
            filter.residenceID = try await Self.optionalUnit(arguments, "residence", in: session)?.id
            let page = try Page(arguments)
            let members = try await MemberStore.list(filter, page: page, in: session)
            return page.reply(
                columns: ["id", "name", "phone", "status", "joined_on", "unit", "work_unit", "residence", "mobile", "left_on"],
                rows: members.map { member in
                    (
                        member.id,
                        [
                            .int(member.id), .string(member.name), member.phone(for: invocation.caller), .string(member.status),
                            .date(member.joinedOn), .string(member.unitCode), .string(member.workUnit), .string(member.residenceCode),
                            .bool(member.isMobile), .date(member.leftOn),
                        ]
                    )
                }
            )
        }
    }

    private var memberTransferCommand: CommandSpec {
        CommandSpec(
            "member transfer", synopsis: "Transfer a member to another organisation (组织关系转接)",
            help: "Moves the member and records the transfer; 'org member show' lists every transfer.",
            arguments: [
                .required("member", .id, help: "The member's id"),
                Self.unitArgument("to", help: "The receiving organisation"),
                .optional("on", .pastDate, default: "today", help: "Date of the transfer (not in the future)"),
                .optional("reason", .string(maxLength: 200), help: "Why"),
            ],
            mutates: true
        ) { invocation in
            let arguments = invocation.arguments
            let (member, target) = try await MemberStore.transfer(
                try arguments.id("member"), to: UnitReference(try arguments.string("to")), on: try arguments.date("on"),
                reason: arguments.optionalString("reason"), in: invocation.database
            )
            return .record(
                [("id", .int(member.id)), ("name", .string(member.name)), ("unit", .string(target.code))],
                summary: "transferred to \(target.code)")
        }
    }

    private var memberLeaveCommand: CommandSpec {
        CommandSpec(
            "member leave", synopsis: "Record that a member left the rolls",
            help: """
                Takes the member off the rolls on on= (default today); their own double report (双报到) ends the
                same day. A day after today is recorded ahead: the member stays on the rolls and in every figure
                until that day, when the daemon applies it ('org ending list' shows it, 'org ending cancel'
                withdraws it).
                """,
            arguments: [
                .required("member", .id, help: "The member's id"),
                .required("reason", .enumeration(LeaveReason.allCases.map(\.rawValue)), help: "Why the member left"),
                .optional("on", .date, default: "today", help: "The day the member leaves (a later day is recorded ahead)"),
            ],
            mutates: true,
            examples: ["org member leave member=12 reason=transferred_out on=2026-12-31"]
        ) { invocation in
            let arguments = invocation.arguments
            let outcome = try await MemberStore.leave(
                try arguments.id("member"), try Self.endRequest(invocation), reason: try arguments.enumeration("reason", as: LeaveReason.self),
                in: invocation.database
            )
            switch outcome {
            case .ended(let member):
                return .record(
                    [
                        ("id", .int(member.id)), ("name", .string(member.name)), ("left_on", .date(member.leftOn)),
                        ("reason", .string(member.leaveReason)),
                    ], summary: "left")
            case .recordedAhead(let id, let on):
                return Self.recordedAheadReply(id, on: on, what: "member \(try arguments.id("member")) leaves the rolls")
            }
        }
    }
}
