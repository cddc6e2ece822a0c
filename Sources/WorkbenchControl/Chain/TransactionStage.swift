import CoreModule
public import WorkbenchKit
public import WorkbenchPostgres

/// Opens the command's database session: a plain pooled session for a read; for a change,
/// one transaction that also claims its `request_id` (replaying the first reply of the same
/// caller's repeat, with an audit row of its own coded `request.replayed`; 409
/// `request.id_reused` for the same id with other arguments) and writes its audit row,
/// so that a 2xx is answered only after COMMIT. A change that hits a serialization failure
/// or a deadlock is retried (three attempts in all). A local command gets no session.
public struct TransactionStage: CommandMiddleware {
    /// How many times a change is attempted.
    public static let attempts = 3
    private let pool: PostgresPool
    private let scopes = ScopeDirectory()

    /// Creates the stage over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Runs the rest of the chain with a session (in a transaction for a change).
    public func handle(_ request: CommandRequest, context: CommandContext, next: @escaping CommandResponder) async throws -> Reply {
        let command = try request.resolvedCommand(in: "transaction")
        guard !command.isLocal else { return try await next(request, context) }
        var attempt = 0
        while true {
            attempt += 1
            do {
                if command.mutates {
                    return try await change(command, request, context: context, next: next)
                }
                return try await pool.withConnection { session in
                    try await CallerScope.hold(session, to: request.caller, directory: scopes)
                    var context = context
                    context.database = session
                    return try await next(request, context)
                }
            } catch let error as PostgresError
                where command.mutates && attempt < Self.attempts
                && (error.sqlState == .serializationFailure || error.sqlState == .deadlockDetected)
            {
                context.logger.notice("Retrying after a serialization failure", metadata: ["attempt": "\(attempt)"])
            }
        }
    }

    /// One round trip carries `BEGIN`, the `request_id` claim and the command's first
    /// statement; the stored reply, the audit row and `COMMIT` travel together at the end.
    private func change(
        _ command: CommandSpec, _ request: CommandRequest, context: CommandContext, next: @escaping CommandResponder
    ) async throws -> Reply {
        let audited = AuditRecord.redactedArguments(request.arguments, of: command)
        let commandName = command.path.joined(separator: " ")
        do {
            return try await pool.withConnection { session in
                try await CallerScope.hold(session, to: request.caller, directory: scopes)
                return try await session.withTransaction { transaction in
                    if let requestID = request.requestID {
                        try IdempotencyStore.claim(
                            requestID, caller: request.caller, module: command.module, command: commandName, arguments: audited, on: transaction)
                    }
                    var context = context
                    context.database = transaction
                    let reply = try await next(request, context)
                    if let requestID = request.requestID {
                        // The claim must have answered before anything is committed with it.
                        try await transaction.flush()
                        try IdempotencyStore.complete(requestID, caller: request.caller, reply: reply, on: transaction)
                    }
                    try AuditLog.append(
                        AuditRecord(
                            caller: request.caller, module: command.module, command: commandName, arguments: audited,
                            requestID: request.requestID, status: reply.status, errorCode: nil,
                            summary: ReplyEncoder.summary(of: reply), duration: ContinuousClock.now - context.started
                        ),
                        on: transaction
                    )
                    return reply
                }
            }
        } catch is IdempotencyStore.AlreadyUsed {
            let requestID = request.requestID ?? ""
            return try await pool.withConnection { session in
                let claim = try await IdempotencyStore.resolve(
                    requestID, caller: request.caller, module: command.module, command: commandName, arguments: audited, on: session
                )
                return try Self.answer(claim, requestID: requestID, command: command, request, context: context, session: session)
            }
        }
    }

    /// The reply to a request whose id was taken: the stored reply, recorded as a replay, or
    /// the 409 of an id reused for something else.
    private static func answer(
        _ claim: IdempotencyStore.Claim, requestID: String, command: CommandSpec, _ request: CommandRequest,
        context: CommandContext, session: PostgresSession
    ) throws -> Reply {
        switch claim {
        case .replay(let reply):
            context.logger.info("Replaying the first reply of a repeated request")
            // Queued: it travels when the session is handed back, before the reply is sent.
            try AuditLog.append(
                AuditRecord(
                    caller: request.caller, module: command.module, command: command.path.joined(separator: " "),
                    arguments: AuditRecord.redactedArguments(request.arguments, of: command), requestID: requestID,
                    status: reply.status, errorCode: "request.replayed",
                    summary: "replayed the first reply: " + ReplyEncoder.summary(of: reply),
                    duration: ContinuousClock.now - context.started
                ),
                on: session
            )
            return reply
        case .reusedForOtherCommand(let other):
            throw WorkbenchError.conflict(
                "request.id_reused",
                "request_id \(requestID) was already used for '\(other)' with other arguments; use a new request_id"
            )
        }
    }
}
