import CEventPoll
import Foundation
import Glibc
import Synchronization

/// One thread that waits on `epoll` for the readiness of database sockets and runs
/// everything that touches them: libpq calls, their timers, and — as a `TaskExecutor` — the
/// Swift tasks that use those connections.
///
/// SwiftNIO's public API cannot watch a descriptor it does not own (libpq owns the
/// connection's socket and reads it itself), so the pool runs a small loop of its own.
/// A task that borrows a connection runs on the connection's loop
/// (`withTaskExecutorPreference`), so sending a statement, waiting for its socket and
/// resuming the task on its result happen on this one thread: no thread hop and no context
/// switch per statement, only per command.
///
/// Everything registered with the loop (descriptors, timers, connection state) is confined
/// to its thread. Other threads hand it work with ``execute(_:)``, which wakes it through an
/// `eventfd`. Once ``shutdown()`` has run, tasks enqueued here go to the global concurrent
/// executor and closures run on the caller's thread, one at a time.
public final class PostgresEventLoop: TaskExecutor, @unchecked Sendable {
    /// What other threads hand the loop.
    private enum Work: @unchecked Sendable {
        case job(UnownedJob)
        case closure(() -> Void)
    }

    private struct Inbox: @unchecked Sendable {
        var work: [Work] = []
        var stopped = false
    }

    private struct Timer {
        var deadline: ContinuousClock.Instant
        var id: UInt64
        var body: () -> Void
    }

    /// The loop's name, for its thread and logs.
    public let name: String
    private let epoll: Int32
    private let wakeDescriptor: Int32
    private let inbox = Mutex(Inbox())
    private let wakePending = Atomic<Bool>(false)
    private let loopThread = Mutex<pthread_t?>(nil)
    private let stoppedLock = NSLock()
    private let exited = Mutex<CheckedContinuation<Void, Never>?>(nil)
    private let hasExited = Atomic<Bool>(false)

    // Confined to the loop's thread.
    private var local: [Work] = []
    private var handlers: [UInt64: (UInt32) -> Void] = [:]
    private var timers: [Timer] = []
    private var nextToken: UInt64 = 1
    private var nextTimerID: UInt64 = 1
    private var running = true

    private static let wakeToken: UInt64 = 0

    /// Creates a loop and starts its thread.
    public init(name: String) {
        self.name = name
        epoll = dj_epoll_create()
        wakeDescriptor = dj_eventfd_create()
        precondition(epoll >= 0 && wakeDescriptor >= 0, "epoll or eventfd unavailable: errno \(dj_errno())")
        _ = dj_epoll_add(epoll, wakeDescriptor, dj_poll_in, Self.wakeToken)
        let thread = Thread { [self] in self.runLoop() }
        thread.name = name
        thread.start()
    }

    deinit {
        close(epoll)
        close(wakeDescriptor)
    }

    /// True on the loop's own thread.
    public var inEventLoop: Bool {
        guard let thread = loopThread.withLock({ $0 }) else { return false }
        return pthread_equal(thread, pthread_self()) != 0
    }

    /// Runs `body` on the loop's thread: at once when called there, otherwise soon.
    public func execute(_ body: @escaping @Sendable () -> Void) {
        if inEventLoop {
            body()
            return
        }
        enqueue(.closure(body))
    }

    /// `TaskExecutor`: runs a task's job on the loop's thread.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        if inEventLoop {
            local.append(.job(job))
            return
        }
        enqueue(.job(job))
    }

    private func enqueue(_ work: Work) {
        let accepted = inbox.withLock { inbox -> Bool in
            guard !inbox.stopped else { return false }
            inbox.work.append(work)
            return true
        }
        guard accepted else {
            runAfterShutdown(work)
            return
        }
        if !wakePending.exchange(true, ordering: .acquiringAndReleasing) {
            dj_eventfd_signal(wakeDescriptor)
        }
    }

    private func runAfterShutdown(_ work: Work) {
        switch work {
        case .job(let job):
            job.runSynchronously(on: globalConcurrentExecutor.asUnownedTaskExecutor())
        case .closure(let body):
            stoppedLock.withLock { body() }
        }
    }

    // MARK: Descriptors and timers (loop thread only)

    /// Watches `descriptor` for `events` (``Readiness``), calling `handler` with the bits that
    /// are ready. Returns the token that names the registration.
    func register(_ descriptor: Int32, for events: UInt32, handler: @escaping (UInt32) -> Void) -> UInt64 {
        precondition(inEventLoop, "register off the event loop")
        let token = nextToken
        nextToken += 1
        if dj_epoll_add(epoll, descriptor, events, token) != 0 && dj_errno() == EEXIST {
            _ = dj_epoll_modify(epoll, descriptor, events, token)
        }
        handlers[token] = handler
        return token
    }

    /// Changes the events a registered descriptor is watched for.
    func modify(_ descriptor: Int32, token: UInt64, events: UInt32) {
        _ = dj_epoll_modify(epoll, descriptor, events, token)
    }

    /// Stops watching a descriptor (before it is closed).
    func unregister(_ descriptor: Int32, token: UInt64) {
        _ = dj_epoll_remove(epoll, descriptor)
        handlers[token] = nil
    }

    /// Calls `body` on the loop after `delay`; returns an id for ``cancelTimer(_:)``.
    @discardableResult
    func schedule(after delay: Duration, _ body: @escaping () -> Void) -> UInt64 {
        precondition(inEventLoop, "schedule off the event loop")
        let id = nextTimerID
        nextTimerID += 1
        let timer = Timer(deadline: .now + delay, id: id, body: body)
        let index = timers.firstIndex { $0.deadline > timer.deadline } ?? timers.endIndex
        timers.insert(timer, at: index)
        return id
    }

    /// Forgets a timer that has not fired.
    func cancelTimer(_ id: UInt64) {
        timers.removeAll { $0.id == id }
    }

    // MARK: Shutdown

    /// Stops the loop once the work already handed to it has run, and waits for its thread
    /// to finish. Connections on it must be closed first.
    public func shutdown() async {
        guard !hasExited.load(ordering: .acquiring) else { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = exited.withLock { slot -> Bool in
                if hasExited.load(ordering: .acquiring) { return true }
                slot = continuation
                return false
            }
            if resumeNow {
                continuation.resume()
                return
            }
            enqueue(.closure { [self] in self.running = false })
        }
    }

    // MARK: The loop

    private func runLoop() {
        loopThread.withLock { $0 = pthread_self() }
        var tokens = [UInt64](repeating: 0, count: 64)
        var events = [UInt32](repeating: 0, count: 64)
        while running {
            runLocalWork()
            guard running else { break }
            let timeout = nextTimeout()
            let count = tokens.withUnsafeMutableBufferPointer { tokenBuffer in
                events.withUnsafeMutableBufferPointer { eventBuffer in
                    dj_epoll_wait(epoll, tokenBuffer.baseAddress, eventBuffer.baseAddress, 64, timeout)
                }
            }
            if count > 0 {
                for index in 0..<Int(count) {
                    let token = tokens[index]
                    if token == Self.wakeToken {
                        dj_eventfd_drain(wakeDescriptor)
                        wakePending.store(false, ordering: .releasing)
                    } else if let handler = handlers[token] {
                        handler(events[index])
                    }
                }
            }
            takeInbox()
            fireTimers()
        }
        // Stop taking work, then run what was handed over before the stop.
        let remaining = inbox.withLock { inbox -> [Work] in
            inbox.stopped = true
            defer { inbox.work.removeAll() }
            return inbox.work
        }
        local += remaining
        runLocalWork()
        hasExited.store(true, ordering: .releasing)
        exited.withLock { slot in
            slot?.resume()
            slot = nil
        }
    }

    private func takeInbox() {
        let work = inbox.withLock { inbox -> [Work] in
            guard !inbox.work.isEmpty else { return [] }
            defer { inbox.work.removeAll(keepingCapacity: true) }
            return inbox.work
        }
        local += work
    }

    private func runLocalWork() {
        var rounds = 0
        while !local.isEmpty && rounds < 64 {
            rounds += 1
            let batch = local
            local.removeAll(keepingCapacity: true)
            for work in batch {
                switch work {
                case .job(let job): job.runSynchronously(on: asUnownedTaskExecutor())
                case .closure(let body): body()
                }
            }
            takeInbox()
        }
    }

    private func nextTimeout() -> Int32 {
        if !local.isEmpty { return 0 }
        guard let first = timers.first else { return -1 }
        let remaining = first.deadline - .now
        if remaining <= .zero { return 0 }
        let milliseconds = remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1
        return Int32(clamping: milliseconds)
    }

    private func fireTimers() {
        let now = ContinuousClock.now
        while let first = timers.first, first.deadline <= now {
            timers.removeFirst()
            first.body()
        }
    }
}

/// Readiness bits for ``PostgresEventLoop/register(_:for:handler:)``.
enum Readiness {
    static let readable = dj_poll_in
    static let writable = dj_poll_out
    static let error = dj_poll_err | dj_poll_hup
}
