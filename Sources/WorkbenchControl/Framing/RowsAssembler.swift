public import WorkbenchKit

/// Puts a rows request back together (``RequestRows``): a line ending in `<<N` and the N lines
/// after it become one ``RequestFrame/withRows(line:rows:)``; every other frame passes as it is.
///
/// It holds no I/O, so its rules are table-tested: a row that is too long or not UTF-8 makes
/// the whole request a ``RequestFrame/refused(_:)`` once its last line has arrived (the
/// connection stays in step); a request announcing more than ``RequestRows/maximumLines``
/// lines, or whose lines pass ``RequestRows/maximumBytes``, is refused at once and the
/// connection must close, because its remaining lines cannot be told from requests.
public struct RowsAssembler: Sendable {
    /// What the connection does with a frame it received.
    public enum Step: Sendable, Equatable {
        /// Nothing yet: the frame was a row of a request still arriving.
        case collecting
        /// Answer this request.
        case answer(RequestFrame)
        /// Answer this error and close the connection.
        case refuseAndClose(WorkbenchError)
    }

    private struct Pending: Sendable {
        var line: String
        var expected: Int
        var rows: [String] = []
        var bytes = 0
        var problem: WorkbenchError?
    }

    private var pending: Pending?
    private let maximumLines: Int
    private let maximumBytes: Int

    /// Creates an assembler with the protocol's limits (smaller ones in tests).
    public init(maximumLines: Int = RequestRows.maximumLines, maximumBytes: Int = RequestRows.maximumBytes) {
        self.maximumLines = maximumLines
        self.maximumBytes = maximumBytes
    }

    /// Takes the next frame off the connection.
    public mutating func feed(_ frame: RequestFrame) -> Step {
        guard var current = pending else {
            guard case .line(let text) = frame, let announced = RequestRows.announced(in: text) else { return .answer(frame) }
            if announced.lines > maximumLines {
                return .refuseAndClose(
                    WorkbenchError(
                        status: .lineTooLong, code: WorkbenchErrorCode.rowsTooMany,
                        message: "the request announces \(announced.lines) lines; one request carries at most \(maximumLines): send them in parts"
                    )
                )
            }
            if announced.lines == 0 { return .answer(.withRows(line: text, rows: [])) }
            pending = Pending(line: text, expected: announced.lines)
            return .collecting
        }
        // Out of `pending` while it grows, so that its rows stay uniquely referenced and each
        // append is amortised O(1) (a copy per line made 500,000 rows quadratic).
        pending = nil
        let row = current.rows.count  // the header is row 0
        switch frame {
        case .line(let text):
            current.bytes += text.utf8.count + 1
            current.rows.append(text)
        case .invalidUTF8:
            current.problem = current.problem ?? WorkbenchError.syntax("row \(row) of the request is not valid UTF-8; nothing was run")
            current.rows.append("")
        case .tooLong(let bytes):
            // Its bytes were dropped as they came, so they do not count towards the total.
            current.problem =
                current.problem
                ?? WorkbenchError(
                    status: .lineTooLong, code: WorkbenchErrorCode.rowsLineTooLong,
                    message:
                        "row \(row) of the request has \(bytes) bytes, more than the \(ReplyLine.maximumRequestBytes) a line may hold; "
                        + "nothing was run"
                )
            current.rows.append("")
        case .withRows, .refused:
            current.rows.append("")
        }
        if current.bytes > maximumBytes {
            pending = nil
            return .refuseAndClose(
                WorkbenchError(
                    status: .lineTooLong, code: WorkbenchErrorCode.rowsTooLarge,
                    message: "the request's rows pass \(maximumBytes) bytes; send them in parts"
                )
            )
        }
        guard current.rows.count == current.expected else {
            pending = current
            return .collecting
        }
        pending = nil
        if let problem = current.problem { return .answer(.refused(problem)) }
        return .answer(.withRows(line: current.line, rows: current.rows))
    }
}
