import Testing

@testable import WorkbenchPostgres

/// The result-collecting rules of pipeline mode, without a database: what libpq's
/// `PQgetResult` returns, fed in order.
@Suite("Collecting a pipeline's results")
struct PipelineReaderTests {
    typealias Step = PipelineReader.Step
    typealias Event = PipelineReader.Event

    static func rows(_ affected: Int) -> Event {
        .result(.rows(PostgresRows(columns: [], columnTypes: [], values: [], affectedRows: affected)))
    }
    static let boom = PostgresError(code: .server, message: "division by zero", sqlState: SQLState(rawValue: "22012"))

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var steps: [Step]
        var statements: Int
        var events: [Event]
        /// Expected affected rows per statement, or nil for an error with that message.
        var expected: [Int?]
        var prepared: [String]
        var complete = true
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "two statements and a sync", steps: [.statement(0), .statement(1), .sync], statements: 2,
            events: [rows(1), .end, rows(2), .end, .result(.pipelineSync)], expected: [1, 2], prepared: []
        ),
        Case(
            name: "a prepare before its statement", steps: [.prepare(name: "a"), .statement(0), .sync], statements: 1,
            events: [rows(0), .end, rows(3), .end, .result(.pipelineSync)], expected: [3], prepared: ["a"]
        ),
        Case(
            name: "an error in the middle aborts what follows", steps: [.statement(0), .statement(1), .statement(2), .sync],
            statements: 3,
            events: [rows(1), .end, .result(.failed(boom)), .end, .result(.aborted), .end, .result(.pipelineSync)],
            expected: [1, nil, nil], prepared: []
        ),
        Case(
            name: "a failed prepare fails its statement", steps: [.prepare(name: "bad"), .statement(0), .sync], statements: 1,
            events: [.result(.failed(boom)), .end, .result(.aborted), .end, .result(.pipelineSync)], expected: [nil], prepared: []
        ),
        Case(
            name: "a script keeps its last result", steps: [.script], statements: 1, events: [rows(1), rows(7), .end],
            expected: [7], prepared: []
        ),
        Case(
            name: "a script keeps its first error", steps: [.script], statements: 1, events: [rows(1), .result(.failed(boom)), .end],
            expected: [nil], prepared: []
        ),
        Case(
            name: "results split over several reads leave the batch incomplete",
            steps: [.statement(0), .statement(1), .sync], statements: 2, events: [rows(1), .end], expected: [1, nil],
            prepared: [], complete: false
        ),
    ]

    @Test(arguments: cases)
    func collects(_ example: Case) throws {
        var reader = PipelineReader(steps: example.steps, statementCount: example.statements)
        for event in example.events { try reader.consume(event) }
        #expect(reader.isComplete == example.complete)
        #expect(reader.prepared == example.prepared)
        for (index, expected) in example.expected.enumerated() {
            switch (reader.outcomes[index], expected) {
            case (.success(let rows)?, let affected?):
                #expect(rows.affectedRows == affected)
            case (.failure(let error)?, nil):
                #expect(error.message == "division by zero")
            case (nil, nil) where !example.complete:
                break
            default:
                Issue.record("statement \(index): got \(String(describing: reader.outcomes[index])), expected \(String(describing: expected))")
            }
        }
    }

    @Test func outOfOrderAnswersAreRefused() {
        var early = PipelineReader(steps: [.statement(0), .sync], statementCount: 1)
        #expect(throws: PipelineReader.OutOfOrder.self) { try early.consume(.result(.pipelineSync)) }

        var late = PipelineReader(steps: [.statement(0), .sync], statementCount: 1)
        #expect(throws: Never.self) {
            try late.consume(Self.rows(1))
            try late.consume(.end)
        }
        #expect(throws: PipelineReader.OutOfOrder.self) { try late.consume(Self.rows(1)) }

        var done = PipelineReader(steps: [.statement(0), .sync], statementCount: 1)
        #expect(throws: Never.self) {
            for event in [Self.rows(1), .end, .result(.pipelineSync)] { try done.consume(event) }
        }
        #expect(throws: PipelineReader.OutOfOrder.self) { try done.consume(Self.rows(1)) }
    }
}
