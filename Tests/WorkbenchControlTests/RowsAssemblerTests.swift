import Testing
import WorkbenchControl
import WorkbenchKit

/// The rows form put back together from the frames a connection delivers, without a socket.
@Suite("Assembling rows requests")
struct RowsAssemblerTests {
    /// Feeds `frames` and answers what the connection does after each.
    static func steps(_ frames: [RequestFrame], maximumLines: Int = 10, maximumBytes: Int = 1000) -> [String] {
        var assembler = RowsAssembler(maximumLines: maximumLines, maximumBytes: maximumBytes)
        return frames.map { frame in
            switch assembler.feed(frame) {
            case .collecting: "…"
            case .answer(.line(let text)): "line \(text)"
            case .answer(.withRows(let line, let rows)): "rows \(line) | " + rows.joined(separator: " | ")
            case .answer(.refused(let error)): "refused \(error.code) \(error.message)"
            case .answer(let other): "other \(other)"
            case .refuseAndClose(let error): "close \(error.code)"
            }
        }
    }

    @Test(arguments: [
        // A plain request passes as it is, also one that mentions << inside a value.
        ([RequestFrame.line("ping"), .line(#"notes add title="a <<2""#)], ["line ping", #"line notes add title="a <<2""#]),
        // N lines after the marker are one request; the next line is a request again.
        (
            [.line("calendar import <<2"), .line("date"), .line("2026-10-01"), .line("ping")],
            ["…", "…", "rows calendar import <<2 | date | 2026-10-01", "line ping"]
        ),
        // <<0 carries nothing.
        ([.line("calendar import <<0")], ["rows calendar import <<0 | "]),
        // A bad row spoils the request, not the connection: it is refused after its last line.
        (
            [.line("x <<3"), .line("h"), .invalidUTF8, .line("r2"), .line("ping")],
            ["…", "…", "…", "refused syntax row 1 of the request is not valid UTF-8; nothing was run", "line ping"]
        ),
        (
            [.line("x <<2"), .tooLong(bytes: 70_000), .line("r")],
            ["…", "…", "refused rows.line_too_long row 0 of the request has 70000 bytes, more than the 65536 a line may hold; nothing was run"]
        ),
        // More lines than a request may carry: refused at once, and the connection closes.
        ([.line("x <<11")], ["close rows.too_many"]),
        (
            [.line("x <<3"), .line(String(repeating: "a", count: 600)), .line(String(repeating: "b", count: 600))],
            ["…", "…", "close rows.too_large"]
        ),
    ])
    func frames(_ frames: [RequestFrame], _ expected: [String]) {
        #expect(Self.steps(frames) == expected)
    }

    /// The largest request the protocol allows: 500,000 rows after the header, collected in
    /// one pass (each line appended to rows that only the assembler holds).
    @Test func theLargestRowsRequestIsCollectedWhole() {
        var assembler = RowsAssembler()
        #expect(assembler.feed(.line("org member import <<\(RequestRows.maximumLines)")) == .collecting)
        _ = assembler.feed(.line("name\tunit"))
        for index in 1..<(RequestRows.maximumLines - 1) {
            guard assembler.feed(.line("甲\(index)\tG1")) == .collecting else {
                Issue.record("answered early at row \(index)")
                return
            }
        }
        guard case .answer(.withRows(_, let rows)) = assembler.feed(.line("乙\tG1")) else {
            Issue.record("the last row did not complete the request")
            return
        }
        #expect(rows.count == RequestRows.maximumLines && rows.last == "乙\tG1")
    }
}
