import Testing

@testable import dangjianctl

@Suite("Rendering replies")
struct ReplyRendererTests {
    private func reply(_ lines: String...) -> ReceivedReply {
        ReceivedReply(rawLines: lines)!
    }

    @Test func tableGoesToStandardOutputAlignedThenTheSummary() {
        let output = ReplyRenderer(mode: .text).render(reply("200-id\ttitle", "200-1\t党建工作", "200-42\tcheck", "200 2 rows"))
        #expect(output.standardOutput == "id  title\n 1  党建工作\n42  check\n2 rows\n")
        #expect(output.standardError == "")
    }

    @Test func recordGoesToStandardOutputWithAlignedKeys() {
        let output = ReplyRenderer(mode: .text).render(reply("201-id: 9", "201-name: 第一党支部", "201 unit B1 created"))
        #expect(output.standardOutput == "id:   9\nname: 第一党支部\nunit B1 created\n")
    }

    @Test func aDocumentIsItsRecordThenEachTableUnderItsName() {
        let output = ReplyRenderer(mode: .text).render(
            reply("200-code: GC-1", "200-status: closed", "200-[timeline]", "200-at\tkind", "200-09:00\treported", "200 GC-1 closed")
        )
        #expect(output.standardOutput == "code:   GC-1\nstatus: closed\n\ntimeline:\nat     kind\n09:00  reported\nGC-1 closed\n")
    }

    @Test func messageIsJustTheSummary() {
        #expect(ReplyRenderer(mode: .text).render(reply("200 pong")).standardOutput == "pong\n")
    }

    @Test func textLinesAreKeptAsTheyCame() {
        let output = ReplyRenderer(mode: .text).render(reply("200-Usage:", "200-  grid case list [status=…]", "200 2 lines"))
        #expect(output.standardOutput == "Usage:\n  grid case list [status=…]\n2 lines\n")
    }

    @Test(arguments: [
        ("404 grids.case_not_found: case 42 does not exist", "404 grids.case_not_found: case 42 does not exist\n"),
        ("503 database.unavailable: try again", "503 database.unavailable: try again\n"),
    ])
    func errorsGoToStandardErrorWithTheirStatus(line: String, expected: String) {
        let output = ReplyRenderer(mode: .text).render(reply(line))
        #expect(output.standardOutput == "")
        #expect(output.standardError == expected)
    }

    @Test func jsonSuccessIsTheJSONAlone() {
        let output = ReplyRenderer(mode: .json).render(reply(#"200 {"columns":["id"],"rows":[{"id":1}]}"#))
        #expect(output.standardOutput == #"{"columns":["id"],"rows":[{"id":1}]}"# + "\n")
        #expect(output.standardError == "")
    }

    @Test func jsonErrorIsTheWholeLineOnStandardError() {
        let line = #"404 {"error":{"code":"grids.case_not_found","message":"case 42 does not exist"}}"#
        let output = ReplyRenderer(mode: .json).render(reply(line))
        #expect(output.standardOutput == "")
        #expect(output.standardError == line + "\n")
    }

    @Test func rawIsEveryLineAsReceived() {
        let output = ReplyRenderer(mode: .raw).render(reply("200-id\tname", #"200-1\ta\tb"#, "200 1 row"))
        #expect(output.standardOutput == "200-id\tname\n200-1\\ta\\tb\n200 1 row\n")
        let failure = ReplyRenderer(mode: .raw).render(reply("500 internal: boom"))
        #expect(failure.standardOutput == "500 internal: boom\n")
        #expect(failure.standardError == "")
    }
}
