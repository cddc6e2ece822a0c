/// Collects the results of one batch sent to libpq, step by step, without touching libpq:
/// the connection feeds it what `PQgetResult` returns and reads the outcome when it is
/// complete. Kept free of I/O so that its rules are tested without a database.
///
/// In pipeline mode every prepared statement and every query answers with its result(s)
/// followed by an end marker (`PQgetResult` returning NULL); after the first error the
/// following queries answer `PGRES_PIPELINE_ABORTED`; the sync point answers
/// `PGRES_PIPELINE_SYNC`. A script (simple query protocol, several `;`-separated statements)
/// answers with one result per statement and one end marker.
struct PipelineReader {
    /// What the batch waits for, in order.
    enum Step: Equatable, Sendable {
        /// `PQsendPrepare` of a named statement.
        case prepare(name: String)
        /// The batch's statement at this index.
        case statement(Int)
        /// `PQpipelineSync`.
        case sync
        /// A simple-protocol script (outside pipeline mode); its outcome is statement 0's.
        case script
    }

    /// What `PQgetResult` returned.
    enum Event {
        /// A result.
        case result(PostgresResultReader.Outcome)
        /// NULL: the current step's results are over.
        case end
    }

    /// The server answered out of order: the connection cannot be trusted any more.
    struct OutOfOrder: Error, Equatable {
        /// What was expected and what came.
        var message: String
    }

    private let steps: [Step]
    private var position = 0
    private var rows: PostgresRows?
    private var error: PostgresError?
    private var aborted = false

    /// Each statement's outcome, by index; nil until its step completes.
    private(set) var outcomes: [Result<PostgresRows, PostgresError>?]
    /// Names whose `PQsendPrepare` succeeded.
    private(set) var prepared: [String] = []
    /// The first error of the batch, in order.
    private(set) var firstError: PostgresError?

    /// A reader for `steps`, which mention statements `0..<statementCount`.
    init(steps: [Step], statementCount: Int) {
        self.steps = steps
        self.outcomes = Array(repeating: nil, count: statementCount)
    }

    /// True when every step has its outcome.
    var isComplete: Bool { position == steps.count }

    /// The step results are awaited for, if any.
    var currentStep: Step? { isComplete ? nil : steps[position] }

    /// Feeds one event.
    mutating func consume(_ event: Event) throws(OutOfOrder) {
        guard let step = currentStep else {
            if case .end = event { return }
            throw OutOfOrder(message: "a result arrived after the batch was complete")
        }
        switch (step, event) {
        case (.sync, .result(.pipelineSync)):
            position += 1
        case (.sync, .end):
            // Tolerated: nothing is pending between a step's end and the sync.
            break
        case (.sync, .result):
            throw OutOfOrder(message: "expected the pipeline's sync point, got a statement result")
        case (_, .result(.pipelineSync)):
            throw OutOfOrder(message: "got the pipeline's sync point before every statement had answered")
        case (_, .result(.rows(let result))):
            rows = result
        case (_, .result(.failed(let failure))):
            if error == nil { error = failure }
        case (_, .result(.aborted)):
            aborted = true
        case (_, .end):
            finish(step)
            position += 1
        }
    }

    private mutating func finish(_ step: Step) {
        defer {
            rows = nil
            error = nil
            aborted = false
        }
        let outcome: Result<PostgresRows, PostgresError>
        if let error {
            outcome = .failure(error)
            if firstError == nil { firstError = error }
        } else if aborted {
            outcome = .failure(
                firstError ?? PostgresError(code: .server, message: "the statement was skipped after an earlier statement of its pipeline failed")
            )
        } else {
            outcome = .success(rows ?? .empty)
        }
        switch step {
        case .prepare(let name):
            if case .success = outcome { prepared.append(name) }
        case .statement(let index):
            outcomes[index] = outcome
        case .script:
            outcomes[0] = outcome
        case .sync:
            break
        }
    }
}
