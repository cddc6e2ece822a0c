import Testing

@testable import dangjianctl

@Suite("Recognising a reply's body")
struct ReplyBodyShapeTests {
    @Test func noBodyIsEmpty() {
        #expect(ReplyBodyShape.recognise(body: [], summary: "pong") == .empty)
    }

    @Test func uniformTabSeparatedLinesAreATable() {
        let shape = ReplyBodyShape.recognise(body: ["id\tname", "1\t党建", "2\t"], summary: "2 rows")
        #expect(shape == .table(header: ["id", "name"], rows: [["1", "党建"], ["2", ""]]))
    }

    @Test func customSummaryStillATableWhenCellsAgree() {
        let shape = ReplyBodyShape.recognise(body: ["id\tname", "1\tx"], summary: "1 open case")
        #expect(shape == .table(header: ["id", "name"], rows: [["1", "x"]]))
    }

    @Test func oneColumnIsATableOnlyWhenTheSummaryCountsTheRows() {
        #expect(
            ReplyBodyShape.recognise(body: ["module", "grid", "org"], summary: "2 rows") == .table(header: ["module"], rows: [["grid"], ["org"]]))
        #expect(ReplyBodyShape.recognise(body: ["module"], summary: "0 rows") == .table(header: ["module"], rows: []))
        #expect(ReplyBodyShape.recognise(body: ["module", "grid"], summary: "1 row") == .table(header: ["module"], rows: [["grid"]]))
        #expect(ReplyBodyShape.recognise(body: ["Usage:", "  grid case list"], summary: "2 lines") == .text(["Usage:", "  grid case list"]))
        #expect(ReplyBodyShape.recognise(body: ["a", "b"], summary: "5 rows") == .text(["a", "b"]))
    }

    @Test func raggedTabLinesAreText() {
        #expect(ReplyBodyShape.recognise(body: ["a\tb", "c"], summary: "2 lines") == .text(["a\tb", "c"]))
    }

    @Test func keyValueLinesAreARecord() {
        let shape = ReplyBodyShape.recognise(body: ["id: 42", "name: 第一: 支部", "note: ", "empty:"], summary: "ok")
        #expect(shape == .record([("id", "42"), ("name", "第一: 支部"), ("note", ""), ("empty", "")]))
    }

    @Test func linesWithColonsThatAreNotFieldsAreText() {
        #expect(ReplyBodyShape.recognise(body: ["see: this", "http://example"], summary: "2 lines") == .text(["see: this", "http://example"]))
        #expect(ReplyBodyShape.recognise(body: ["two words: x"], summary: "1 line") == .text(["two words: x"]))
    }

    @Test func aRecordFollowedByNamedTablesIsADocument() {
        let shape = ReplyBodyShape.recognise(
            body: ["code: GC-1", "status: closed", "[timeline]", "at\tkind", "09:00\treported", "10:00\taccepted", "[visits]", "id"],
            summary: "GC-1 closed"
        )
        #expect(
            shape
                == .document(
                    fields: [("code", "GC-1"), ("status", "closed")],
                    sections: [
                        .init(name: "timeline", header: ["at", "kind"], rows: [["09:00", "reported"], ["10:00", "accepted"]]),
                        .init(name: "visits", header: ["id"], rows: []),
                    ]
                ))
    }

    @Test(arguments: [
        ["[not a section]", "a\tb"],
        ["code: x", "[timeline]"],
        ["code: x", "[timeline]", "a\tb", "1\t2\t3"],
        ["free text", "[timeline]", "a"],
    ])
    func bracketedLinesThatDoNotOpenTablesAreNotADocument(_ body: [String]) {
        if case .document = ReplyBodyShape.recognise(body: body, summary: "x") {
            Issue.record("\(body) is not a document")
        }
    }
}
