import WorkbenchKit
import WorkbenchPostgres

extension OrganizationsModule {
    /// An argument naming an organisation by id or code.
    static func unitArgument(_ name: String, required: Bool = true, help: String, label: String? = nil) -> ArgumentSpec {
        required
            ? .required(name, .string(maxLength: 32), help: help + " (id or code)", label: label)
            : .optional(name, .string(maxLength: 32), help: help + " (id or code)", label: label)
    }

    /// A phone argument checked and normalised, or nil when absent.
    static func phone(_ arguments: Arguments, _ name: String = "phone") throws -> String? {
        guard let text = arguments.optionalString(name) else { return nil }
        guard let phone = PhoneNumber.normalized(text) else {
            throw WorkbenchError.invalidArgument(name, "'\(text)' is not a phone number (e.g. 13812341234 or 021-62561234)")
        }
        return phone
    }

    static let kindNames = OrganizationKind.allCases.map(\.rawValue)

    /// The organisation an optional filter argument names, or nil when it was left out; 403
    /// outside the caller's scope (``UnitStore/findFilter(_:argument:in:)``).
    static func optionalUnit(_ arguments: Arguments, _ name: String, in session: PostgresSession) async throws -> Unit? {
        guard let reference = arguments.optionalString(name) else { return nil }
        return try await UnitStore.findFilter(UnitReference(reference), argument: name, in: session)
    }

    /// 1 January of `date`'s year.
    static func yearStart(of date: CalendarDate) -> CalendarDate {
        CalendarDate(year: date.year, month: 1, day: 1)!
    }

    var unitCommands: [CommandSpec] {
        [
            unitAddCommand, unitImportCommand, unitShowCommand, unitListCommand, unitTreeCommand, unitMoveCommand, unitRenameCommand,
            unitUpdateCommand,
            unitDissolveCommand, unitSearchCommand, unitKindsCommand,
        ]
    }

    /// What `unit add` (and each row of `unit import`) asks for, checked.
    static func unitDraft(_ arguments: Arguments) throws -> UnitStore.Draft {
        let code = try arguments.string("code")
        guard code.range(of: #"^[A-Za-z][A-Za-z0-9._-]{0,31}$"#, options: .regularExpression) != nil else {
            throw WorkbenchError.invalidArgument(
                "code", "'\(code)' is not a code: start with a letter, then letters, digits, '.', '_' or '-' (at most 32)"
            )
        }
        return UnitStore.Draft(
            code: code, name: try arguments.string("name"), kind: try arguments.enumeration("kind", as: OrganizationKind.self),
            subtype: try arguments.optionalEnumeration("subtype", as: RegionalSubtype.self),
            parent: arguments.optionalString("parent").map(UnitReference.init), establishedOn: arguments.optionalDate("established_on"),
            secretary: arguments.optionalString("secretary"), phone: try Self.phone(arguments)
        )
    }

    private var unitAddCommand: CommandSpec {
        CommandSpec(
            "unit add", synopsis: "Add an organisation to the tree",
            help: """
                Adds a Party organisation under parent=. Which kind may sit under which is a fixed rule table
                (see 'org unit kinds'); a city or district may stand at the top without a parent. A regional
                organisation needs subtype=office_building|park|business_district.
                """,
            arguments: [
                .required("code", .string(maxLength: 32), help: "Unique code: a letter, then letters, digits, '.', '_' or '-'", label: "编码"),
                .required("name", .string(maxLength: 100), help: "Full name", label: "名称"),
                .required("kind", .enumeration(Self.kindNames), help: "Kind of organisation", label: "类型"),
                Self.unitArgument("parent", required: false, help: "The organisation it sits under", label: "上级"),
                .optional("subtype", .enumeration(RegionalSubtype.allCases.map(\.rawValue)), help: "For kind=regional: where it sits"),
                .optional("established_on", .pastDate, help: "Date established", label: "成立日期"),
                .optional("secretary", .string(maxLength: 50), help: "The secretary's name", label: "书记"),
                .optional("phone", .string(maxLength: 20), help: "Contact phone", label: "联系电话"),
            ],
            mutates: true,
            examples: [
                "org unit add code=JD01 name=\"长宁路街道党工委\" kind=street parent=QW01",
                "org unit add code=LY01 name=\"来福士广场楼宇党委\" kind=regional subtype=office_building parent=JD01",
            ]
        ) { invocation in
            let unit = try await UnitStore.add(try Self.unitDraft(invocation.arguments), in: invocation.database)
            return .created(id: unit.id, "organisation \(unit.code) added", fields: Array(unit.fields.dropFirst()))
        }
    }

    private var unitImportCommand: CommandSpec {
        let add = unitAddCommand
        return RegisterImportCommand.make(
            module: Self.alias, "unit import", noun: "organisations", add: add,
            matching: """
                A parent may be another row of the same file, in any order. An organisation whose code exists is left as it \
                is (a re-import changes nothing); update=true updates its name, secretary, phone and established_on where \
                they differ.
                """,
            ignoring: ["id", "members", "dissolved_on", "depth", "kind_name", "children"], example: "org unit import dry_run=true"
        ) { _ in UnitRegister(add: add) }
    }

    private var unitShowCommand: CommandSpec {
        CommandSpec(
            "unit show", synopsis: "Show one organisation with its counts",
            arguments: [Self.unitArgument("unit", help: "The organisation")]
        ) { invocation in
            let unit = try await UnitStore.find(UnitReference(try invocation.arguments.string("unit")), argument: "unit", in: invocation.database)
            let counts = try await invocation.database.query(UnitQueries.counts, [unit.id, unit.path]).single()
            var fields =
                unit.fields + [
                    ("children", .int(try counts.decode("children", as: Int64.self))),
                    ("members", .int(try counts.decode("members", as: Int64.self))),
                    ("members_in_subtree", .int(try counts.decode("members_in_subtree", as: Int64.self))),
                ]
            if let dissolution = try await ScheduledEndStore.pending(kind: "unit", id: unit.id, in: invocation.database) {
                fields.append(("dissolves_on", .date(dissolution.effectiveOn)))
            }
            return .record(fields)
        }
    }

    private var unitListCommand: CommandSpec {
        CommandSpec(
            "unit list", synopsis: "List organisations, filtered and paged",
            arguments: [
                Self.unitArgument("parent", required: false, help: "Only direct children of this organisation"),
                Self.unitArgument("under", required: false, help: "Only this organisation's subtree (itself included)"),
                .optional("kind", .enumeration(Self.kindNames), help: "Only this kind"),
                .optional("status", .enumeration(["active", "dissolved", "all"]), default: "active", help: "Which to list"),
            ] + Page.arguments(),
            examples: ["org unit list under=JD01 kind=community", "org unit list kind=grid_branch limit=100 after=250"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            var filter = UnitStore.ListFilter(
                kind: try arguments.optionalEnumeration("kind", as: OrganizationKind.self), status: try arguments.string("status")
            )
            filter.parentID = try await Self.optionalUnit(arguments, "parent", in: session)?.id
            filter.underPath = try await Self.optionalUnit(arguments, "under", in: session)?.path
            let page = try Page(arguments)
            let units = try await UnitStore.list(filter, page: page, in: session)
            return page.reply(
                columns: ["id", "code", "name", "kind", "parent", "members", "established_on", "dissolved_on"],
                rows: units.map { unit, members in
                    (
                        unit.id,
                        [
                            .int(unit.id), .string(unit.code), .string(unit.name), .string(unit.kind.rawValue), .string(unit.parentCode),
                            .int(members), .date(unit.establishedOn), .date(unit.dissolvedOn),
                        ]
                    )
                }
            )
        }
    }

    private var unitTreeCommand: CommandSpec {
        CommandSpec(
            "unit tree", synopsis: "A subtree with member and child counts, parents before children",
            help: """
                The organisation and everything under it as a table, one row per organisation, parents before
                children and siblings by code; depth is the level below the root, parent the parent's code.
                members counts active members in each node's whole subtree; children its direct active child
                organisations. depth=1 shows only the direct children.
                """,
            arguments: [
                Self.unitArgument("unit", help: "The subtree's root"),
                .optional("depth", .int(0...50), help: "Levels below the root to show (default: all)"),
                .optional("dissolved", .bool, default: "false", help: "Also show dissolved organisations"),
            ],
            examples: ["org unit tree unit=JD01 depth=2"]
        ) { invocation in
            let root = try await UnitStore.findFilter(
                UnitReference(try invocation.arguments.string("unit")), argument: "unit", in: invocation.database)
            let tree = try await UnitTree.load(
                root: root, depth: invocation.arguments.optionalInt("depth").map(Int.init),
                includeDissolved: try invocation.arguments.bool("dissolved"), in: invocation.database
            )
            return Reply(body: .table(tree.table), summary: tree.summary)
        }
    }

    private var unitMoveCommand: CommandSpec {
        CommandSpec(
            "unit move", synopsis: "Move an organisation and its whole subtree under another parent",
            help:
                "Re-parents the organisation and everything under it in one transaction. The placement rule table applies; a unit cannot "
                + "move into its own subtree.",
            arguments: [
                Self.unitArgument("unit", help: "The organisation to move"),
                Self.unitArgument("parent", help: "Its new parent"),
            ],
            mutates: true,
            examples: ["org unit move unit=SQ07 parent=JD02"]
        ) { invocation in
            let result = try await UnitStore.move(
                UnitReference(try invocation.arguments.string("unit")), under: UnitReference(try invocation.arguments.string("parent")),
                in: invocation.database
            )
            return .record(
                [
                    ("id", .int(result.unit.id)), ("code", .string(result.unit.code)), ("parent", .string(result.parent.code)),
                    ("path", .string(result.unit.path)), ("units_moved", .int(result.moved)),
                ],
                summary: "\(result.unit.code) moved under \(result.parent.code) with \(result.moved - 1) organisation(s) below it"
            )
        }
    }

    private var unitRenameCommand: CommandSpec {
        CommandSpec(
            "unit rename", synopsis: "Rename an organisation",
            arguments: [Self.unitArgument("unit", help: "The organisation"), .required("name", .string(maxLength: 100), help: "The new name")],
            mutates: true
        ) { invocation in
            let (old, new) = try await UnitStore.rename(
                UnitReference(try invocation.arguments.string("unit")), to: try invocation.arguments.string("name"), in: invocation.database
            )
            return .record(
                [("id", .int(new.id)), ("code", .string(new.code)), ("old_name", .string(old.name)), ("name", .string(new.name))],
                summary: "renamed")
        }
    }

    private var unitUpdateCommand: CommandSpec {
        CommandSpec(
            "unit update", synopsis: "Change an organisation's secretary, phone or establishment date",
            help: "Only the arguments given change; an empty value (secretary=\"\") is refused — use clear=secretary or clear=phone.",
            arguments: [
                Self.unitArgument("unit", help: "The organisation"),
                .optional("secretary", .string(maxLength: 50), help: "The secretary's name"),
                .optional("phone", .string(maxLength: 20), help: "Contact phone"),
                .optional("established_on", .pastDate, help: "Date established"),
                .optional("clear", .enumeration(["secretary", "phone", "established_on"]), help: "Remove this field's value"),
            ],
            mutates: true
        ) { invocation in
            let arguments = invocation.arguments
            let clear = arguments.optionalString("clear")
            guard ["secretary", "phone", "established_on", "clear"].contains(where: arguments.wasGiven) else {
                throw WorkbenchError.invalidArgument("secretary", "nothing to change: give secretary=, phone=, established_on= or clear=")
            }
            if let clear, arguments.wasGiven(clear) {
                throw WorkbenchError.invalidArgument(clear, "\(clear)= and clear=\(clear) contradict each other")
            }
            func change<T>(_ name: String, _ value: T?) -> T?? { clear == name ? .some(nil) : value.map { .some($0) } }
            let unit = try await UnitStore.update(
                UnitReference(try arguments.string("unit")),
                secretary: change("secretary", arguments.optionalString("secretary")),
                phone: change("phone", try Self.phone(arguments)),
                establishedOn: change("established_on", arguments.optionalDate("established_on")),
                in: invocation.database
            )
            return .record(unit.fields, summary: "updated")
        }
    }

    private var unitDissolveCommand: CommandSpec {
        CommandSpec(
            "unit dissolve", synopsis: "Dissolve an organisation",
            help: """
                Marks the organisation dissolved (撤销) on on= (default today). Refused while active child
                organisations or members remain, unless cascade=true (admins only): then the whole subtree is
                dissolved and its active members transfer to the dissolved unit's parent, each with a transfer record.
                What hangs on it ends the same day: double reports to it or by it, seats on its committee or held
                for it, co-building pairs on either side. A day after today is recorded ahead: nothing changes
                until that day, when the daemon applies these rules ('org ending list' shows one that is held).
                """,
            arguments: [
                Self.unitArgument("unit", help: "The organisation"),
                .optional("on", .date, default: "today", help: "Date of dissolution (a later day is recorded ahead)"),
                .optional("cascade", .bool, default: "false", help: "Dissolve the subtree too and move its members up (admin)"),
            ],
            mutates: true
        ) { invocation in
            let cascade = try invocation.arguments.bool("cascade")
            if cascade && !invocation.caller.may(.admin) {
                throw WorkbenchError.forbidden("cascade=true dissolves a whole subtree and needs the admin role")
            }
            let outcome = try await UnitStore.dissolve(
                UnitReference(try invocation.arguments.string("unit")), try Self.endRequest(invocation), cascade: cascade,
                in: invocation.database
            )
            switch outcome {
            case .recordedAhead(let id, let on):
                return Self.recordedAheadReply(id, on: on, what: "\(try invocation.arguments.string("unit")) is dissolved")
            case .ended(let result):
                return .record(
                    [
                        ("id", .int(result.unit.id)), ("code", .string(result.unit.code)), ("dissolved_on", .date(result.unit.dissolvedOn)),
                        ("units_dissolved", .int(result.unitsDissolved)), ("members_transferred", .int(result.membersTransferred)),
                        ("members_to", .string(result.membersReceiver?.code)),
                    ],
                    summary: "\(result.unit.code) dissolved"
                )
            }
        }
    }

    private var unitSearchCommand: CommandSpec {
        CommandSpec(
            "unit search", synopsis: "Find organisations by code or any part of the name",
            arguments: [
                .required("q", .string(maxLength: 50), help: "A code prefix or any part of the name", label: "关键词"),
                .optional("kind", .enumeration(Self.kindNames), help: "Only this kind"),
                .optional("dissolved", .bool, default: "false", help: "Include dissolved organisations"),
                .optional("limit", .int(1...200), default: "20", help: "At most this many"),
            ],
            examples: ["org unit search q=长宁", "org unit search q=SQ0 kind=community"]
        ) { invocation in
            let arguments = invocation.arguments
            let units = try await UnitStore.search(
                try arguments.string("q"), kind: try arguments.optionalEnumeration("kind", as: OrganizationKind.self),
                includeDissolved: try arguments.bool("dissolved"), limit: Int(try arguments.int("limit")), in: invocation.database
            )
            return .table(
                columns: ["id", "code", "name", "kind", "parent", "dissolved_on"],
                rows: units.map {
                    [.int($0.id), .string($0.code), .string($0.name), .string($0.kind.rawValue), .string($0.parentCode), .date($0.dissolvedOn)]
                }
            )
        }
    }

    private var unitKindsCommand: CommandSpec {
        CommandSpec("unit kinds", synopsis: "List the kinds of organisation and which may sit under which") { _ in
            .table(
                columns: ["kind", "name", "top_level", "may_contain"],
                rows: OrganizationKind.allCases.map { kind in
                    [
                        .string(kind.rawValue), .string(kind.chineseName), .bool(OrganizationKind.roots.contains(kind)),
                        .string(OrganizationKind.allowedChildren[kind, default: []].sorted().map(\.rawValue).joined(separator: ",")),
                    ]
                }
            )
        }
    }
}
