import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-module <id> [--alias a] [--title t]`
///
/// Scaffolds a working module in the shape every module has: `Sources/<Name>Module/` with the
/// module type, its error codes, its statement list, a first migration (a table in the
/// module's schema, its grants and constraint comment) and one area folder `Items/` (commands →
/// store → queries, two commands `item add` and `item list`), and `Tests/<Name>ModuleTests/` with
/// a test through the daemon's own command path against the suite's PostgreSQL cluster. It then
/// adds the module to `Package.swift` (its target, its tests, the daemon's dependencies), to
/// the daemon's module catalog and its error code to docs/error-codes.md, each at its marker
/// line (`// new-module: …`). Existing files are never overwritten; an edit already made is
/// not made twice.
@main
struct NewModule: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let aliasOption = extractor.extractOption(named: "alias").last
        let title = extractor.extractOption(named: "title").last
        let requires = extractor.extractOption(named: "requires").flatMap { $0.split(separator: ",").map(String.init) }
        guard let id = extractor.remainingArguments.first,
            id.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil
        else {
            Diagnostics.error(
                "usage: swift package --allow-writing-to-package-directory new-module <id> [--alias <alias>] [--title <title>] "
                    + "[--requires <id>,<id>]; the id is lowercase letters, digits and _"
            )
            return
        }
        func targetName(_ id: String) -> String { id.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Module" }
        let name = targetName(id)
        guard requires.allSatisfy({ $0.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil }) else {
            Diagnostics.error("--requires takes module ids (organizations,grids), comma-separated")
            return
        }
        let requiredTargets = requires.map(targetName)
        let dependencies = (requiredTargets + ["WorkbenchKit", "WorkbenchPostgres"]).map { "\"\($0)\"" }.joined(separator: ", ")
        let alias = aliasOption ?? String(id.prefix(4))
        let root = context.package.directoryURL
        let files: [(String, String)] = [
            ("Sources/\(name)/\(name).swift", moduleSource(id: id, name: name, alias: alias, title: title ?? id, requires: requires)),
            ("Sources/\(name)/\(name.replacingOccurrences(of: "Module", with: ""))ErrorCode.swift", errorCodeSource(id: id, name: name)),
            ("Sources/\(name)/\(name)+Statements.swift", statementsSource(name: name)),
            ("Sources/\(name)/Items/Item.swift", itemSource(id: id)),
            ("Sources/\(name)/Items/ItemStore.swift", itemStoreSource(id: id)),
            ("Sources/\(name)/Items/\(name)+ItemCommands.swift", itemCommandsSource(id: id, name: name, alias: alias)),
            ("Sources/\(name)/Migrations/0001_create_items.sql", migration(id: id)),
            ("Tests/\(name)Tests/\(name)Tests.swift", testSource(id: id, name: name, alias: alias, requiredTargets: requiredTargets)),
        ]
        for (path, contents) in files {
            let url = root.appending(path: path)
            guard !FileManager.default.fileExists(atPath: url.path) else {
                Diagnostics.warning("\(path) exists; left as it is")
                continue
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url, atomically: true, encoding: .utf8)
            print("created \(path)")
        }
        let errorType = name.replacingOccurrences(of: "Module", with: "") + "ErrorCode"
        let edits: [(path: String, edit: PackageEdit)] = [
            (
                "Package.swift",
                .insert(
                    before: "// new-module: targets",
                    """
                    .target(
                        name: "\(name)",
                        dependencies: [\(dependencies)],
                        exclude: ["Migrations"],
                        swiftSettings: strictSettings,
                        plugins: ["EmbedMigrations"]
                    ),
                    """)
            ),
            ("Package.swift", .insert(before: "// new-module: daemon dependencies", "\"\(name)\",")),
            (
                "Package.swift",
                .insert(
                    before: "// new-module: test targets",
                    """
                    .testTarget(
                        name: "\(name)Tests",
                        dependencies: ["\(name)", \(dependencies), "WorkbenchTestSupport"],
                        swiftSettings: strictSettings
                    ),
                    """)
            ),
            ("Sources/WorkbenchDaemon/Catalog/ModuleCatalog.swift", .insert(before: "// new-module: catalog", "\(name).self,")),
            ("Sources/WorkbenchDaemon/Catalog/ModuleCatalog.swift", .importModule(name)),
            ("docs/error-codes.md", .appendLine("| `\(id).item.duplicate` | \(id) |")),
        ]
        var manual: [String] = []
        for (path, edit) in edits {
            let url = root.appending(path: path)
            guard let text = try? String(contentsOf: url, encoding: .utf8), let changed = edit.apply(to: text) else {
                manual.append("\(path): \(edit.instruction)")
                continue
            }
            if changed != text {
                try changed.write(to: url, atomically: true, encoding: .utf8)
                print("updated \(path)")
            }
        }
        if !manual.isEmpty {
            print("\nNot found where expected; by hand:\n" + manual.map { "- " + $0 }.joined(separator: "\n"))
        }
        print(
            """

            Next: replace the example area (Items/) with the module's own and name each new error code in \(errorType) \
            (docs/error-codes.md lists them: the catalogue test prints the table it expects). Then run `deploy/dev test`.
            """
        )
    }

    func moduleSource(id: String, name: String, alias: String, title: String, requires: [String]) -> String {
        let requirement =
            requires.isEmpty
            ? ""
            : """
                /// The modules initialised first: their tables and types are this one's to use.
                public static let requires = [\(requires.map { "\"\($0)\"" }.joined(separator: ", "))]

            """
        return """
            public import WorkbenchKit
            public import WorkbenchPostgres

            /// \(title): replace this with the module's overview — what it models, its commands by
            /// area, the rules it enforces and where they come from.
            ///
            /// - **Items** (`\(alias) item add|list`): the example area; each area is a folder shaped
            ///   commands → store → queries (`Items/`).
            public struct \(name): WorkbenchModule {
                /// `\(id)`, also the PostgreSQL schema.
                public static let id = "\(id)"
                /// `\(alias)`.
                public static let alias = "\(alias)"
                /// \(title).
                public static let title = "\(title)"
            \(requirement)    /// The module's migrations, embedded from `Migrations/`.
                public static var migrations: [Migration] { EmbeddedMigrations.all }
                /// Every error code the module answers with.
                public static var errorCodes: [String] { \(name.replacingOccurrences(of: "Module", with: ""))ErrorCode.all }

                /// Reads the module's configuration (`modules.\(id)`); none yet.
                public init(context: ModuleContext) async throws {}

                /// Every command, grouped by area.
                public var commands: [CommandSpec] { itemCommands }

                /// Friendly replies for the constraints that need more than their comment says.
                public var constraintErrors: [String: WorkbenchError] {
                    [
                        "items_name_key": .conflict(
                            \(name.replacingOccurrences(of: "Module", with: ""))ErrorCode.itemDuplicate, argument: "name",
                            "an item with this name exists; choose another name or see '\(alias) item list'")
                    ]
                }
            }

            """
    }

    func errorCodeSource(id: String, name: String) -> String {
        let type = name.replacingOccurrences(of: "Module", with: "") + "ErrorCode"
        return """
            /// Every error code the \(id) module answers with, named: a reply's code is stable, so
            /// scripts may depend on it, and ``all`` (the module's `errorCodes`) lets a test check
            /// them against docs/error-codes.md.
            public enum \(type) {
                /// `\(id).item.duplicate`.
                public static let itemDuplicate = "\(id).item.duplicate"

                /// Every code above.
                public static let all = [itemDuplicate]
            }

            """
    }

    func statementsSource(name: String) -> String {
        """
        public import WorkbenchPostgres

        extension \(name) {
            /// Every named statement of the module, for the test that prepares each one against a
            /// migrated database. A statement missing here fails that test, naming it.
            public static var statements: [PostgresStatement] {
                [
                    ItemStore.Queries.add,
                    ItemStore.Queries.list,
                ]
            }
        }

        """
    }

    func itemSource(id: String) -> String {
        """
        import Foundation
        import WorkbenchKit
        import WorkbenchPostgres

        /// An item: replace with the area's own record.
        struct Item: Sendable {
            var id: Int64
            var name: String
            var createdAt: Date

            /// The columns ``init(row:)`` reads.
            static let columns = "id, name, created_at"

            init(row: PostgresRow) throws {
                id = try row.decode("id")
                name = try row.decode("name")
                createdAt = try row.decode("created_at")
            }

            /// The columns of `item list`.
            static let listColumns = ["id", "name", "created_at"]

            /// One row of `item list`.
            var listValues: [ReplyValue] { [.int(id), .string(name), .timestamp(createdAt)] }
        }

        """
    }

    func itemStoreSource(id: String) -> String {
        """
        import WorkbenchKit
        import WorkbenchPostgres

        /// The items' rules and reads: the handlers call these, never SQL.
        enum ItemStore {
            /// Adds an item; a duplicate name is refused by `items_name_key`.
            ///
            /// - Returns: Its id.
            static func add(name: String, in session: PostgresSession) async throws -> Int64 {
                try await session.query(Queries.add, [name]).single().decode("id")
            }

            /// One page of items by id.
            static func list(page: Page, in session: PostgresSession) async throws -> [Item] {
                try await session.query(Queries.list, [page.afterKey, page.fetchLimit]).map(Item.init(row:))
            }

            enum Queries {
                static let add = PostgresStatement("\(id).item.add", "INSERT INTO \(id).items (name) VALUES ($1) RETURNING id")
                static let list = PostgresStatement(
                    "\(id).item.list", "SELECT \\(Item.columns) FROM \(id).items WHERE id > $1 ORDER BY id LIMIT $2"
                )
            }
        }

        """
    }

    func itemCommandsSource(id: String, name: String, alias: String) -> String {
        """
        import WorkbenchKit

        extension \(name) {
            /// The items' commands.
            var itemCommands: [CommandSpec] { [addItemCommand, listItemsCommand] }

            private var addItemCommand: CommandSpec {
                CommandSpec(
                    "item add", synopsis: "Add an item",
                    arguments: [.required("name", .string(maxLength: 100), help: "The item's unique name", label: "名称")],
                    mutates: true,
                    examples: ["\(alias) item add name=示例"]
                ) { invocation in
                    let id = try await ItemStore.add(name: try invocation.arguments.string("name"), in: invocation.database)
                    return .created(id: id, "item \\(id) added")
                }
            }

            private var listItemsCommand: CommandSpec {
                CommandSpec(
                    "item list", synopsis: "List items; paged",
                    arguments: Page.arguments(),
                    examples: ["\(alias) item list"]
                ) { invocation in
                    let page = try Page(invocation.arguments)
                    let items = try await ItemStore.list(page: page, in: invocation.database)
                    return page.reply(columns: Item.listColumns, rows: items.map { ($0.id, $0.listValues) })
                }
            }
        }

        """
    }

    func migration(id: String) -> String {
        """
        -- The first table of the \(id) module. Name every object with its schema.
        CREATE TABLE \(id).items (
            id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name       text        NOT NULL CONSTRAINT items_name_key UNIQUE CONSTRAINT items_name_check CHECK (length(name) BETWEEN 1 AND 100),
            created_at timestamptz NOT NULL DEFAULT now()
        );
        COMMENT ON CONSTRAINT items_name_check ON \(id).items IS 'name: a name has 1 to 100 characters';

        -- Commands run as the runtime role (README, "Database roles"): grant what they need.
        GRANT USAGE ON SCHEMA \(id) TO dangjian_runtime;
        GRANT SELECT, INSERT, UPDATE, DELETE ON \(id).items TO dangjian_runtime;

        -- A table whose rows belong to an organisation (a unit_id referencing organizations.units)
        -- is held to scoped callers' subtrees here too (README, "Scopes"):
        --   SELECT organizations.scope_by_path('\(id).things', 'unit_id');
        -- and a table whose rows belong to another row follows it:
        --   SELECT organizations.scope_by_path_through('\(id).thing_notes', 'thing_id', '\(id).things');
        -- and a BEFORE UPDATE guard added to such a table later (an append-only history) lets the
        -- copy of a moved organisation's path through:
        --   SELECT organizations.let_path_pass_guard('\(id).thing_notes', 'thing_notes_append_only');

        """
    }

    func testSource(id: String, name: String, alias: String, requiredTargets: [String]) -> String {
        let imports = (requiredTargets + ["Testing", "WorkbenchTestSupport"]).sorted().map { "import \($0)\n" }.joined()
        let modules = (requiredTargets + [name]).map { "\($0).self" }.joined(separator: ", ")
        return """
            \(imports)@testable import \(name)

            @Suite("\(id) against a real database")
            struct \(name)Tests {
                @Test func itemsAreAddedOnceAndListed() async throws {
                    try await ModuleHarness.with([\(modules)]) { harness in
                        let id = try await harness.create("\(alias) item add name=示例")
                        let duplicate = await harness.send("\(alias) item add name=示例")
                        #expect(duplicate.status == 409, "\\(duplicate)")
                        #expect(await harness.send("\(alias) item list").column("id") == ["\\(id)"])
                    }
                }
            }

            """
    }
}
