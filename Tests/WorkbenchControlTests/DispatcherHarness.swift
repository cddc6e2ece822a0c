import Configuration
import Foundation
import Logging
import WorkbenchControl
import WorkbenchKit
import WorkbenchPostgres
import WorkbenchTestSupport

/// A dispatcher over the core and the notes module on a fresh database.
struct DispatcherHarness {
    let dispatcher: CommandDispatcher
    let pool: PostgresPool

    static let admin = Caller(pid: 1, uid: 0, gid: 0, userName: "root", role: .admin)
    static let operatorCaller = Caller(pid: 2, uid: 1000, gid: 1000, userName: "operator1", role: .operator)
    static let viewer = Caller(pid: 3, uid: 1001, gid: 1001, userName: "viewer1", role: .viewer)
    static let stranger = Caller(pid: 4, uid: 65534, gid: 65534, userName: "nobody", role: nil)

    static func with<Result: Sendable>(
        commandTimeout: Duration = .seconds(30),
        _ body: (DispatcherHarness) async throws -> Result
    ) async throws -> Result {
        try await TestCluster.withPool(size: 6) { pool, _ in
            let workbench = try await build(pool: pool, commandTimeout: commandTimeout)
            return try await body(DispatcherHarness(dispatcher: workbench.dispatcher, pool: pool))
        }
    }

    /// The notes module behind the daemon's chain on `pool`'s database, migrated.
    static func build(
        pool: PostgresPool, commandTimeout: Duration = .seconds(30), statistics: ControlStatistics = ControlStatistics()
    ) async throws -> Workbench {
        let builder = WorkbenchBuilder(
            modules: [NotesModule.self], pool: pool, timeZone: TimeZone(identifier: "Asia/Shanghai")!, commandTimeout: commandTimeout,
            version: "test", statistics: statistics, logger: { _ in TestCluster.logger }
        )
        try await builder.migrate()
        return try await builder.build()
    }

    /// Sends one line as `caller` and returns the reply text.
    func send(_ line: String, as caller: Caller = admin) async -> String {
        var state = SessionState(caller: caller)
        return await dispatcher.respond(to: .line(line), in: &state) ?? ""
    }

    /// Sends `line` with `rows` in the rows form, as the connection hands a rows request to
    /// the dispatcher once all its lines have arrived.
    func send(_ line: String, rows: [String], as caller: Caller = admin) async -> String {
        var state = SessionState(caller: caller)
        return await dispatcher.respond(to: .withRows(line: line + " " + RequestRows.marker(lines: rows.count), rows: rows), in: &state) ?? ""
    }

    /// The first three characters of a reply's last line.
    static func status(_ reply: String) -> Int {
        Int(reply.split(separator: "\n").last?.prefix(3) ?? "") ?? 0
    }

    func count(_ sql: String, _ binds: [any PostgresEncodable] = []) async throws -> Int {
        try await pool.withConnection { session in
            try await session.query(PostgresStatement(unnamed: sql), binds).single().decode(at: 0, as: Int.self)
        }
    }
}
