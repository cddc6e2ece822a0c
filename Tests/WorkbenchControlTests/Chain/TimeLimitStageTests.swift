import Testing
import WorkbenchControl
import WorkbenchKit

@Suite("Time-limit stage: 504 for a command that does not finish")
struct TimeLimitStageTests {
    static let table = try! CommandTable(
        modules: [
            (
                ModuleDescriptor(id: "notes", alias: "note", title: "笔记", summary: ""),
                [CommandSpec("wait", synopsis: "Wait") { _ in .message("never") }]
            )
        ]
    )

    @Test func aCommandThatNeverFinishesIsCancelledWith504() async throws {
        let started = ContinuousClock.now
        let (outcome, _) = await StageProbe().run([TimeLimitStage(limit: .milliseconds(200))], try StageProbe.resolved("notes wait", in: Self.table))
        { _, _ in
            // Never finishes on its own: only cancellation ends it.
            try await Task.sleep(for: .seconds(3600))
            return .message("woke")
        }
        let elapsed = ContinuousClock.now - started
        let error = try #require(outcome.workbenchError)
        #expect(error.status.code == 504)
        #expect(error.code == "command.timeout")
        #expect(error.message == "the command took longer than 0.2 seconds and was cancelled; nothing was changed")
        #expect(elapsed < .seconds(30), "answered \(elapsed) after the start (the command would take an hour)")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var outcome: Result<Reply, WorkbenchError>
        var expected: Result<Reply, WorkbenchError>
        var testDescription: String { name }
    }

    static let refusal = WorkbenchError.ruleRefused("notes.refused", "no")

    /// What a command that outlives the limit ends with after cancellation decides the reply.
    @Test(arguments: [
        Case(
            name: "a cancelled 503 becomes 504", outcome: .failure(WorkbenchError(status: .unavailable, code: "command.cancelled", message: "x")),
            expected: .failure(
                WorkbenchError(
                    status: .timedOut, code: "command.timeout",
                    message: "the command took longer than 0.05 seconds and was cancelled; nothing was changed"))),
        Case(
            name: "a statement timeout becomes 504", outcome: .failure(WorkbenchError(status: .timedOut, code: "database.timeout", message: "x")),
            expected: .failure(
                WorkbenchError(
                    status: .timedOut, code: "command.timeout",
                    message: "the command took longer than 0.05 seconds and was cancelled; nothing was changed"))),
        Case(name: "a refusal of its own stays", outcome: .failure(refusal), expected: .failure(refusal)),
        Case(name: "a reply that came anyway stays", outcome: .success(.message("done")), expected: .success(.message("done"))),
    ])
    func aLateCommandsOwnOutcome(_ check: Case) async throws {
        let (outcome, _) = await StageProbe().run([TimeLimitStage(limit: .milliseconds(50))], try StageProbe.resolved("notes wait", in: Self.table)) {
            _, _ in
            // Outlive the limit, ignoring the cancellation, then end as the case says.
            try? await Task.sleep(for: .milliseconds(300))
            try? await Task.sleep(for: .milliseconds(300))
            return try check.outcome.get()
        }
        switch (outcome, check.expected) {
        case (.success(let reply), .success(let expected)): #expect(reply == expected)
        case (.failure, .failure(let expected)): #expect(outcome.workbenchError == expected)
        default: Issue.record("got \(outcome), expected \(check.expected)")
        }
    }

    @Test func aCommandWithinTheLimitAnswers() async throws {
        let (outcome, _) = await StageProbe().run([TimeLimitStage(limit: .seconds(30))], try StageProbe.resolved("notes wait", in: Self.table))
        #expect(outcome.reply == .message("reached"))
    }
}
