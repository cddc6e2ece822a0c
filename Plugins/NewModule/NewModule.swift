import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-module <id> [--alias a] [--title t]`
///
/// Scaffolds a working module: `Sources/<Name>Module/` with the module type, a first
/// migration (a table in the module's schema) and two commands (`add`, `list`), and
/// `Tests/<Name>ModuleTests/` with a test against the suite's PostgreSQL cluster. It then
/// prints the lines to add to `Package.swift` and to the daemon's module catalog. Existing
/// files are never overwritten.
@main
struct NewModule: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let alias = extractor.extractOption(named: "alias").last
        let title = extractor.extractOption(named: "title").last
        guard let id = extractor.remainingArguments.first,
            id.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil
        else {
            Diagnostics.error(
                "usage: swift package --allow-writing-to-package-directory new-module <id> [--alias <alias>] [--title <title>]; the id is lowercase letters, digits and _"
            )
            return
        }
        let name = id.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Module"
        let root = context.package.directoryURL
        let files: [(String, String)] = [
            ("Sources/\(name)/\(name).swift", moduleSource(id: id, name: name, alias: alias ?? String(id.prefix(4)), title: title ?? id)),
            ("Sources/\(name)/Migrations/0001_create_items.sql", migration(id: id)),
            ("Tests/\(name)Tests/\(name)Tests.swift", testSource(id: id, name: name)),
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
        print(
            """

            Next:
            1. In Package.swift, add the targets:
                   .target(
                       name: "\(name)",
                       dependencies: ["WorkbenchKit", "WorkbenchPostgres"],
                       exclude: ["Migrations"],
                       swiftSettings: strictSettings,
                       plugins: ["EmbedMigrations"]
                   ),
                   .testTarget(name: "\(name)Tests", dependencies: ["\(name)", "WorkbenchTestSupport"], swiftSettings: strictSettings),
               and "\(name)" to the dependencies of the WorkbenchDaemon target.
            2. Add \(name).self to ModuleCatalog.all in Sources/WorkbenchDaemon/Catalog/ModuleCatalog.swift.
            3. Replace the example table and commands with the module's own; run `deploy/dev test`.
            """
        )
    }

    func moduleSource(id: String, name: String, alias: String, title: String) -> String {
        """
        import Foundation
        public import WorkbenchKit
        public import WorkbenchPostgres

        /// \(title): replace this with the module's overview — what it models, its commands,
        /// the rules it enforces and where they come from.
        public struct \(name): WorkbenchModule {
            public static let id = "\(id)"
            public static let alias = "\(alias)"
            public static let title = "\(title)"
            public static var migrations: [Migration] { EmbeddedMigrations.all }

            public init(context: ModuleContext) async throws {}

            enum Queries {
                static let add = PostgresStatement(
                    "\(id).item.add", "INSERT INTO \(id).items (name) VALUES ($1) RETURNING id"
                )
                static let list = PostgresStatement(
                    "\(id).item.list", "SELECT id, name, created_at FROM \(id).items ORDER BY id LIMIT $1"
                )
            }

            public var commands: [CommandSpec] {
                [
                    CommandSpec(
                        "item add", synopsis: "Add an item",
                        arguments: [.required("name", .string(maxLength: 100), help: "The item's unique name")],
                        mutates: true
                    ) { invocation in
                        let id: Int64 = try await invocation.database.query(
                            Queries.add, [invocation.arguments.string("name")]
                        ).single().decode("id")
                        return .created(id: id, "item \\(id) added")
                    },
                    CommandSpec(
                        "item list", synopsis: "List items",
                        arguments: [.optional("limit", .int(1...1000), default: "100", help: "At most this many")]
                    ) { invocation in
                        let rows = try await invocation.database.query(Queries.list, [invocation.arguments.int("limit")])
                        return .table(
                            columns: ["id", "name", "created_at"],
                            rows: try rows.map { row in
                                [.int(try row.decode("id", as: Int64.self)), .string(try row.decode("name", as: String.self)),
                                 .timestamp(try row.decode("created_at", as: Date.self))]
                            }
                        )
                    },
                ]
            }

            public var constraintErrors: [String: WorkbenchError] {
                ["items_name_key": .conflict("\(id).item.duplicate", "an item with this name exists; choose another name")]
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

        """
    }

    func testSource(id: String, name: String) -> String {
        """
        import Testing
        import WorkbenchPostgres
        import WorkbenchTestSupport
        @testable import \(name)

        @Suite("\(id) against a real database")
        struct \(name)Tests {
            @Test func migrationsApply() async throws {
                try await TestCluster.withPool { pool, _ in
                    let applied = try await MigrationRunner(pool: pool, logger: TestCluster.logger).migrate([\(name).moduleMigrations])
                    #expect(applied.count == \(name).migrations.count)
                    let exists = try await pool.withConnection { session in
                        try await session.query(PostgresStatement(unnamed: "SELECT to_regclass('\(id).items') IS NOT NULL"))
                            .single().decode(at: 0, as: Bool.self)
                    }
                    #expect(exists)
                }
            }
        }

        """
    }
}
