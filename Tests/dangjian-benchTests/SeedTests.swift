import CoreModule
import Foundation
import GridsModule
import OrganizationsModule
import Testing
import WorkbenchControl
import WorkbenchKit
import WorkbenchPostgres
import WorkbenchTestSupport

@testable import dangjian_bench

/// The seed against real databases migrated like the daemon's.
@Suite("Seeding a benchmark district")
struct SeedTests {
    static let asOf = ISO8601DateFormatter().date(from: "2026-11-21T09:00:00+08:00")!

    /// A fresh database with the core, organizations and grids migrations; returns its conninfo.
    static func migratedDatabase() async throws -> String {
        try await TestCluster.withPool(size: 1) { pool, conninfo in
            try await MigrationRunner(pool: pool, logger: TestCluster.logger).migrate(
                [CoreModule.moduleMigrations, OrganizationsModule.moduleMigrations, GridsModule.moduleMigrations]
            )
            return conninfo
        }
    }

    static func seed(_ conninfo: String, scale: Double, seed: UInt64, jobs: Int = 2) throws -> DatasetLoader.Outcome {
        let connect: @Sendable () throws -> PostgresConnection = {
            try PostgresConnection(settings: PostgresConnectionSettings(conninfo: conninfo, applicationName: "seed test", statementTimeout: nil))
        }
        let loader = DatasetLoader(
            shape: DatasetShape(scale: scale), seed: seed, asOf: asOf, utcOffsetSeconds: 8 * 3_600, jobs: jobs, connect: connect
        )
        let connection = try connect()
        defer { connection.close() }
        return try loader.load(into: connection)
    }

    /// An md5 over every table's rows, in id order, leaving out the columns the database fills
    /// with the load's own clock.
    static func fingerprint(_ conninfo: String) throws -> [String: String] {
        let connection = try PostgresConnection(settings: PostgresConnectionSettings(conninfo: conninfo, statementTimeout: nil))
        defer { connection.close() }
        let tables = [
            "organizations.units": "id, code, name, kind, parent_id, path, secretary",
            "organizations.members": "id, name, phone, status, joined_on, unit_id, residence_id, is_mobile, left_on",
            "grids.grids": "id, code, name, community_id, branch_id, latitude, longitude, households",
            "grids.cases": "id, code, grid_id, status, level, reported_at, due_at, warned, overdue_noted, escalated_to, closed_at",
            "grids.case_events": "id, case_id, at, kind, actor, from_status, to_status, from_level, to_level",
        ]
        var prints: [String: String] = [:]
        for (table, columns) in tables {
            let row = try connection.execute(
                PostgresStatement(unnamed: "SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM (SELECT \(columns) FROM \(table)) t"), []
            ).single()
            prints[table] = try row.decode(at: 0, as: String.self)
        }
        return prints
    }

    @Test("The same seed gives the same rows, whatever the connections; another seed other rows")
    func deterministic() async throws {
        let first = try await Self.migratedDatabase()
        let second = try await Self.migratedDatabase()
        let third = try await Self.migratedDatabase()
        let outcome = try await runBlocking { try Self.seed(first, scale: 0.002, seed: 42, jobs: 2) }
        _ = try await runBlocking { try Self.seed(second, scale: 0.002, seed: 42, jobs: 1) }
        _ = try await runBlocking { try Self.seed(third, scale: 0.002, seed: 43, jobs: 2) }
        let shape = DatasetShape(scale: 0.002)
        let counts = Dictionary(uniqueKeysWithValues: outcome.tableCounts.map { ($0.table, $0.rows) })
        #expect(counts["organizations.units"] == shape.organisations)
        #expect(counts["grids.grids"] == shape.grids)
        #expect(counts["organizations.members"] == shape.members)
        #expect(counts["grids.cases"] == shape.cases)
        #expect((counts["grids.case_events"] ?? 0) >= 2 * shape.cases)
        let prints = try await runBlocking { try Self.fingerprint(first) }
        #expect(prints == (try await runBlocking { try Self.fingerprint(second) }))
        let other = try await runBlocking { try Self.fingerprint(third) }
        #expect(prints["grids.cases"] != other["grids.cases"])
        #expect(prints["organizations.members"] != other["organizations.members"])
    }

    @Test("The dataset is in the escalation service's steady state and the daemon's rules hold")
    func steadyState() async throws {
        let conninfo = try await Self.migratedDatabase()
        try await runBlocking { try Self.checkSteadyState(conninfo) }
    }

    static func checkSteadyState(_ conninfo: String) throws {
        _ = try Self.seed(conninfo, scale: 0.005, seed: 7)
        let connection = try PostgresConnection(settings: PostgresConnectionSettings(conninfo: conninfo, statementTimeout: nil))
        defer { connection.close() }
        func count(_ sql: String, _ binds: [any PostgresEncodable] = []) throws -> Int {
            try connection.execute(PostgresStatement(unnamed: sql), binds).single().decode(at: 0, as: Int.self)
        }
        // Nothing the escalation service would still escalate at the as-of instant
        // (it escalates from complex and community, and notes overdue cases once above).
        #expect(
            try count(
                "SELECT count(*) FROM grids.cases WHERE due_at <= $1 AND (level IN ('complex', 'community') OR NOT overdue_noted)", [Self.asOf]
            ) == 0
        )
        #expect(try count("SELECT count(*) FROM grids.cases WHERE warn_at <= $1 AND NOT warned AND due_at > $1", [Self.asOf]) == 0)
        // Every status is there, and open cases exist both overdue and within their clock.
        #expect(try count("SELECT count(DISTINCT status) FROM grids.cases") == 6)
        #expect(try count("SELECT count(*) FROM grids.cases WHERE overdue_noted") > 0)
        #expect(try count("SELECT count(*) FROM grids.cases WHERE due_at > $1", [Self.asOf]) > 0)
        // Each case's history starts with its report, and its last status change matches it.
        #expect(
            try count(
                """
                SELECT count(*) FROM grids.cases k WHERE (SELECT kind FROM grids.case_events e WHERE e.case_id = k.id ORDER BY at, id LIMIT \
                1) <> 'reported'
                """
            ) == 0
        )
        #expect(
            try count(
                """
                SELECT count(*) FROM grids.cases k
                WHERE k.status <> (SELECT e.to_status FROM grids.case_events e
                                   WHERE e.case_id = k.id AND e.to_status IS NOT NULL AND e.kind NOT IN ('escalated', 'overdue')
                                   ORDER BY e.at DESC, e.id DESC LIMIT 1)
                """
            ) == 0
        )
        // No event after the as-of instant, and the case codes carry the local year of the report.
        #expect(try count("SELECT count(*) FROM grids.case_events WHERE at > $1", [Self.asOf]) == 0)
        #expect(
            try count(
                "SELECT count(*) FROM grids.cases WHERE code <> 'GC-' || to_char(reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' "
                    + "|| lpad(id::text, 6, '0')"
            ) == 0
        )
        // A grid's community is its branch's parent, and the sequences continue after the data.
        #expect(
            try count("SELECT count(*) FROM grids.grids g JOIN organizations.units b ON b.id = g.branch_id WHERE b.parent_id <> g.community_id") == 0)
        #expect(try count("SELECT (SELECT last_value FROM grids.case_number) - (SELECT max(id) FROM grids.cases)") == 0)
    }

    @Test("A second seed into the same database is refused and changes nothing")
    func secondSeedRefused() async throws {
        let conninfo = try await Self.migratedDatabase()
        try await runBlocking {
            _ = try Self.seed(conninfo, scale: 0.001, seed: 1)
            let before = try Self.fingerprint(conninfo)
            #expect(throws: BenchError.self) { try Self.seed(conninfo, scale: 0.001, seed: 1) }
            #expect(try Self.fingerprint(conninfo) == before)
        }
    }

    @Test("A database without the daemon's schema is refused with what to do")
    func unmigratedRefused() async throws {
        let conninfo = try await TestCluster.makeDatabase()
        let message = try await runBlocking { () -> String in
            do {
                _ = try Self.seed(conninfo, scale: 0.001, seed: 1)
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        #expect(message.contains("start dangjiand"), "\(message)")
    }
}
