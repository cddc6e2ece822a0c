import Testing
import WorkbenchPostgres
import WorkbenchTestSupport

@Suite("Migrations against a real server")
struct MigrationRunnerTests {
    static let first = Migration(
        version: 1, name: "create_things", fileName: "0001_create_things.sql",
        sql: "CREATE TABLE sample.things (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);"
    )
    static let second = Migration(
        version: 2, name: "add_note", fileName: "0002_add_note.sql",
        sql: "ALTER TABLE sample.things ADD COLUMN note text;"
    )

    static func module(_ migrations: [Migration]) -> ModuleMigrations {
        ModuleMigrations(module: "sample", directory: "Sources/SampleModule/Migrations", migrations: migrations)
    }

    @Test func appliesPendingInOrderAndRecordsThem() async throws {
        try await TestCluster.withPool { pool, _ in
            let runner = MigrationRunner(pool: pool, logger: TestCluster.logger)
            let before = try await runner.status([Self.module([Self.first, Self.second])])
            #expect(before.map(\.state) == [.pending, .pending])
            let applied = try await runner.migrate([Self.module([Self.second, Self.first])])
            #expect(applied.map(\.version) == [1, 2])
            #expect(try await runner.migrate([Self.module([Self.first, Self.second])]).isEmpty)
            let after = try await runner.status([Self.module([Self.first, Self.second])])
            #expect(after.map(\.state) == [.applied, .applied])
            #expect(after[0].checksum == SHA256.hexDigest(of: Self.first.sql.utf8))
            #expect(after.allSatisfy { $0.appliedAt != nil && $0.executionMilliseconds != nil })
        }
    }

    @Test func twoRunnersAtOnceApplyExactlyOnce() async throws {
        try await TestCluster.withPool(size: 4) { pool, conninfo in
            // A second pool stands in for a second daemon starting at the same moment.
            let otherPool = PostgresPool(
                configuration: PostgresPoolConfiguration(connection: PostgresConnectionSettings(conninfo: conninfo), size: 2),
                logger: TestCluster.logger
            )
            let slow = Migration(
                version: 1, name: "slow", fileName: "0001_slow.sql",
                sql: "SELECT pg_sleep(0.3); CREATE TABLE sample.things (id int);"
            )
            let results = try await withThrowingTaskGroup(of: Int.self) { group in
                for runnerPool in [pool, otherPool] {
                    group.addTask {
                        try await MigrationRunner(pool: runnerPool, logger: TestCluster.logger).migrate([Self.module([slow])]).count
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            await otherPool.shutdown()
            #expect(results.sorted() == [0, 1])
            let recorded = try await pool.withConnection { session in
                try await session.query(PostgresStatement(unnamed: "SELECT count(*) FROM workbench.schema_migrations"))
                    .single().decode(at: 0, as: Int.self)
            }
            #expect(recorded == 1)
        }
    }

    @Test func aFileWhoseCommentsWereCorrectedNamesTheEarlierChecksumAndIsRecordedAgain() async throws {
        try await TestCluster.withPool { pool, _ in
            let runner = MigrationRunner(pool: pool, logger: TestCluster.logger)
            let original = Migration(
                version: 1, name: "create_things", fileName: "0001_create_things.sql", sql: "-- Things (first words).\n" + Self.first.sql)
            try await runner.migrate([Self.module([original])])
            let corrected = Migration(
                version: 1, name: "create_things", fileName: "0001_create_things.sql",
                sql: "-- Things, in better words.\n-- amends \(original.checksum)\n" + Self.first.sql
            )
            #expect(corrected.amends == [original.checksum])
            #expect(try await runner.status([Self.module([corrected])]).map(\.state) == [.applied])
            #expect(try await runner.migrate([Self.module([corrected, Self.second])]).map(\.version) == [2], "nothing runs again")
            let recorded = try await runner.status([Self.module([corrected])])
            #expect(recorded.first?.checksum == corrected.checksum, "the corrected text's checksum is recorded")
            // Naming any other checksum changes nothing: the file is still refused.
            let unrelated = Migration(
                version: 1, name: "create_things", fileName: "0001_create_things.sql",
                sql: "-- amends \(String(repeating: "0", count: 64))\n" + Self.first.sql.replacingOccurrences(of: "name text", with: "title text")
            )
            let error = await #expect(throws: MigrationError.self) { try await runner.migrate([Self.module([unrelated])]) }
            #expect(error?.code == .checksumMismatch)
        }
    }

    @Test func aChangedAppliedMigrationStopsStartUp() async throws {
        try await TestCluster.withPool { pool, _ in
            let runner = MigrationRunner(pool: pool, logger: TestCluster.logger)
            try await runner.migrate([Self.module([Self.first])])
            let edited = Migration(
                version: 1, name: "create_things", fileName: "0001_create_things.sql",
                sql: Self.first.sql.replacingOccurrences(of: "name text", with: "title text")
            )
            let error = await #expect(throws: MigrationError.self) {
                try await runner.migrate([Self.module([edited, Self.second])])
            }
            #expect(error?.code == .checksumMismatch)
            #expect(error?.module == "sample")
            #expect(error?.version == 1)
            #expect(error?.message.contains("Sources/SampleModule/Migrations/0001_create_things.sql") == true)
            // Nothing else was applied.
            let status = try await runner.status([Self.module([edited, Self.second])])
            #expect(status.map(\.state) == [.changed, .pending])
        }
    }

    @Test func aFailingMigrationAppliesNothing() async throws {
        try await TestCluster.withPool { pool, _ in
            let runner = MigrationRunner(pool: pool, logger: TestCluster.logger)
            let broken = Migration(version: 2, name: "broken", fileName: "0002_broken.sql", sql: "ALTER TABLE sample.nope ADD x int;")
            let error = await #expect(throws: MigrationError.self) {
                try await runner.migrate([Self.module([Self.first, broken])])
            }
            #expect(error?.code == .failed)
            #expect(error?.version == 2)
            #expect(error?.underlying?.sqlState == SQLState(rawValue: "42P01"))
            let status = try await runner.status([Self.module([Self.first, broken])])
            #expect(status.map(\.state) == [.pending, .pending])
        }
    }

    @Test func migrationsTheBuildLacksAreRefused() async throws {
        try await TestCluster.withPool { pool, _ in
            let runner = MigrationRunner(pool: pool, logger: TestCluster.logger)
            try await runner.migrate([Self.module([Self.first, Self.second])])
            let error = await #expect(throws: MigrationError.self) { try await runner.migrate([Self.module([Self.first])]) }
            #expect(error?.code == .unknownApplied)
            let status = try await runner.status([Self.module([Self.first])])
            #expect(status.map(\.state) == [.applied, .unknown])
        }
    }

    @Test func duplicateVersionsAreRefusedBeforeTouchingTheDatabase() async throws {
        try await TestCluster.withPool { pool, _ in
            let duplicate = Migration(version: 1, name: "other", fileName: "0001_other.sql", sql: "SELECT 1;")
            let error = await #expect(throws: MigrationError.self) {
                try await MigrationRunner(pool: pool, logger: TestCluster.logger).migrate([Self.module([Self.first, duplicate])])
            }
            #expect(error?.code == .invalidSet)
        }
    }
}
