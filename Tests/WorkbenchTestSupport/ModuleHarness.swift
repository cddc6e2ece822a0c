public import Configuration
public import Foundation
public import WorkbenchControl
public import WorkbenchKit
public import WorkbenchPostgres

/// Real modules behind a real dispatcher on a fresh database, put together by the daemon's
/// own ``WorkbenchBuilder``: what the daemon does between reading a line and writing its
/// reply, without the socket. The working calendar's
/// top-level commands (`calendar set …`) are there too, for modules whose deadlines count
/// working days.
///
/// ```swift
/// try await ModuleHarness.with([OrganizationsModule.self]) { harness in
///     let reply = await harness.send("org unit add code=D1 name=区委 kind=district", as: .operator)
///     #expect(reply.status == 201)
/// }
/// ```
public struct ModuleHarness: Sendable {
    /// The dispatcher every line goes through.
    public let dispatcher: CommandDispatcher
    /// The pool over the test's database, as the daemon's runtime role (it may do what
    /// commands may, no more).
    public let pool: PostgresPool
    /// The pool the migrations ran through (the owner), for test set-up that only an owner
    /// may do, such as moving a sequence.
    public let ownerPool: PostgresPool
    /// The initialised modules, by id.
    public let modules: [String: any WorkbenchModule]

    /// Callers with each role, and one without; `held` is a caller with a role held to the
    /// subtrees of some organisations (by code).
    public enum As: Sendable {
        case admin, `operator`, viewer, stranger
        case held(Role, to: [String])

        /// The caller: uid 0 for admin, distinct uids for the others.
        public var caller: Caller {
            switch self {
            case .admin: Caller(pid: 1, uid: 0, gid: 0, userName: "root", role: .admin)
            case .operator: Caller(pid: 2, uid: 1000, gid: 1000, userName: "operator1", role: .operator)
            case .viewer: Caller(pid: 3, uid: 1001, gid: 1001, userName: "viewer1", role: .viewer)
            case .stranger: Caller(pid: 4, uid: 65534, gid: 65534, userName: "nobody", role: nil)
            case .held(let role, let codes):
                Caller(pid: 5, uid: 2000, gid: 2000, userName: "\(role.rawValue)@\(codes.joined(separator: "+"))", role: role, scope: codes)
            }
        }
    }

    /// Runs `body` with `types` migrated and initialised, in the order given (list
    /// requirements first), on a database of its own. At most a few harnesses run at once
    /// (``DatabaseTestSlots``); the others wait their turn.
    ///
    /// - Parameters:
    ///   - config: Configuration values by full key (`modules.organizations.project_categories`).
    ///   - clock: The clock modules and the dispatcher see.
    public static func with<Result: Sendable>(
        _ types: [any WorkbenchModule.Type],
        config: [AbsoluteConfigKey: ConfigValue] = [:],
        clock: any WorkbenchClock = SystemClock(),
        timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!,
        _ body: (ModuleHarness) async throws -> Result
    ) async throws -> Result {
        try await DatabaseTestSlots.shared.withSlot { try await run(types, config: config, clock: clock, timeZone: timeZone, body) }
    }

    private static func run<Result: Sendable>(
        _ types: [any WorkbenchModule.Type], config: [AbsoluteConfigKey: ConfigValue], clock: any WorkbenchClock, timeZone: TimeZone,
        _ body: (ModuleHarness) async throws -> Result
    ) async throws -> Result {
        // Migrations as the owner, everything else as the daemon's runtime role.
        try await TestCluster.withPool(size: 1) { owner, conninfo in
            let pool = TestCluster.pool(TestCluster.runtimeConninfo(conninfo), size: 4)
            do {
                let builder = WorkbenchBuilder(
                    modules: types, pool: pool, ownerPool: owner, configuration: ConfigReader(provider: InMemoryProvider(values: config)),
                    clock: clock, timeZone: timeZone, commandTimeout: .seconds(30), version: "test", logger: { _ in TestCluster.logger }
                )
                try await builder.migrate()
                try await builder.verifyRuntimeRole(setting: "the test's runtime pool")
                let workbench = try await builder.build()
                let modules = Dictionary(uniqueKeysWithValues: workbench.modules.map { (type(of: $0).id, $0) })
                let result = try await body(ModuleHarness(dispatcher: workbench.dispatcher, pool: pool, ownerPool: owner, modules: modules))
                await pool.shutdown()
                return result
            } catch {
                await pool.shutdown()
                throw error
            }
        }
    }

    /// Sends one request line as `caller` and returns the parsed text reply.
    @discardableResult
    public func send(_ line: String, as caller: As = .operator) async -> ReplyText {
        var state = SessionState(caller: caller.caller)
        return ReplyText(await dispatcher.respond(to: .line(line), in: &state) ?? "")
    }

    /// Sends `line` with `rows` (a header and data rows, tab-separated) in the rows form.
    public func send(_ line: String, rows: [String], as caller: As = .operator) async -> ReplyText {
        var state = SessionState(caller: caller.caller)
        return ReplyText(await dispatcher.respond(to: .withRows(line: line, rows: rows), in: &state) ?? "")
    }

    /// Sends a mutating line that must succeed and returns the id it created.
    ///
    /// Throws with the reply's text when the status is not 201.
    public func create(_ line: String, as caller: As = .operator) async throws -> Int64 {
        let reply = await send(line, as: caller)
        guard reply.status == 201, let id = reply.field("id").flatMap(Int64.init) else {
            throw HarnessError(line: line, reply: reply.raw)
        }
        return id
    }

    /// The single value `sql` selects (for checking what a command left in the database), as
    /// the runtime role, or as the owner when `asOwner`.
    public func scalar<Value: PostgresDecodable>(
        _ sql: String, _ binds: [any PostgresEncodable] = [], as type: Value.Type = Value.self, asOwner: Bool = false
    ) async throws -> Value {
        try await (asOwner ? ownerPool : pool).withConnection { session in
            try await session.query(PostgresStatement(unnamed: sql), binds).single().decode(at: 0, as: Value.self)
        }
    }
}

/// A command that had to succeed did not.
public struct HarnessError: Error, CustomStringConvertible {
    /// The request.
    public var line: String
    /// The whole reply.
    public var reply: String
    /// Both, for the test log.
    public var description: String { "\(line)\n→ \(reply)" }
}
