import Testing
import WorkbenchControl
import WorkbenchKit

@Suite("Binding stage: arguments and operands")
struct BindingStageTests {
    static let table = try! CommandTable(
        modules: [
            (
                ModuleDescriptor(id: "notes", alias: "note", title: "笔记", summary: ""),
                [
                    CommandSpec("add", synopsis: "Add", arguments: [.required("title", .string(), help: "Title")], mutates: true) { _ in .message("x")
                    },
                    CommandSpec("list", synopsis: "List", arguments: [.optional("n", .int(1...10), default: "5", help: "")]) { _ in .message("x") },
                ]
            )
        ],
        builtIns: [
            CommandSpec(local: "ping", synopsis: "Ping", operands: .noWords, isOpenToAnyone: true) { _ in .message("pong") },
            CommandSpec(local: "help", synopsis: "Help", operands: OperandSpec(usage: "[module [command…]]"), isOpenToAnyone: true) { _ in
                .message("help")
            },
        ]
    )

    struct Refusal: Sendable, CustomTestStringConvertible {
        var line: String
        var code: String
        var message: String
        var argument: String
        var testDescription: String { line }
    }

    @Test(arguments: [
        Refusal(line: "ping extra", code: "argument.unexpected_word", message: "'ping' takes no arguments", argument: "extra"),
        Refusal(line: "ping x=1", code: "argument.unexpected_word", message: "'ping' takes no arguments", argument: "x=1"),
        Refusal(line: "notes add", code: "argument.missing", message: "missing argument title: Title; expected text", argument: "title"),
        Refusal(
            line: "notes list n=99", code: "argument.invalid", message: "n=\"99\" is not valid: expected a whole number from 1 to 10", argument: "n"),
        Refusal(
            line: "notes list request_id=r1", code: "argument.unknown", message: "unknown argument \"request_id\" for 'notes list'; it takes: n",
            argument: "request_id"),
    ])
    func refusesBadWords(_ refusal: Refusal) async throws {
        let probe = StageProbe()
        let (outcome, _) = await probe.run([BindingStage(timeZone: .gmt)], try StageProbe.resolved(refusal.line, in: Self.table))
        let error = try #require(outcome.workbenchError)
        #expect(error.status.code == 400)
        #expect(error.code == refusal.code)
        #expect(error.argument == refusal.argument)
        if refusal.code != "argument.missing" && refusal.code != "argument.invalid" { #expect(error.message == refusal.message) }
        #expect(probe.reached.isEmpty)
    }

    @Test func bindsArgumentsDefaultsAndTheRequestID() async throws {
        let probe = StageProbe()
        _ = await probe.run([BindingStage(timeZone: .gmt)], try StageProbe.resolved(#"notes add title="a b" request_id=r-1"#, in: Self.table))
        let request = try #require(probe.reached.first)
        #expect(request.arguments.optionalString("title") == "a b")
        #expect(request.requestID == "r-1")
        _ = await probe.run([BindingStage(timeZone: .gmt)], try StageProbe.resolved("note list", in: Self.table))
        #expect(probe.reached.last?.arguments.optionalInt("n") == 5)
    }

    @Test func passesOperandsAsTyped() async throws {
        let probe = StageProbe()
        _ = await probe.run([BindingStage(timeZone: .gmt)], try StageProbe.resolved("help notes add x=1", in: Self.table))
        #expect(probe.reached.first?.operands == ["notes", "add", "x=1"])
        #expect(probe.reached.first?.arguments == Arguments())
    }
}
