/// The life of one pooled connection, without I/O: which batch it runs, whether a cancel
/// was asked for, and when it must be given up. ``PipelinedConnection`` feeds it events
/// and performs the actions it returns, in the spirit of postgres-nio's state machines.
///
/// The rules it enforces:
/// - One batch at a time: a second submit while one runs is refused, never interleaved.
/// - A cancelled batch gets a cancel request and a grace period; if the server has not
///   answered when it passes, the batch fails and the connection is closed (a server that
///   does not answer a cancel does not get the connection back).
/// - A broken or closed connection fails its batch and refuses everything after.
struct ConnectionStateMachine: Equatable {
    /// Where the connection is.
    enum State: Equatable {
        /// Opening (`PQconnectPoll` and the session settings).
        case connecting
        /// Ready for a batch.
        case idle
        /// Running a batch; `cancelling` once a cancel request went out.
        case running(batch: UInt64, cancelling: Bool)
        /// Closed; nothing more runs.
        case closed
    }

    /// Why a batch failed without an answer from the server.
    enum Failure: Equatable, Sendable {
        /// The socket broke or libpq could not send.
        case broken
        /// A cancel request went out and the server did not answer within the grace period.
        case noAnswerAfterCancel
        /// The pool closed the connection (shutdown).
        case closed
    }

    /// Why a batch was not started.
    enum Refusal: Equatable, Sendable {
        /// Another batch is running on the connection.
        case busy
        /// The connection is closed or broken.
        case closed
        /// The connection is still opening.
        case connecting
    }

    /// What the connection must do.
    enum Action: Equatable {
        /// Nothing.
        case none
        /// Send the batch's statements and wait for their results.
        case send(batch: UInt64)
        /// Refuse the batch at once.
        case refuse(batch: UInt64, Refusal)
        /// Hand the collected results to the batch's caller.
        case succeed(batch: UInt64)
        /// Send a cancel request off the loop and start the grace timer.
        case requestCancel(batch: UInt64)
        /// Fail the batch (if any) and close the connection.
        case failAndClose(batch: UInt64?, Failure)
        /// Close the connection; no batch runs.
        case close
    }

    private(set) var state: State = .connecting

    /// The connection is open and its session is set up.
    mutating func connected() -> Action {
        guard state == .connecting else { return .none }
        state = .idle
        return .none
    }

    /// A caller hands over a batch.
    mutating func submit(_ batch: UInt64) -> Action {
        switch state {
        case .idle:
            state = .running(batch: batch, cancelling: false)
            return .send(batch: batch)
        case .connecting:
            return .refuse(batch: batch, .connecting)
        case .running:
            return .refuse(batch: batch, .busy)
        case .closed:
            return .refuse(batch: batch, .closed)
        }
    }

    /// Every result of the running batch has arrived.
    mutating func batchCompleted(_ batch: UInt64) -> Action {
        guard case .running(let running, _) = state, running == batch else { return .none }
        state = .idle
        return .succeed(batch: batch)
    }

    /// The socket broke, or libpq could not send or read.
    mutating func connectionBroke() -> Action {
        switch state {
        case .running(let batch, _):
            state = .closed
            return .failAndClose(batch: batch, .broken)
        case .idle, .connecting:
            state = .closed
            return .failAndClose(batch: nil, .broken)
        case .closed:
            return .none
        }
    }

    /// The caller of `batch` was cancelled (a command time limit, a client gone, shutdown).
    mutating func cancelRequested(_ batch: UInt64) -> Action {
        guard case .running(let running, let cancelling) = state, running == batch, !cancelling else { return .none }
        state = .running(batch: batch, cancelling: true)
        return .requestCancel(batch: batch)
    }

    /// The grace period after a cancel request passed.
    mutating func graceExpired(_ batch: UInt64) -> Action {
        guard case .running(let running, true) = state, running == batch else { return .none }
        state = .closed
        return .failAndClose(batch: batch, .noAnswerAfterCancel)
    }

    /// The pool closes the connection.
    mutating func closeRequested() -> Action {
        switch state {
        case .running(let batch, _):
            state = .closed
            return .failAndClose(batch: batch, .closed)
        case .idle, .connecting:
            state = .closed
            return .close
        case .closed:
            return .none
        }
    }
}
