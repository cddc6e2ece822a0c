public import WorkbenchKit

/// One request as the line decoder delivers it (and ``RowsAssembler`` completes it).
public enum RequestFrame: Sendable, Equatable {
    /// A complete line, without its newline.
    case line(String)
    /// A line that was not valid UTF-8.
    case invalidUTF8
    /// A line longer than the limit; its bytes were discarded up to the newline.
    case tooLong(bytes: Int)
    /// A request line that announced rows (`… <<N`), with the N lines that followed it.
    case withRows(line: String, rows: [String])
    /// A rows request whose lines could not be read (a row too long or not UTF-8): answered
    /// with this error once all its lines have arrived.
    case refused(WorkbenchError)
}
