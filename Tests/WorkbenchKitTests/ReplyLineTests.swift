import Testing
import WorkbenchKit

@Suite("ReplyLine")
struct ReplyLineTests {
    struct Valid: Sendable, CustomTestStringConvertible {
        var line: String
        var status: Int
        var isFinal: Bool
        var text: String
        var testDescription: String { line.debugDescription }
    }

    @Test(arguments: [
        Valid(line: "200 ok", status: 200, isFinal: true, text: "ok"),
        Valid(line: "200-x", status: 200, isFinal: false, text: "x"),
        Valid(line: "404 code: m", status: 404, isFinal: true, text: "code: m"),
        Valid(line: "201 ", status: 201, isFinal: true, text: ""),
        Valid(line: "500-", status: 500, isFinal: false, text: ""),
        Valid(line: "999-nine", status: 999, isFinal: false, text: "nine"),
        Valid(line: "200-id\tname\t党建", status: 200, isFinal: false, text: "id\tname\t党建"),
        Valid(line: "200 200 rows", status: 200, isFinal: true, text: "200 rows"),
        Valid(line: "200--json", status: 200, isFinal: false, text: "-json"),
    ])
    func parses(_ valid: Valid) throws {
        let line = try #require(ReplyLine(parsing: valid.line[...]))
        #expect(line.status == valid.status)
        #expect(line.isFinal == valid.isFinal)
        #expect(line.text == valid.text)
        #expect(line.rendered == valid.line + "\n")
    }

    @Test(arguments: ["20 x", "2000 x", "abc x", "200x", "200", "20", "", " 200 ok", "2x0 ok", "200_ok", "２００ ok", "-200 x", "+20 x"])
    func rejects(_ text: String) {
        #expect(ReplyLine(parsing: text[...]) == nil)
    }

    @Test func parsesASubstringOfALargerBuffer() throws {
        let buffer = "200-first\n200 last\n"
        let lines = buffer.split(separator: "\n")
        #expect(
            lines.compactMap { ReplyLine(parsing: $0) } == [
                ReplyLine(status: 200, isFinal: false, text: "first"), ReplyLine(status: 200, isFinal: true, text: "last"),
            ])
    }

    static let renderable: [ReplyLine] = [
        ReplyLine(status: 200, isFinal: true, text: "ok"),
        ReplyLine(status: 200, isFinal: false, text: "code: SH-HP-01"),
        ReplyLine(status: 201, isFinal: true, text: "unit 第一网格 created"),
        ReplyLine(status: 404, isFinal: true, text: "grids.case.not_found: case 42 does not exist"),
        ReplyLine(status: 200, isFinal: false, text: ""),
        ReplyLine(status: 503, isFinal: true, text: "  leading blanks kept"),
        ReplyLine(status: 200, isFinal: false, text: "-dash first"),
    ]

    @Test(arguments: renderable)
    func renderedRoundTrips(_ line: ReplyLine) throws {
        let rendered = line.rendered
        #expect(rendered.hasSuffix("\n"))
        #expect(rendered.hasPrefix(String(line.status) + (line.isFinal ? " " : "-")))
        let parsed = try #require(ReplyLine(parsing: rendered.dropLast()))
        #expect(parsed == line)
    }

    // Regression test for a bug found in Wire/ReplyLine.swift:28.
    @Test func textStartingWithACombiningMarkSurvivesTheRoundTrip() throws {
        // Fixed bug (WorkbenchKit, Wire/ReplyLine.swift:28): `text` is `line.dropFirst(4)`, which drops
        // four Characters. When the text starts with a combining mark, the separator and the
        // mark form one grapheme cluster, so the mark is dropped too. The prefix is four ASCII
        // bytes; it should be dropped by bytes/scalars, e.g.
        // `String(line.unicodeScalars.dropFirst(4))` or `String(Substring(line.utf8.dropFirst(4)))`.
        let line = ReplyLine(status: 200, isFinal: false, text: "\u{301}x")
        let parsed = try #require(ReplyLine(parsing: line.rendered.dropLast()))
        #expect(Array(parsed.text.unicodeScalars) == ["\u{301}", "x"])
    }

    @Test func maximumRequestIs64KiB() {
        #expect(ReplyLine.maximumRequestBytes == 65_536)
    }
}
