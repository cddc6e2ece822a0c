public import Foundation
public import Logging
import Synchronization
public import WorkbenchKit
public import WorkbenchPostgres

/// Turns one request line into one reply: built-ins, then module and top-level commands,
/// with role checks, argument binding, transactions, audit, `request_id` replays, a time
/// limit and error mapping.
///
/// Every outcome is a reply; nothing a client sends can make this throw. A mutating command
/// runs in one transaction with its audit row (and its idempotency key), so a reply of 2xx
/// is sent only after COMMIT.
public final class CommandDispatcher: Sendable {
    /// The command table.
    public let table: CommandTable
    private let help: HelpFormatter
    private let pool: PostgresPool
    private let access: AccessPolicyStore
    private let statistics: ControlStatistics
    private let info: DaemonInfo
    private let encoder: ReplyEncoder
    private let timeZone: TimeZone
    private let clock: any WorkbenchClock
    private let commandTimeout: Duration
    private let constraintErrors: [String: [String: WorkbenchError]]
    private let logger: Logger

    /// Creates a dispatcher.
    ///
    /// - Parameters:
    ///   - constraintErrors: Per module id, its friendly errors for named constraints.
    ///   - commandTimeout: The longest a command may run before it is cancelled with 504.
    public init(
        table: CommandTable, pool: PostgresPool, access: AccessPolicyStore, statistics: ControlStatistics, info: DaemonInfo,
        timeZone: TimeZone, clock: any WorkbenchClock = SystemClock(), commandTimeout: Duration,
        constraintErrors: [String: [String: WorkbenchError]] = [:], logger: Logger
    ) {
        self.table = table
        self.help = HelpFormatter(table: table, builtIns: BuiltInCommand.helpEntries)
        self.pool = pool
        self.access = access
        self.statistics = statistics
        self.info = info
        self.encoder = ReplyEncoder(timeZone: timeZone)
        self.timeZone = timeZone
        self.clock = clock
        self.commandTimeout = commandTimeout
        self.constraintErrors = constraintErrors
        self.logger = logger
    }

    /// The words no module or top-level command may use.
    public static var builtInNames: Set<String> { Set(BuiltInCommand.allCases.map(\.rawValue)) }

    /// Answers one request. Returns the reply text (newline-terminated lines), or nil for a
    /// blank line, which gets no reply.
    public func respond(to frame: RequestFrame, in session: inout SessionState) async -> String? {
        let line: String
        switch frame {
        case .line(let text): line = text
        case .invalidUTF8:
            return finish(.failure(.syntax("the line is not valid UTF-8; nothing was run")), format: session.format)
        case .tooLong(let bytes):
            let error = WorkbenchError(
                status: .lineTooLong, code: "request.line_too_long",
                message: "the request line has \(bytes) bytes, more than the \(ReplyLine.maximumRequestBytes) allowed; nothing was run"
            )
            return finish(.failure(error), format: session.format)
        }
        var words: [CommandLineTokenizer.Word]
        do {
            words = try CommandLineTokenizer.tokenize(line[...])
        } catch {
            return finish(.failure(error), format: session.format)
        }
        guard !words.isEmpty else { return nil }
        var format = session.format
        if let last = words.last, last.text == "--json", !last.wasQuoted {
            format = .json
            words.removeLast()
            guard !words.isEmpty else {
                return finish(.failure(.syntax("--json needs a command before it")), format: format)
            }
        }
        if let builtIn = BuiltInCommand(rawValue: words[0].text), !words[0].wasQuoted {
            return finish(await runBuiltIn(builtIn, Array(words.dropFirst()), session: &session, format: &format), format: format)
        }
        return finish(await runCommand(words, caller: session.caller), format: format)
    }

    private func finish(_ outcome: Result<Reply, WorkbenchError>, format: ReplyFormat) -> String {
        switch outcome {
        case .success(let reply):
            statistics.answered(status: reply.status.code)
            return encoder.encode(reply, format: format)
        case .failure(let error):
            statistics.answered(status: error.status.code)
            return encoder.encode(error, format: format)
        }
    }

    // MARK: Commands

    private func runCommand(_ words: [CommandLineTokenizer.Word], caller: Caller) async -> Result<Reply, WorkbenchError> {
        let started = ContinuousClock.now
        let command: CommandSpec
        let consumed: Int
        do {
            (command, consumed) = try table.resolve(words)
        } catch {
            return .failure(error)
        }
        guard caller.may(command.role) else {
            let error = WorkbenchError.forbidden(
                "'\(command.qualifiedName)' needs role \(command.role); you (user \(caller.userName), uid \(caller.uid)) have "
                    + (caller.role.map { "role \($0)" } ?? "no role")
            )
            await auditRefusal(command, caller: caller, arguments: [:], requestID: nil, error: error, started: started)
            return .failure(error)
        }
        let now = clock.now
        let arguments: Arguments
        let requestID: String?
        do {
            (arguments, requestID) = try ArgumentBinder.bind(words.dropFirst(consumed), to: command, now: now, timeZone: timeZone)
        } catch {
            return .failure(error)
        }
        var commandLogger = logger
        commandLogger[metadataKey: "command"] = "\(command.qualifiedName)"
        commandLogger[metadataKey: "peer.uid"] = "\(caller.uid)"
        if let requestID { commandLogger[metadataKey: "request.id"] = "\(requestID)" }
        let context = Execution(
            command: command, arguments: arguments, requestID: requestID, caller: caller, now: now, started: started,
            logger: commandLogger
        )
        let outcome = await withTimeLimit { await self.execute(context) }
        let elapsed = ContinuousClock.now - started
        switch outcome {
        case .success(let reply):
            commandLogger.log(
                level: command.mutates ? .info : .debug, "Command answered",
                metadata: ["reply.status": "\(reply.status.code)", "duration.ms": "\(elapsed.milliseconds)"]
            )
        case .failure(let error):
            commandLogger.log(
                level: error.status.code >= 500 ? .warning : .info, "Command refused",
                metadata: ["reply.status": "\(error.status.code)", "reply.code": "\(error.code)", "duration.ms": "\(elapsed.milliseconds)"]
            )
            if command.mutates, [404, 409, 422].contains(error.status.code) {
                await auditRefusal(
                    command, caller: caller, arguments: AuditRecord.redactedArguments(arguments, of: command), requestID: requestID,
                    error: error, started: started
                )
            }
        }
        return outcome
    }

    private struct Execution: Sendable {
        var command: CommandSpec
        var arguments: Arguments
        var requestID: String?
        var caller: Caller
        var now: Date
        var started: ContinuousClock.Instant
        var logger: Logger
    }

    private func execute(_ context: Execution) async -> Result<Reply, WorkbenchError> {
        let command = context.command
        var attempt = 0
        while true {
            attempt += 1
            do {
                if command.mutates {
                    return .success(try await executeMutating(context))
                }
                return .success(
                    try await pool.withConnection { session in
                        try await command.run(self.invocation(context, database: session))
                    }
                )
            } catch let error as PostgresError
                where command.mutates && attempt < 3
                && (error.sqlState == .serializationFailure || error.sqlState == .deadlockDetected)
            {
                context.logger.notice("Retrying after a serialization failure", metadata: ["attempt": "\(attempt)"])
                continue
            } catch {
                return .failure(mapError(error, module: command.module, logger: context.logger))
            }
        }
    }

    private func executeMutating(_ context: Execution) async throws -> Reply {
        let command = context.command
        let audited = AuditRecord.redactedArguments(context.arguments, of: command)
        let commandName = command.path.joined(separator: " ")
        return try await pool.withConnection { session in
            try await session.withTransaction { transaction in
                if let requestID = context.requestID {
                    switch try await IdempotencyStore.claim(
                        requestID, module: command.module, command: commandName, arguments: audited, on: transaction
                    ) {
                    case .claimed:
                        break
                    case .replay(let reply):
                        context.logger.info("Replaying the first reply of a repeated request")
                        return reply
                    case .reusedForOtherCommand(let other):
                        throw WorkbenchError.conflict(
                            "request.id_reused",
                            "request_id \(requestID) was already used for '\(other)' with other arguments; use a new request_id"
                        )
                    }
                }
                let reply = try await command.run(self.invocation(context, database: transaction))
                if let requestID = context.requestID {
                    try IdempotencyStore.complete(requestID, reply: reply, on: transaction)
                }
                try AuditLog.append(
                    AuditRecord(
                        caller: context.caller, module: command.module, command: commandName, arguments: audited,
                        requestID: context.requestID, status: reply.status, errorCode: nil,
                        summary: ReplyEncoder.summary(of: reply), duration: ContinuousClock.now - context.started
                    ),
                    on: transaction
                )
                return reply
            }
        }
    }

    private func invocation(_ context: Execution, database: PostgresSession) -> Invocation {
        Invocation(
            command: context.command, arguments: context.arguments, caller: context.caller, database: database,
            requestID: context.requestID, logger: context.logger, now: context.now, timeZone: timeZone
        )
    }

    /// Runs `body` for at most the command time limit; past it the command is cancelled
    /// (which cancels its running statement and rolls back) and the reply is 504, unless the
    /// command completed anyway.
    private func withTimeLimit(_ body: @escaping @Sendable () async -> Result<Reply, WorkbenchError>) async -> Result<Reply, WorkbenchError> {
        let limit = commandTimeout
        return await withTaskGroup(of: Result<Reply, WorkbenchError>?.self) { group in
            group.addTask { await body() }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            let first = await group.next()!
            group.cancelAll()
            if let first {
                await group.waitForAll()
                return first
            }
            // The time limit passed: wait for the cancelled command to unwind.
            let result = await group.next()!!
            if case .failure(let error) = result, error.status.code >= 500 || error.code == "database.timeout" {
                return .failure(
                    WorkbenchError(
                        status: .timedOut, code: "command.timeout",
                        message: "the command took longer than \(limit) and was cancelled; nothing was changed"
                    )
                )
            }
            return result
        }
    }

    private func mapError(_ error: any Error, module: String, logger: Logger) -> WorkbenchError {
        switch error {
        case let error as WorkbenchError:
            if error.status == .internalError { logger.error("Command failed", metadata: ["error": "\(error)"]) }
            return error
        case let error as PostgresError:
            if let mapped = WorkbenchError(error, constraintErrors: constraintErrors[module] ?? [:]) {
                if mapped.status.code >= 500 { logger.warning("Database error", metadata: ["error": "\(error)"]) }
                return mapped
            }
            return internalError(error, logger: logger)
        case is CancellationError:
            return WorkbenchError(
                status: .unavailable, code: "command.cancelled", message: "the command was cancelled (the daemon is stopping); nothing was changed"
            )
        default:
            return internalError(error, logger: logger)
        }
    }

    private func internalError(_ error: any Error, logger: Logger) -> WorkbenchError {
        let reference = String(UInt32.random(in: 0x1000_0000...UInt32.max), radix: 16)
        logger.error("Command failed with an unexpected error", metadata: ["error": "\(error)", "error.reference": "\(reference)"])
        return .internalError(reference: reference)
    }

    private func auditRefusal(
        _ command: CommandSpec, caller: Caller, arguments: [String: String], requestID: String?, error: WorkbenchError,
        started: ContinuousClock.Instant
    ) async {
        let record = AuditRecord(
            caller: caller, module: command.module, command: command.path.joined(separator: " "), arguments: arguments,
            requestID: requestID, status: error.status, errorCode: error.code, summary: error.message,
            duration: ContinuousClock.now - started
        )
        do {
            try await pool.withConnection { session in try AuditLog.append(record, on: session) }
        } catch {
            logger.warning("Could not write the audit row of a refused command", metadata: ["error": "\(error)"])
        }
    }

    // MARK: Built-ins

    private func runBuiltIn(
        _ builtIn: BuiltInCommand, _ arguments: [CommandLineTokenizer.Word], session: inout SessionState, format: inout ReplyFormat
    ) async -> Result<Reply, WorkbenchError> {
        let caller = session.caller
        if let role = builtIn.role, !caller.may(role) {
            return .failure(
                .forbidden(
                    "'\(builtIn.rawValue)' needs role \(role); you (user \(caller.userName), uid \(caller.uid)) have "
                        + (caller.role.map { "role \($0)" } ?? "no role; 'whoami' shows your credentials")
                )
            )
        }
        if builtIn != .help && builtIn != .format && !arguments.isEmpty {
            return .failure(.invalidArgument(arguments[0].text, code: "argument.unexpected_word", "'\(builtIn.rawValue)' takes no arguments"))
        }
        switch builtIn {
        case .help:
            do {
                return .success(try help.help(for: caller, words: arguments.map(\.text)))
            } catch {
                return .failure(error)
            }
        case .ping:
            return .success(.message("pong"))
        case .quit:
            session.wantsClose = true
            return .success(.message("bye"))
        case .format:
            guard arguments.count == 1, let chosen = ReplyFormat(rawValue: arguments[0].text) else {
                return .failure(.invalidArgument("format", "usage: format text|json"))
            }
            session.format = chosen
            format = chosen
            return .success(.message("format \(chosen.rawValue)"))
        case .whoami:
            return .success(
                .record([
                    ("user", .string(caller.userName)), ("uid", .int(Int64(caller.uid))), ("gid", .int(Int64(caller.gid))),
                    ("pid", .int(Int64(caller.pid))), ("role", .string(caller.role?.rawValue ?? "none")),
                    ("groups", .list(caller.groupIDs.map { .string(SystemAccount.groupName(of: $0) ?? String($0)) })),
                ])
            )
        case .version:
            let server: ReplyValue
            do {
                server = .string(
                    try await pool.withConnection { session in
                        try await session.query(Queries.serverVersion).single().decode(at: 0, as: String.self)
                    }
                )
            } catch {
                server = "unavailable"
            }
            return .success(.record([("dangjiand", .string(info.version)), ("protocol", 1), ("postgresql", server)]))
        case .modules:
            let rows: [[ReplyValue]] = table.modules.map { module in
                [
                    .string(module.id), .string(module.alias), .string(module.title),
                    .int(Int64(table.commands(ofModule: module.id).count)), .int(Int64(info.migrationCounts[module.id] ?? 0)),
                    .string(module.summary),
                ]
            }
            return .success(.table(columns: ["id", "alias", "title", "commands", "migrations", "summary"], rows: rows))
        case .status:
            let counters = statistics.snapshot
            let uptime = Int64(Date().timeIntervalSince(statistics.startedAt))
            var fields = [
                ReplyField(name: "version", value: .string(info.version)),
                ReplyField(name: "started_at", value: .timestamp(statistics.startedAt)),
                ReplyField(name: "uptime_seconds", value: .int(uptime)),
                ReplyField(name: "connections", value: .int(Int64(counters.connections))),
                ReplyField(name: "connections_accepted", value: .int(Int64(counters.accepted))),
                ReplyField(name: "connections_refused", value: .int(Int64(counters.refused))),
                ReplyField(name: "requests", value: .int(Int64(counters.requests))),
                ReplyField(name: "requests_4xx", value: .int(Int64(counters.clientErrors))),
                ReplyField(name: "requests_5xx", value: .int(Int64(counters.serverErrors))),
            ]
            let pool = pool.statistics
            fields += [
                ReplyField(name: "pool_size", value: .int(Int64(pool.size))),
                ReplyField(name: "pool_open", value: .int(Int64(pool.open))),
                ReplyField(name: "pool_idle", value: .int(Int64(pool.idle))),
                ReplyField(name: "pool_leased", value: .int(Int64(pool.leased))),
                ReplyField(name: "pool_waiting", value: .int(Int64(pool.waiting))),
                ReplyField(name: "pool_reconnects", value: .int(Int64(pool.connectionsDiscarded))),
                ReplyField(name: "pool_timeouts", value: .int(Int64(pool.acquireTimeouts))),
            ]
            fields += await info.statusFields()
            return .success(Reply(body: .record(fields), summary: "status"))
        }
    }

    enum Queries {
        static let serverVersion = PostgresStatement("workbench.server_version", "SELECT current_setting('server_version')")
    }
}
