import Testing

@testable import WorkbenchPostgres

/// The rules of one pooled connection, without I/O: one batch at a time, the cancel grace
/// period, closing on failure.
@Suite("The connection state machine")
struct ConnectionStateMachineTests {
    enum Event: Sendable {
        case connected, submit(UInt64), completed(UInt64), broke, cancel(UInt64), grace(UInt64), close
    }
    typealias Action = ConnectionStateMachine.Action
    typealias State = ConnectionStateMachine.State

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var steps: [(Event, Action)]
        var end: State
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a batch runs and completes", steps: [(.connected, .none), (.submit(1), .send(batch: 1)), (.completed(1), .succeed(batch: 1))],
            end: .idle),
        Case(name: "nothing runs while connecting", steps: [(.submit(1), .refuse(batch: 1, .connecting))], end: .connecting),
        Case(
            name: "a second batch while one runs is refused",
            steps: [(.connected, .none), (.submit(1), .send(batch: 1)), (.submit(2), .refuse(batch: 2, .busy)), (.completed(1), .succeed(batch: 1))],
            end: .idle
        ),
        Case(
            name: "a cancel that the server answers",
            steps: [
                (.connected, .none), (.submit(1), .send(batch: 1)), (.cancel(1), .requestCancel(batch: 1)), (.cancel(1), .none),
                (.completed(1), .succeed(batch: 1)), (.grace(1), .none),
            ],
            end: .idle
        ),
        Case(
            name: "a cancel the server does not answer closes the connection",
            steps: [
                (.connected, .none), (.submit(1), .send(batch: 1)), (.cancel(1), .requestCancel(batch: 1)),
                (.grace(1), .failAndClose(batch: 1, .noAnswerAfterCancel)), (.completed(1), .none), (.submit(2), .refuse(batch: 2, .closed)),
            ],
            end: .closed
        ),
        Case(
            name: "a cancel for a finished batch is ignored",
            steps: [
                (.connected, .none), (.submit(1), .send(batch: 1)), (.completed(1), .succeed(batch: 1)), (.cancel(1), .none), (.grace(1), .none),
            ],
            end: .idle
        ),
        Case(
            name: "a grace timer without a cancel does nothing",
            steps: [(.connected, .none), (.submit(1), .send(batch: 1)), (.grace(1), .none)], end: .running(batch: 1, cancelling: false)
        ),
        Case(
            name: "a broken socket fails the running batch",
            steps: [(.connected, .none), (.submit(1), .send(batch: 1)), (.broke, .failAndClose(batch: 1, .broken)), (.broke, .none)],
            end: .closed
        ),
        Case(
            name: "an idle connection that breaks closes", steps: [(.connected, .none), (.broke, .failAndClose(batch: nil, .broken))], end: .closed),
        Case(
            name: "closing fails the running batch",
            steps: [(.connected, .none), (.submit(1), .send(batch: 1)), (.close, .failAndClose(batch: 1, .closed)), (.close, .none)],
            end: .closed
        ),
        Case(
            name: "closing an idle connection", steps: [(.connected, .none), (.close, .close), (.submit(1), .refuse(batch: 1, .closed))], end: .closed
        ),
    ]

    @Test(arguments: cases)
    func follows(_ example: Case) {
        var machine = ConnectionStateMachine()
        for (index, (event, expected)) in example.steps.enumerated() {
            let action: Action
            switch event {
            case .connected: action = machine.connected()
            case .submit(let id): action = machine.submit(id)
            case .completed(let id): action = machine.batchCompleted(id)
            case .broke: action = machine.connectionBroke()
            case .cancel(let id): action = machine.cancelRequested(id)
            case .grace(let id): action = machine.graceExpired(id)
            case .close: action = machine.closeRequested()
            }
            #expect(action == expected, "step \(index + 1): \(event)")
        }
        #expect(machine.state == example.end)
    }
}
