import Foundation
public import Logging

/// Applies modules' migrations: all pending migrations of all
/// modules in one transaction, holding `pg_advisory_xact_lock`, recorded in
/// `workbench.schema_migrations` with their SHA-256 checksums.
///
/// Several daemons may start at once against one database: the advisory lock makes the
/// second wait for the first, after which it finds nothing pending. A migration that fails
/// rolls back everything in the run, so a database is never half-migrated.
///
/// Before running a module's first migration the runner creates the module's schema (named
/// after its id). It does not change `search_path`: migrations name every object with its
/// schema (`organizations.units`), the same way the module's queries do.
public struct MigrationRunner: Sendable {
    /// The advisory lock key every runner takes: the bytes of "dangjian" as a bigint.
    public static let advisoryLockKey: Int64 = 0x6461_6e67_6a69_616e

    private let pool: PostgresPool
    private let logger: Logger

    /// Creates a runner that uses `pool`.
    public init(pool: PostgresPool, logger: Logger) {
        self.pool = pool
        self.logger = logger
    }

    /// Applies every pending migration of `modules` (in the given module order, then by
    /// version) and returns what it applied. Throws ``MigrationError`` when an applied
    /// migration changed, the database holds migrations this build lacks, or a migration
    /// fails.
    @discardableResult
    public func migrate(_ modules: [ModuleMigrations]) async throws -> [MigrationStatus] {
        try Self.validate(modules)
        return try await pool.withTransaction { session in
            try await session.query(Queries.lock, [Self.advisoryLockKey])
            try await session.executeScript(Queries.bootstrap)
            try await session.executeScript("SET LOCAL statement_timeout = 0")
            let recorded = try await Self.recorded(session, modules: modules)
            try Self.verify(modules, recorded: recorded)
            try await recordAmendments(modules, recorded: recorded, session: session)
            var applied: [MigrationStatus] = []
            for module in modules {
                let pending = module.migrations.filter { recorded[module.module]?[$0.version] == nil }
                guard !pending.isEmpty else { continue }
                try await session.executeScript("CREATE SCHEMA IF NOT EXISTS \(Self.quoteIdentifier(module.module))")
                for migration in pending {
                    applied.append(try await apply(migration, of: module, session: session))
                }
            }
            return applied
        }
    }

    /// Lists every migration of `modules` with its state, plus recorded migrations of those
    /// modules that this build lacks. Takes no lock and changes nothing.
    public func status(_ modules: [ModuleMigrations]) async throws -> [MigrationStatus] {
        try await pool.withConnection { session in
            let exists = try await session.query(Queries.tableExists).single().decode(at: 0, as: Bool.self)
            var recorded: [String: [Int: RecordedMigration]] = [:]
            if exists { recorded = try await Self.recorded(session, modules: modules) }
            var result: [MigrationStatus] = []
            for module in modules {
                let known = Set(module.migrations.map(\.version))
                for migration in module.migrations {
                    let record = recorded[module.module]?[migration.version]
                    let state: MigrationStatus.State =
                        record == nil ? .pending : migration.matches(checksum: record!.checksum) ? .applied : .changed
                    result.append(
                        MigrationStatus(
                            module: module.module, version: migration.version, name: migration.name, state: state,
                            appliedAt: record?.appliedAt, executionMilliseconds: record?.executionMilliseconds,
                            checksum: migration.checksum
                        )
                    )
                }
                for record in (recorded[module.module] ?? [:]).values.sorted(by: { $0.version < $1.version })
                where !known.contains(record.version) {
                    result.append(
                        MigrationStatus(
                            module: module.module, version: record.version, name: record.name, state: .unknown,
                            appliedAt: record.appliedAt, executionMilliseconds: record.executionMilliseconds,
                            checksum: record.checksum
                        )
                    )
                }
            }
            return result
        }
    }

    private func apply(_ migration: Migration, of module: ModuleMigrations, session: PostgresSession) async throws -> MigrationStatus {
        let started = ContinuousClock.now
        do {
            try await session.executeScript(migration.sql)
        } catch let error as PostgresError {
            throw MigrationError(
                code: .failed, module: module.module, version: migration.version,
                message: "migration \(module.module) \(migration.version) (\(module.directory)/\(migration.fileName)) failed; "
                    + "no migration was applied. Fix the SQL before this migration is released.",
                underlying: error
            )
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Int(elapsed.milliseconds)
        let row = try await session.query(
            Queries.record,
            [module.module, migration.version, migration.name, migration.checksum, milliseconds]
        ).single()
        logger.info(
            "Applied migration",
            metadata: [
                "migration.module": "\(module.module)", "migration.version": "\(migration.version)",
                "migration.name": "\(migration.name)", "migration.ms": "\(milliseconds)",
            ]
        )
        return MigrationStatus(
            module: module.module, version: migration.version, name: migration.name, state: .applied,
            appliedAt: try row.decode("applied_at"), executionMilliseconds: milliseconds, checksum: migration.checksum
        )
    }

    // MARK: Checks

    static func validate(_ modules: [ModuleMigrations]) throws {
        for module in modules {
            guard module.module.range(of: #"^[a-z][a-z0-9_]*$"#, options: .regularExpression) != nil else {
                throw MigrationError(
                    code: .invalidSet, module: module.module,
                    message: "module id \"\(module.module)\" is not a valid schema name: use lowercase letters, digits and _"
                )
            }
            var seen: [Int: String] = [:]
            for migration in module.migrations {
                guard migration.version > 0 else {
                    throw MigrationError(
                        code: .invalidSet, module: module.module, version: migration.version,
                        message: "\(module.directory)/\(migration.fileName): versions start at 0001"
                    )
                }
                if let other = seen[migration.version] {
                    throw MigrationError(
                        code: .invalidSet, module: module.module, version: migration.version,
                        message: "\(module.directory): \(other) and \(migration.fileName) have the same version; renumber one"
                    )
                }
                seen[migration.version] = migration.fileName
            }
        }
    }

    static func verify(_ modules: [ModuleMigrations], recorded: [String: [Int: RecordedMigration]]) throws {
        for module in modules {
            let byVersion = Dictionary(uniqueKeysWithValues: module.migrations.map { ($0.version, $0) })
            for record in (recorded[module.module] ?? [:]).values.sorted(by: { $0.version < $1.version }) {
                guard let migration = byVersion[record.version] else {
                    throw MigrationError(
                        code: .unknownApplied, module: module.module, version: record.version,
                        message: "the database has migration \(module.module) \(record.version) (\(record.name)), which this build "
                            + "does not contain: a newer dangjiand applied it. Run that version or a newer one."
                    )
                }
                guard migration.matches(checksum: record.checksum) else {
                    throw MigrationError(
                        code: .checksumMismatch, module: module.module, version: record.version,
                        message: "migration \(module.module) \(record.version) (\(module.directory)/\(migration.fileName)) was "
                            + "applied with checksum \(record.checksum.prefix(12))… but this build's file has "
                            + "\(migration.checksum.prefix(12))…. Applied migrations must never change: restore the file "
                            + "and put the change in a new migration."
                    )
                }
            }
        }
    }

    /// Records the checksum of each applied migration whose comments were corrected since
    /// (its file amends the recorded checksum).
    private func recordAmendments(
        _ modules: [ModuleMigrations], recorded: [String: [Int: RecordedMigration]], session: PostgresSession
    ) async throws {
        for module in modules {
            for migration in module.migrations {
                guard let record = recorded[module.module]?[migration.version], record.checksum != migration.checksum else { continue }
                try await session.execute(Queries.amend, [module.module, migration.version, migration.checksum])
                logger.info(
                    "Recorded the checksum of a migration whose comments were corrected",
                    metadata: ["migration.module": "\(module.module)", "migration.file": "\(migration.fileName)"]
                )
            }
        }
    }

    struct RecordedMigration {
        var version: Int
        var name: String
        var checksum: String
        var appliedAt: Date
        var executionMilliseconds: Int
    }

    private static func recorded(_ session: PostgresSession, modules: [ModuleMigrations]) async throws -> [String: [Int: RecordedMigration]] {
        var recorded: [String: [Int: RecordedMigration]] = [:]
        for row in try await session.query(Queries.recorded, [modules.map(\.module)]) {
            let record = RecordedMigration(
                version: try row.decode("version"), name: try row.decode("name"), checksum: try row.decode("checksum"),
                appliedAt: try row.decode("applied_at"), executionMilliseconds: try row.decode("execution_ms")
            )
            recorded[try row.decode("module", as: String.self), default: [:]][record.version] = record
        }
        return recorded
    }

    static func quoteIdentifier(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    enum Queries {
        static let amend = PostgresStatement(
            unnamed: "UPDATE workbench.schema_migrations SET checksum = $3 WHERE module = $1 AND version = $2"
        )
        static let lock = PostgresStatement(unnamed: "SELECT pg_advisory_xact_lock($1::bigint)")
        static let bootstrap = """
            CREATE SCHEMA IF NOT EXISTS workbench;
            CREATE TABLE IF NOT EXISTS workbench.schema_migrations (
                module       text        NOT NULL,
                version      integer     NOT NULL CHECK (version > 0),
                name         text        NOT NULL,
                checksum     text        NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
                applied_at   timestamptz NOT NULL DEFAULT now(),
                execution_ms integer     NOT NULL CHECK (execution_ms >= 0),
                PRIMARY KEY (module, version)
            );
            """
        static let tableExists = PostgresStatement(
            unnamed: "SELECT to_regclass('workbench.schema_migrations') IS NOT NULL"
        )
        static let recorded = PostgresStatement(
            unnamed: """
                SELECT module, version, name, checksum, applied_at, execution_ms
                FROM workbench.schema_migrations WHERE module = ANY($1::text[]) ORDER BY module, version
                """
        )
        static let record = PostgresStatement(
            unnamed: """
                INSERT INTO workbench.schema_migrations (module, version, name, checksum, execution_ms)
                VALUES ($1, $2, $3, $4, $5) RETURNING applied_at
                """
        )
    }
}
