import Testing
import WorkbenchControl
import WorkbenchKit

@Suite("Session stage: framing, blank lines, --json")
struct SessionStageTests {
    struct Refusal: Sendable, CustomTestStringConvertible {
        var frame: RequestFrame
        var status: Int
        var code: String
        var message: String
        var testDescription: String { "\(frame)" }
    }

    @Test(arguments: [
        Refusal(frame: .invalidUTF8, status: 400, code: "syntax", message: "the line is not valid UTF-8; nothing was run"),
        Refusal(
            frame: .tooLong(bytes: 70_000), status: 413, code: "request.line_too_long",
            message: "the request line has 70000 bytes, more than the 65536 allowed; nothing was run"
        ),
        Refusal(frame: .line("ping \"open"), status: 400, code: "syntax", message: ""),
        Refusal(frame: .line("--json"), status: 400, code: "syntax", message: "--json needs a command before it"),
    ])
    func refusesWhatIsNotARequest(_ refusal: Refusal) async throws {
        let probe = StageProbe()
        let (outcome, _) = await probe.run([SessionStage()], CommandRequest(frame: refusal.frame, caller: StageProbe.admin))
        let error = try #require(outcome.workbenchError)
        #expect(error.status.code == refusal.status)
        #expect(error.code == refusal.code)
        if !refusal.message.isEmpty {
            #expect(error.message == refusal.message.replacingOccurrences(of: "65536", with: "\(ReplyLine.maximumRequestBytes)"))
        }
        #expect(probe.reached.isEmpty, "nothing runs after a refused frame")
    }

    @Test(arguments: ["", "   ", "\t"])
    func aBlankLineGetsNoReply(_ line: String) async throws {
        let probe = StageProbe()
        let (outcome, _) = await probe.run([SessionStage()], CommandRequest(frame: .line(line), caller: StageProbe.admin))
        guard case .failure(let error) = outcome else { Issue.record("a blank line was answered"); return }
        #expect(error is NoReply)
        #expect(probe.reached.isEmpty)
    }

    struct Split: Sendable, CustomTestStringConvertible {
        var line: String
        var words: [String]
        var json: Bool
        var testDescription: String { line }
    }

    @Test(arguments: [
        Split(line: "ping", words: ["ping"], json: false),
        Split(line: "ping --json", words: ["ping"], json: true),
        Split(line: #"notes add title="a b" --json"#, words: ["notes", "add", "title=a b"], json: true),
        // A quoted --json is data, not the switch.
        Split(line: #"notes add title=x "--json""#, words: ["notes", "add", "title=x", "--json"], json: false),
        Split(line: "help --json grids", words: ["help", "--json", "grids"], json: false),
    ])
    func splitsWordsAndTakesATrailingJSONSwitch(_ split: Split) async throws {
        let probe = StageProbe()
        let (outcome, handle) = await probe.run([SessionStage()], CommandRequest(frame: .line(split.line), caller: StageProbe.admin))
        #expect(outcome.reply == .message("reached"))
        #expect(probe.reached.first?.words.map(\.text) == split.words)
        #expect(handle.replyFormat == (split.json ? .json : .text))
        #expect(handle.session.format == .text, "--json changes one reply, not the connection")
    }
}
