/// One request as the line decoder delivers it.
public enum RequestFrame: Sendable, Equatable {
    /// A complete line, without its newline.
    case line(String)
    /// A line that was not valid UTF-8.
    case invalidUTF8
    /// A line longer than the limit; its bytes were discarded up to the newline.
    case tooLong(bytes: Int)
}
