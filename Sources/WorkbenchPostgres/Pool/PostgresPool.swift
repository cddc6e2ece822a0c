public import Logging
public import ServiceLifecycle
import Metrics
import Synchronization

/// A fixed-size pool of libpq connections with a wait queue, an acquire timeout, broken
/// connection detection and reconnect.
///
/// - Connections open lazily, up to ``PostgresPoolConfiguration/size``. A caller beyond that
///   waits in line (first come, first served) for at most
///   ``PostgresPoolConfiguration/acquireTimeout`` and then gets a `poolTimeout` error.
/// - Before lending an idle connection the pool probes its socket without a round trip;
///   a connection the server closed (restart, crash, `pg_terminate_backend`) is discarded
///   and a new one opened in its place. A connection handed back inside a transaction or
///   broken is discarded too. So after a server restart callers see errors only while the
///   server is actually down.
/// - Connections are non-blocking (``PipelinedConnection``) and driven by the pool's own
///   ``PostgresEventLoop`` threads (``PostgresPoolConfiguration/eventLoops``); the closure
///   given to ``withConnection(_:)`` runs on its connection's loop, so its statements cost
///   no thread hop. Every wait is bounded: connecting by the connect timeout, a cancelled
///   statement by ``PostgresPoolConfiguration/cancelGrace``, waiting in line by the acquire
///   timeout.
///
/// The pool is a `Service`: in a `ServiceGroup` it closes its connections on graceful
/// shutdown. Outside one, call ``shutdown()``.
public final class PostgresPool: Service, Sendable {
    /// The pool's configuration.
    public let configuration: PostgresPoolConfiguration
    /// The threads that drive the pool's connections.
    let loops: [PostgresEventLoop]
    private let logger: Logger
    private let state = Mutex(PoolState())
    private let statementsInFlight = InFlightGauge()
    /// How long callers waited in line for a connection (only those that had to wait).
    static let waits = Metrics.Timer(label: "dangjian_pool_wait_seconds")

    /// Creates a pool and starts its event loop threads; no connection is opened until first
    /// use.
    public init(configuration: PostgresPoolConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.loops = (0..<configuration.eventLoops).map { PostgresEventLoop(name: "postgres-io-\($0)") }
    }

    /// Lends a connection to `body` and takes it back afterwards.
    ///
    /// Throws ``PostgresError`` with code `poolTimeout` when no connection frees up in time,
    /// `connectionFailed` when the server cannot be reached, `poolClosed` after shutdown.
    @discardableResult
    public func withConnection<Result: Sendable>(
        _ body: (PostgresSession) async throws -> Result
    ) async throws -> Result {
        let connection = try await checkOut()
        connection.borrowerChanged()
        let result: Result
        do {
            result = try await withTaskExecutorPreference(connection.loop) {
                let session = PostgresSession(connection: connection)
                let result = try await body(session)
                if connection.hasQueued { try await session.flush() }
                return result
            }
        } catch {
            await checkIn(connection)
            throw error
        }
        await checkIn(connection)
        return result
    }

    /// Runs `body` in a transaction on a pooled connection: `BEGIN`, then `COMMIT` when
    /// `body` returns, `ROLLBACK` when it throws.
    @discardableResult
    public func withTransaction<Result: Sendable>(
        _ body: (PostgresSession) async throws -> Result
    ) async throws -> Result {
        try await withConnection { session in
            try await session.withTransaction(body)
        }
    }

    /// The pool's current state.
    public var statistics: PostgresPoolStatistics {
        state.withLock { state in
            PostgresPoolStatistics(
                size: configuration.size,
                open: state.open,
                idle: state.idle.count,
                leased: state.leased,
                waiting: state.queue.count,
                connectionsOpened: state.connectionsOpened,
                connectionsDiscarded: state.connectionsDiscarded,
                acquireTimeouts: state.acquireTimeouts,
                statementsInFlight: statementsInFlight.value,
                roundTrips: statementsInFlight.total
            )
        }
    }

    /// One of the pool's event loops, in turn, as the executor for a task that will mostly
    /// talk to the database (a control connection's session): its statements then need no
    /// thread hop.
    public func nextTaskExecutor() -> any TaskExecutor {
        let index = state.withLock { state -> Int in
            state.nextLoop += 1
            return state.nextLoop
        }
        return loops[index % loops.count]
    }

    /// Waits for graceful shutdown, then closes the pool.
    public func run() async throws {
        try? await gracefulShutdown()
        await shutdown()
    }

    /// Fails waiting callers with `poolClosed`, refuses new callers, closes every connection
    /// (a statement still running on a lent one fails with `poolClosed`) and stops the
    /// pool's threads. Never waits for the database.
    public func shutdown() async {
        let (connections, waiters, first) = state.withLock { state -> ([PipelinedConnection], [CheckedContinuation<Grant, any Error>], Bool) in
            guard !state.closed else { return ([], [], false) }
            state.closed = true
            state.open -= state.idle.count
            state.idle.removeAll()
            let connections = Array(state.everyConnection.values)
            state.everyConnection.removeAll()
            return (connections, state.removeAllWaiters(), true)
        }
        for waiter in waiters {
            waiter.resume(throwing: PostgresError(code: .poolClosed, message: "the database pool is shut down"))
        }
        for connection in connections { connection.close() }
        guard first else { return }
        for loop in loops { await loop.shutdown() }
    }

    // MARK: Lending

    private func checkOut() async throws -> PipelinedConnection {
        let grant = try await acquireGrant()
        switch grant {
        case .connection(let connection):
            if await connection.probeIdle() { return connection }
            logger.notice("Discarding a database connection the server closed", metadata: ["db.backend_pid": "\(connection.backendPID)"])
            state.withLock { state in
                state.connectionsDiscarded += 1
                state.everyConnection[ObjectIdentifier(connection)] = nil
            }
            return try await connect()
        case .slot:
            return try await connect()
        }
    }

    private func connect() async throws -> PipelinedConnection {
        let loop =
            loops.first(where: \.inEventLoop)
            ?? state.withLock { state -> PostgresEventLoop in
                state.nextLoop += 1
                return loops[state.nextLoop % loops.count]
            }
        do {
            let connection = try await PipelinedConnection.connect(
                settings: configuration.connection, on: loop, cancelGrace: configuration.cancelGrace,
                inFlightGauge: statementsInFlight
            )
            let registered = state.withLock { state -> Bool in
                state.connectionsOpened += 1
                guard !state.closed else { return false }
                state.everyConnection[ObjectIdentifier(connection)] = connection
                return true
            }
            guard registered else {
                connection.close()
                throw PostgresError(code: .poolClosed, message: "the database pool is shut down")
            }
            logger.debug("Opened a database connection", metadata: ["db.backend_pid": "\(connection.backendPID)"])
            return connection
        } catch {
            giveUpSlot()
            throw error
        }
    }

    private func checkIn(_ connection: PipelinedConnection) async {
        connection.dropQueued()
        connection.borrowerChanged()
        // A cancel request still on its way could cancel the next borrower's statement.
        let settled = await connection.cancelRequestsSettled(within: configuration.cancelGrace)
        let reusable = settled && connection.isReusable
        let (handOver, close) = state.withLock { state -> (PoolState.Handover, Bool) in
            state.leased -= 1
            if state.closed {
                state.open -= 1
                return (.nobody, true)
            }
            if !reusable {
                state.connectionsDiscarded += 1
                state.open -= 1
                state.everyConnection[ObjectIdentifier(connection)] = nil
                return (state.grantToNextWaiter(.slot), true)
            }
            let handOver = state.grantToNextWaiter(.connection(connection))
            if case .nobody = handOver { state.idle.append(connection) }
            return (handOver, false)
        }
        if close {
            if !reusable {
                logger.debug("Discarding a database connection after use", metadata: ["db.backend_pid": "\(connection.backendPID)"])
            }
            connection.close()
        }
        handOver.resume()
    }

    private func giveUpSlot() {
        let handOver = state.withLock { state -> PoolState.Handover in
            state.leased -= 1
            state.open -= 1
            return state.closed ? .nobody : state.grantToNextWaiter(.slot)
        }
        handOver.resume()
    }

    // MARK: Waiting in line

    private func acquireGrant() async throws -> Grant {
        let here = loops.count > 1 ? loops.firstIndex(where: \.inEventLoop) : nil
        let immediate = try state.withLock { state throws -> Grant? in
            if state.closed {
                throw PostgresError(code: .poolClosed, message: "the database pool is shut down")
            }
            // Prefer a connection of the loop the caller already runs on: no hop.
            if state.queue.isEmpty, let here, let index = state.idle.lastIndex(where: { $0.loop === loops[here] }) {
                state.leased += 1
                return .connection(state.idle.remove(at: index))
            }
            if state.queue.isEmpty, let connection = state.idle.popLast() {
                state.leased += 1
                return .connection(connection)
            }
            if state.queue.isEmpty, state.open < configuration.size {
                state.open += 1
                state.leased += 1
                return .slot
            }
            return nil
        }
        if let immediate { return immediate }
        return try await waitInLine()
    }

    private func waitInLine() async throws -> Grant {
        let waitStarted = ContinuousClock.now
        defer { Self.waits.record(duration: ContinuousClock.now - waitStarted) }
        let id = state.withLock { $0.enqueue() }
        let timeout = configuration.acquireTimeout
        let grant = await withTaskGroup(of: Grant?.self) { group in
            group.addTask { try? await self.suspend(id) }
            group.addTask {
                // Not Task.sleep: its cancelled timers would hold memory for the whole timeout.
                _ = await DeadlineTimer.shared.wait(for: timeout)
                return nil
            }
            var grant: Grant?
            while let result = await group.next() {
                if let result { grant = result }
                group.cancelAll()
            }
            return grant
        }
        state.withLock { $0.forget(id) }
        if let grant { return grant }
        try Task.checkCancellation()
        let statistics = self.statistics
        state.withLock { $0.acquireTimeouts += 1 }
        logger.warning(
            "No database connection became free in time",
            metadata: ["db.pool.size": "\(statistics.size)", "db.pool.waiting": "\(statistics.waiting)"]
        )
        throw PostgresError(
            code: .poolTimeout,
            message: "all \(configuration.size) database connections stayed busy for \(timeout); try again, or raise database.pool.size"
        )
    }

    private func suspend(_ id: UInt64) async throws -> Grant {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Grant, any Error>) in
                let outcome = state.withLock { $0.install(continuation, for: id) }
                switch outcome {
                case .waiting: break
                case .granted(let grant): continuation.resume(returning: grant)
                case .cancelled: continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            if let continuation = state.withLock({ $0.cancel(id) }) {
                continuation.resume(throwing: CancellationError())
            }
        }
    }
}

/// What a caller in line receives: an open connection, or the right to open one.
enum Grant: Sendable {
    case connection(PipelinedConnection)
    case slot
}

/// The pool's mutable state, guarded by its mutex.
struct PoolState {
    enum Waiter {
        /// In line, continuation not yet installed.
        case pending
        /// In line, suspended.
        case waiting(CheckedContinuation<Grant, any Error>)
        /// Granted before the continuation was installed.
        case granted(Grant)
        /// Cancelled before the continuation was installed.
        case cancelled
    }

    enum InstallOutcome {
        case waiting
        case granted(Grant)
        case cancelled
    }

    var idle: [PipelinedConnection] = []
    /// Every open connection, idle or lent out, so shutdown can close them all.
    var everyConnection: [ObjectIdentifier: PipelinedConnection] = [:]
    /// Round-robin over the event loops.
    var nextLoop = 0
    /// Connections open, being opened, or lent out.
    var open = 0
    /// Grants held by callers (connections lent out or being opened).
    var leased = 0
    var closed = false
    var queue: [UInt64] = []
    var waiters: [UInt64: Waiter] = [:]
    var nextID: UInt64 = 0
    var connectionsOpened = 0
    var connectionsDiscarded = 0
    var acquireTimeouts = 0

    mutating func enqueue() -> UInt64 {
        nextID += 1
        queue.append(nextID)
        waiters[nextID] = .pending
        return nextID
    }

    mutating func install(_ continuation: CheckedContinuation<Grant, any Error>, for id: UInt64) -> InstallOutcome {
        switch waiters[id] {
        case .pending:
            waiters[id] = .waiting(continuation)
            return .waiting
        case .granted(let grant):
            waiters[id] = nil
            return .granted(grant)
        case .cancelled, .waiting, nil:
            waiters[id] = nil
            return .cancelled
        }
    }

    mutating func cancel(_ id: UInt64) -> CheckedContinuation<Grant, any Error>? {
        switch waiters[id] {
        case .waiting(let continuation):
            waiters[id] = nil
            queue.removeAll { $0 == id }
            return continuation
        case .pending:
            waiters[id] = .cancelled
            queue.removeAll { $0 == id }
            return nil
        case .granted, .cancelled, nil:
            return nil
        }
    }

    /// Drops what is left of a waiter after its wait ended.
    mutating func forget(_ id: UInt64) {
        queue.removeAll { $0 == id }
        waiters[id] = nil
    }

    /// What became of a grant offered to the line.
    enum Handover {
        /// A suspended caller takes it: resume the continuation outside the lock.
        case resumeWaiter(CheckedContinuation<Grant, any Error>, Grant)
        /// Parked for a caller that has not suspended yet; it picks the grant up itself.
        case parked
        /// Nobody waits: the grant's resources stay with the giver.
        case nobody

        func resume() {
            if case .resumeWaiter(let continuation, let grant) = self { continuation.resume(returning: grant) }
        }
    }

    /// Offers `grant` to the first caller in line, counting it as leased when taken.
    mutating func grantToNextWaiter(_ grant: Grant) -> Handover {
        while !queue.isEmpty {
            let id = queue.removeFirst()
            switch waiters[id] {
            case .waiting(let continuation):
                waiters[id] = nil
                take(grant)
                return .resumeWaiter(continuation, grant)
            case .pending:
                waiters[id] = .granted(grant)
                take(grant)
                return .parked
            case .granted, .cancelled, nil:
                continue
            }
        }
        return .nobody
    }

    private mutating func take(_ grant: Grant) {
        leased += 1
        if case .slot = grant { open += 1 }
    }

    mutating func removeAllWaiters() -> [CheckedContinuation<Grant, any Error>] {
        var continuations: [CheckedContinuation<Grant, any Error>] = []
        for id in queue {
            if case .waiting(let continuation) = waiters[id] { continuations.append(continuation) }
            waiters[id] = .cancelled
        }
        queue.removeAll()
        return continuations
    }
}
