import CLibPQ
import Foundation
import Glibc
import Synchronization

/// One libpq connection in non-blocking mode, driven by socket readiness on a
/// ``PostgresEventLoop``: the pool's connections are of this kind.
///
/// A batch goes out with `PQsendPrepare`/`PQsendQueryPrepared` (or `PQsendQuery` for a
/// script) and `PQpipelineSync`, then `PQflush` until libpq has sent everything (waiting for
/// the socket to be writable when it cannot); each time the socket is readable,
/// `PQconsumeInput` runs once and `PQgetResult` is called while `PQisBusy` says it will not
/// block. Nothing here ever blocks the loop's thread. The rules (one batch at a time, the
/// cancel grace period, closing on failure) live in ``ConnectionStateMachine``; the results
/// are collected by ``PipelineReader``.
///
/// All state is confined to the loop's thread; the few facts other threads read (open,
/// reusable) are published under a lock.
final class PipelinedConnection: @unchecked Sendable {
    /// What other threads may read.
    struct Published {
        var closed = false
        /// Open, idle and outside a transaction: fit to go back to the pool.
        var reusable = false
        /// A cancel request is on its way to the server.
        var cancelling = false
        /// The socket libpq talks through (-1 when closed), for ``probeIdle()``.
        var socket: Int32 = -1
    }

    private struct InFlight {
        var id: UInt64
        var reader: PipelineReader
        var continuation: CheckedContinuation<[Result<PostgresRows, PostgresError>], any Error>
        var names: [String]
        /// Counted in the pool's in-flight gauge (it reached libpq).
        var counted = false
        var wantsWrite = false
        var deadlineTimer: UInt64?

        /// The statement whose results are awaited, for errors and logs.
        var currentStatement: String {
            switch reader.currentStep {
            case .prepare(let name): "prepare \(name)"
            case .statement(let index): index < names.count ? names[index] : "statement \(index + 1)"
            case .script: names.first ?? "script"
            case .sync, nil: "sync"
            }
        }
    }

    /// The loop that drives this connection.
    let loop: PostgresEventLoop
    /// How long the server has to answer a cancel request before the connection is given up.
    let cancelGrace: Duration
    /// Counts the batches in flight over the pool's connections.
    private let inFlightGauge: InFlightGauge?
    /// The backend process id serving this connection.
    private(set) var backendPID: Int32 = 0

    private let published = Mutex(Published())
    private let queued = Mutex<[DeferredStatement]>([])
    /// The session-level identity in force (a caller's scope) and the borrower's.
    private let identity = Mutex(SessionIdentityTracker())

    // Loop-confined.
    private var handle: OpaquePointer?
    private var socket: Int32 = -1
    private var token: UInt64?
    private var watching: UInt32 = 0
    private var machine = ConnectionStateMachine()
    private var preparedNames: Set<String> = []
    private var nextBatchID: UInt64 = 0
    private var inFlight: InFlight?
    private var graceTimer: UInt64?
    private var cancelToken: CancelToken?
    /// Cancel requests sent and not yet confirmed by the server (libpq's `PQcancel` returns
    /// once the server has read the request and closed its side, after signalling the backend),
    /// and the callers waiting for them. Not loop-confined: the cancel's own thread confirms
    /// it, so a wait ends even when the loop has stopped.
    private let cancels = Mutex(CancelRequests())

    struct CancelRequests {
        var unconfirmed = 0
        var waiters: [UInt64: CheckedContinuation<Bool, Never>] = [:]
        /// Waits that ended (timed out) before their continuation was registered.
        var abandoned: Set<UInt64> = []
        var nextWaiter: UInt64 = 0
    }
    private var connecting: CheckedContinuation<Void, any Error>?
    private var connectTimer: UInt64?

    private init(loop: PostgresEventLoop, cancelGrace: Duration, inFlightGauge: InFlightGauge?) {
        self.loop = loop
        self.cancelGrace = cancelGrace
        self.inFlightGauge = inFlightGauge
    }

    // MARK: Opening

    /// Opens a connection on `loop` and sets up its session (statement timeout, time zone,
    /// date style). Never waits longer than the settings' connect timeout; cancellable.
    static func connect(
        settings: PostgresConnectionSettings, on loop: PostgresEventLoop, cancelGrace: Duration, inFlightGauge: InFlightGauge? = nil
    ) async throws -> PipelinedConnection {
        let connection = PipelinedConnection(loop: loop, cancelGrace: cancelGrace, inFlightGauge: inFlightGauge)
        let timeout = Duration.seconds(max(1, settings.connectTimeoutSeconds))
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                loop.execute { connection.startConnecting(settings: settings, timeout: timeout, continuation: continuation) }
            }
        } onCancel: {
            loop.execute { connection.abortConnecting(CancellationError()) }
        }
        do {
            let timeoutMilliseconds = settings.statementTimeout.map { String($0.milliseconds) } ?? "0"
            _ = try await connection.execute(
                [BoundStatement(Self.sessionSetup, [timeoutMilliseconds, settings.timeZone])], deadline: timeout
            )
        } catch {
            connection.close()
            throw error
        }
        return connection
    }

    private static let sessionSetup = PostgresStatement(
        unnamed: """
            SELECT set_config('statement_timeout', $1, false), set_config('TimeZone', $2, false),
                   set_config('DateStyle', 'ISO, YMD', false), set_config('IntervalStyle', 'iso_8601', false)
            """
    )

    private func startConnecting(settings: PostgresConnectionSettings, timeout: Duration, continuation: CheckedContinuation<Void, any Error>) {
        // Keywords before `dbname` are defaults the conninfo may override (libpq applies an
        // expanded dbname in place); keywords after it would override the operator's choice.
        let keywords = ["fallback_application_name", "connect_timeout", "client_encoding", "dbname"]
        let values = [settings.applicationName, String(settings.connectTimeoutSeconds), "UTF8", settings.conninfo]
        let started = CStringArray.with(keywords) { keywordPointers in
            CStringArray.with(values) { valuePointers in PQconnectStartParams(keywordPointers, valuePointers, 1) }
        }
        guard let started else {
            continuation.resume(throwing: PostgresError(code: .connectionFailed, message: "libpq could not allocate a connection"))
            return
        }
        handle = started
        guard PQstatus(started) != CONNECTION_BAD else {
            let message = PostgresResultReader.errorMessage(of: started)
            closeHandle()
            machine = ConnectionStateMachine()
            _ = machine.closeRequested()
            continuation.resume(throwing: PostgresError(code: .connectionFailed, message: message))
            return
        }
        connecting = continuation
        connectTimer = loop.schedule(after: timeout) { [self] in
            connectTimer = nil
            abortConnecting(
                PostgresError(code: .connectionFailed, message: "the database did not complete the connection within \(timeout)")
            )
        }
        // As if PQconnectPoll had answered PGRES_POLLING_WRITING.
        watch(PQsocket(started), for: Readiness.writable)
    }

    private func pollConnecting() {
        guard let handle, connecting != nil else { return }
        switch PQconnectPoll(handle) {
        case PGRES_POLLING_READING:
            watch(PQsocket(handle), for: Readiness.readable)
        case PGRES_POLLING_WRITING:
            watch(PQsocket(handle), for: Readiness.writable)
        case PGRES_POLLING_OK:
            finishConnecting()
        default:
            abortConnecting(PostgresError(code: .connectionFailed, message: PostgresResultReader.errorMessage(of: handle)))
        }
    }

    private func finishConnecting() {
        guard let handle, let continuation = connecting else { return }
        connecting = nil
        if let connectTimer { loop.cancelTimer(connectTimer) }
        connectTimer = nil
        guard PQsetnonblocking(handle, 1) == 0 else {
            abortConnecting(PostgresError(code: .connectionFailed, message: PostgresResultReader.errorMessage(of: handle)))
            return
        }
        // Server notices (e.g. "relation already exists, skipping") would go to stderr.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        backendPID = PQbackendPID(handle)
        cancelToken = PQgetCancel(handle).map(CancelToken.init)
        watch(PQsocket(handle), for: Readiness.readable)
        _ = machine.connected()
        publish()
        continuation.resume()
    }

    private func abortConnecting(_ error: any Error) {
        guard let continuation = connecting else { return }
        connecting = nil
        if let connectTimer { loop.cancelTimer(connectTimer) }
        connectTimer = nil
        _ = machine.closeRequested()
        closeHandle()
        continuation.resume(throwing: error)
    }

    // MARK: Running batches

    /// Queues a statement to travel with the next batch (see ``PostgresSession``).
    func enqueue(_ statement: DeferredStatement) {
        queued.withLock { $0.append(statement) }
    }

    /// Forgets queued statements that were never sent (a rolled-back transaction).
    func dropQueued() {
        queued.withLock { $0.removeAll() }
    }

    /// True when statements wait for the next batch.
    var hasQueued: Bool { queued.withLock { !$0.isEmpty } }

    /// A new borrower has the connection: it wants no session identity until it asks.
    func borrowerChanged() {
        identity.withLock { $0.borrowerChanged() }
    }

    /// The borrower wants `wanted` (nil: none) in force from its next round trip on.
    func want(_ wanted: SessionIdentity?) {
        identity.withLock { $0.want(wanted) }
    }

    /// A transaction ended without a round trip of ``execute(_:deadline:)`` (a rollback).
    func transactionAbandoned() {
        identity.withLock { $0.abandon() }
    }

    /// Sends the queued statements and `statements` in one pipeline and returns the rows of
    /// `statements`. A queued statement's error (or its check's) is thrown first, in order.
    /// When the session's identity must change for the borrower, the statement that changes
    /// it goes first, in the same transaction: if it fails, nothing after it runs.
    func execute(_ statements: [BoundStatement], deadline: Duration? = nil) async throws -> [PostgresRows] {
        let deferred = queued.withLock { queue -> [DeferredStatement] in
            defer { queue.removeAll() }
            return queue
        }
        let opening = identity.withLock { $0.opening() }.map { [$0] } ?? []
        if opening.isEmpty && deferred.isEmpty && statements.isEmpty { return [] }
        let outcomes: [Result<PostgresRows, PostgresError>]
        do {
            outcomes = try await run(.pipeline(opening + deferred.map(\.bound) + statements), deadline: deadline)
        } catch {
            identity.withLock { $0.roundTripEnded(succeeded: false, idle: false) }
            throw error
        }
        let succeeded = outcomes.allSatisfy { if case .success = $0 { true } else { false } }
        identity.withLock { $0.roundTripEnded(succeeded: succeeded, idle: isReusable) }
        if !opening.isEmpty { _ = try outcomes[0].get() }
        for (index, statement) in deferred.enumerated() {
            let rows = try outcomes[opening.count + index].get()
            try statement.check?(rows)
        }
        return try outcomes[(opening.count + deferred.count)...].map { try $0.get() }
    }

    /// Runs a parameterless script after sending whatever is queued; returns the rows of its
    /// last statement.
    func executeScript(_ sql: String, deadline: Duration? = nil) async throws -> PostgresRows {
        _ = try await execute([])
        do {
            return try await run(.script(sql), deadline: deadline)[0].get()
        } catch {
            // A script may have opened and abandoned a transaction of its own.
            identity.withLock { $0.abandon() }
            throw error
        }
    }

    /// Runs one batch and returns each statement's outcome. Throws when the batch could not
    /// run at all (closed, busy, broken, cancelled).
    ///
    /// Cancelling the calling task sends the server a cancel request; a server that has not
    /// answered within ``cancelGrace`` loses the connection and the batch fails. `deadline`
    /// does the same without a cancelled task.
    func run(_ batch: PostgresBatch, deadline: Duration? = nil) async throws -> [Result<PostgresRows, PostgresError>] {
        try Task.checkCancellation()
        let cancelled = Mutex(false)
        let id = Mutex<UInt64?>(nil)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                loop.execute { [self] in
                    guard !cancelled.withLock({ $0 }) else {
                        continuation.resume(throwing: CancellationError())
                        return
                    }
                    id.withLock { $0 = start(batch, deadline: deadline, continuation: continuation) }
                }
            }
        } onCancel: {
            cancelled.withLock { $0 = true }
            loop.execute { [self] in
                if let batch = id.withLock({ $0 }) { perform(machine.cancelRequested(batch)) }
            }
        }
    }

    /// Starts a batch; returns its id.
    private func start(
        _ batch: PostgresBatch, deadline: Duration?, continuation: CheckedContinuation<[Result<PostgresRows, PostgresError>], any Error>
    ) -> UInt64 {
        nextBatchID += 1
        let id = nextBatchID
        switch machine.submit(id) {
        case .send:
            break
        case .refuse(_, let reason):
            continuation.resume(throwing: Self.refusal(reason))
            return id
        default:
            preconditionFailure("submit answers send or refuse")
        }
        do {
            let steps = try send(batch)
            inFlight = InFlight(
                id: id, reader: PipelineReader(steps: steps, statementCount: batch.statementCount), continuation: continuation,
                names: batch.statementNames
            )
            inFlight?.counted = true
            inFlightGauge?.increment()
            if let deadline {
                inFlight?.deadlineTimer = loop.schedule(after: deadline) { [self] in perform(machine.cancelRequested(id)) }
            }
            publish()
            try flush()
        } catch {
            if inFlight == nil {
                inFlight = InFlight(id: id, reader: PipelineReader(steps: [], statementCount: 0), continuation: continuation, names: [])
            }
            perform(machine.connectionBroke())
        }
        return id
    }

    /// Hands the batch to libpq; returns the steps whose results will come back.
    private func send(_ batch: PostgresBatch) throws -> [PipelineReader.Step] {
        guard let handle else { throw PostgresResultReader.connectionError(handle: nil, statement: batch.statementNames.joined(separator: ", ")) }
        func check(_ status: Int32) throws {
            guard status == 1 else {
                throw PostgresResultReader.connectionError(handle: handle, statement: batch.statementNames.joined(separator: ", "))
            }
        }
        switch batch {
        case .script(let sql):
            if PQpipelineStatus(handle) != PQ_PIPELINE_OFF { try check(PQexitPipelineMode(handle)) }
            try check(PQsendQuery(handle, sql))
            return [.script]
        case .pipeline(let statements):
            if PQpipelineStatus(handle) == PQ_PIPELINE_OFF { try check(PQenterPipelineMode(handle)) }
            var steps: [PipelineReader.Step] = []
            var preparing: Set<String> = []
            for (index, bound) in statements.enumerated() {
                let count = Int32(bound.values.count)
                if let name = bound.statement.preparedName {
                    if !preparedNames.contains(name) && !preparing.contains(name) {
                        try check(PQsendPrepare(handle, name, bound.statement.sql, count, nil))
                        steps.append(.prepare(name: name))
                        preparing.insert(name)
                    }
                    try check(CStringArray.withOptional(bound.values) { PQsendQueryPrepared(handle, name, count, $0, nil, nil, 0) })
                } else {
                    try check(
                        CStringArray.withOptional(bound.values) { PQsendQueryParams(handle, bound.statement.sql, count, nil, $0, nil, nil, 0) }
                    )
                }
                steps.append(.statement(index))
            }
            try check(PQpipelineSync(handle))
            steps.append(.sync)
            return steps
        }
    }

    /// Pushes libpq's output buffer to the socket; watches for writability while some is left.
    private func flush() throws {
        guard let handle else { return }
        switch PQflush(handle) {
        case 0:
            inFlight?.wantsWrite = false
            watch(socket, for: Readiness.readable)
        case 1:
            inFlight?.wantsWrite = true
            watch(socket, for: Readiness.readable | Readiness.writable)
        default:
            throw PostgresResultReader.connectionError(handle: handle, statement: nil)
        }
    }

    /// The socket is ready.
    private func ready(_ events: UInt32) {
        if connecting != nil {
            pollConnecting()
            return
        }
        guard let handle else { return }
        if events & (Readiness.readable | Readiness.error) != 0 {
            guard PQconsumeInput(handle) == 1 else {
                perform(machine.connectionBroke())
                return
            }
        }
        guard inFlight != nil else {
            // Idle: the server closed the connection or sent a notice.
            if PQstatus(handle) != CONNECTION_OK { perform(machine.connectionBroke()) }
            return
        }
        if inFlight?.wantsWrite == true {
            do { try flush() } catch {
                perform(machine.connectionBroke())
                return
            }
        }
        collectResults()
    }

    /// Reads every result libpq can give without blocking.
    private func collectResults() {
        guard let handle else { return }
        while let flight = inFlight, !flight.reader.isComplete {
            guard PQstatus(handle) == CONNECTION_OK else {
                perform(machine.connectionBroke())
                return
            }
            guard PQisBusy(handle) == 0 else { return }
            let event: PipelineReader.Event
            if let result = PQgetResult(handle) {
                event = .result(PostgresResultReader.outcome(of: result, handle: handle, statement: flight.currentStatement))
                PQclear(result)
            } else {
                event = .end
            }
            do {
                try inFlight!.reader.consume(event)
            } catch {
                perform(machine.connectionBroke())
                return
            }
        }
        if let flight = inFlight, flight.reader.isComplete {
            perform(machine.batchCompleted(flight.id))
        }
    }

    // MARK: Actions

    private func perform(_ action: ConnectionStateMachine.Action) {
        switch action {
        case .none, .send, .refuse:
            break
        case .succeed(let id):
            guard let flight = inFlight, flight.id == id else { return }
            inFlight = nil
            clearTimers(of: flight)
            preparedNames.formUnion(flight.reader.prepared)
            publish()
            flight.continuation.resume(returning: flight.reader.outcomes.map { $0 ?? .success(.empty) })
        case .requestCancel(let id):
            if let token = cancelToken {
                // PQcancel blocks until the server has read the request: never on the loop.
                cancels.withLock { $0.unconfirmed += 1 }
                published.withLock { $0.cancelling = true }
                let thread = Thread { [self] in
                    token.send()
                    cancelConfirmed()
                }
                thread.name = "postgres-cancel"
                thread.start()
            }
            graceTimer = loop.schedule(after: cancelGrace) { [self] in
                graceTimer = nil
                perform(machine.graceExpired(id))
            }
        case .failAndClose(let id, let failure):
            let error = error(for: failure)
            if let flight = inFlight, id == nil || flight.id == id {
                inFlight = nil
                clearTimers(of: flight)
                closeHandle()
                flight.continuation.resume(throwing: error)
            } else {
                closeHandle()
            }
        case .close:
            closeHandle()
        }
    }

    private func clearTimers(of flight: InFlight) {
        if flight.counted { inFlightGauge?.decrement() }
        if let timer = flight.deadlineTimer { loop.cancelTimer(timer) }
        if let graceTimer { loop.cancelTimer(graceTimer) }
        graceTimer = nil
    }

    private func error(for failure: ConnectionStateMachine.Failure) -> PostgresError {
        switch failure {
        case .broken:
            var error = PostgresResultReader.connectionError(handle: handle, statement: nil)
            error.code = .connectionLost
            return error
        case .noAnswerAfterCancel:
            return PostgresError(
                code: .connectionLost,
                message: "the database did not answer a cancel request within \(cancelGrace); the connection was closed"
            )
        case .closed:
            return PostgresError(code: .poolClosed, message: "the database pool is shut down")
        }
    }

    private static func refusal(_ reason: ConnectionStateMachine.Refusal) -> PostgresError {
        switch reason {
        case .busy:
            PostgresError(code: .client, message: "the connection is already running a statement; a session is used by one statement at a time")
        case .closed:
            PostgresError(code: .connectionLost, message: "the connection is closed")
        case .connecting:
            PostgresError(code: .client, message: "the connection is still opening")
        }
    }

    // MARK: Closing

    /// Closes the connection (from any thread); a running batch fails with `poolClosed`.
    func close() {
        loop.execute { [self] in perform(machine.closeRequested()) }
    }

    private func closeHandle() {
        if let token { loop.unregister(socket, token: token) }
        token = nil
        watching = 0
        socket = -1
        if let handle { PQfinish(handle) }
        handle = nil
        cancelToken = nil
        preparedNames.removeAll()
        published.withLock { $0 = Published(closed: true, reusable: false) }
    }

    // MARK: State for other threads

    /// True once closed or broken.
    var isClosed: Bool { published.withLock { $0.closed } }

    /// Whether an idle connection is still open, checked before the pool lends it: the socket
    /// is peeked at without reading (no round trip, no hop to the loop). Only when the server
    /// closed it or sent something unasked (the FATAL a terminated backend sends before it
    /// closes) does libpq read it, on the loop, to tell which.
    func probeIdle() async -> Bool {
        let (closed, descriptor) = published.withLock { ($0.closed, $0.socket) }
        guard !closed, descriptor >= 0 else { return false }
        var byte: UInt8 = 0
        let peeked = recv(descriptor, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        if peeked < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return true }
        return await withCheckedContinuation { continuation in
            loop.execute { [self] in
                ready(Readiness.readable)
                continuation.resume(returning: handle != nil && !published.withLock { $0.closed })
            }
        }
    }

    /// Waits (at most `timeout`) until every cancel request this connection sent has reached
    /// the server. A cancelled statement's result can come back before its request is
    /// confirmed; a connection lent again in that moment could see the late signal cancel its
    /// next statement. The pool asks this before it takes a connection back.
    ///
    /// - Returns: False when a request was still unconfirmed at `timeout`.
    func cancelRequestsSettled(within timeout: Duration) async -> Bool {
        guard published.withLock({ $0.cancelling }) else { return true }
        // An unstructured task: the borrower handing the connection back was often cancelled
        // (that is why it sent a cancel), and the wait must not end with it.
        return await Task { await waitForCancelConfirmations(within: timeout) }.value
    }

    private func waitForCancelConfirmations(within timeout: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            let id = cancels.withLock { requests -> UInt64 in
                requests.nextWaiter += 1
                return requests.nextWaiter
            }
            group.addTask {
                await withCheckedContinuation { continuation in
                    let settled = self.cancels.withLock { requests -> Bool? in
                        if requests.abandoned.remove(id) != nil { return false }
                        guard requests.unconfirmed > 0 else { return true }
                        requests.waiters[id] = continuation
                        return nil
                    }
                    if let settled { continuation.resume(returning: settled) }
                }
            }
            group.addTask {
                _ = await DeadlineTimer.shared.wait(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            // Whichever came first, release the other: a waiter still registered is resumed.
            let waiting = cancels.withLock { requests -> CheckedContinuation<Bool, Never>? in
                if let waiter = requests.waiters.removeValue(forKey: id) { return waiter }
                if first == false { requests.abandoned.insert(id) }
                return nil
            }
            waiting?.resume(returning: false)
            group.cancelAll()
            return first
        }
    }

    /// A cancel request reached the server (called on the cancel's own thread).
    private func cancelConfirmed() {
        let waiters = cancels.withLock { requests -> [CheckedContinuation<Bool, Never>] in
            requests.unconfirmed -= 1
            guard requests.unconfirmed == 0 else { return [] }
            defer { requests.waiters.removeAll() }
            return Array(requests.waiters.values)
        }
        guard cancels.withLock({ $0.unconfirmed == 0 }) else { return }
        published.withLock { $0.cancelling = false }
        for waiter in waiters { waiter.resume(returning: true) }
    }

    /// Open, idle and outside a transaction.
    var isReusable: Bool { published.withLock { $0.reusable } }

    private func publish() {
        let reusable: Bool
        if let handle, inFlight == nil, PQstatus(handle) == CONNECTION_OK {
            reusable = PQtransactionStatus(handle) == PQTRANS_IDLE
        } else {
            reusable = false
        }
        let closed = handle == nil
        let cancelling = cancels.withLock { $0.unconfirmed > 0 }
        let socket = self.socket
        published.withLock { $0 = Published(closed: closed, reusable: reusable, cancelling: cancelling, socket: socket) }
    }

    // MARK: Watching the socket

    /// While registered, the loop's handler holds the connection: it lives until it is closed.
    private func watch(_ descriptor: Int32, for events: UInt32) {
        if descriptor != socket {
            if let token { loop.unregister(socket, token: token) }
            token = nil
            socket = descriptor
            watching = 0
            guard descriptor >= 0 else { return }
            token = loop.register(descriptor, for: events) { ready in self.ready(ready) }
            watching = events
            return
        }
        guard let token, events != watching else { return }
        loop.modify(descriptor, token: token, events: events)
        watching = events
    }
}
