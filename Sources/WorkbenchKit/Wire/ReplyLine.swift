/// One line of a reply: `NNN-text` for every line but the last, `NNN text` for the last.
///
/// A client reads lines until the first one that matches `^[0-9]{3} ` and treats the
/// three digits as the reply's status.
public struct ReplyLine: Sendable, Equatable {
    /// The three-digit status.
    public var status: Int
    /// Whether this is the reply's last line.
    public var isFinal: Bool
    /// The text after the status and the separator.
    public var text: String

    /// Creates a line.
    public init(status: Int, isFinal: Bool, text: String) {
        self.status = status
        self.isFinal = isFinal
        self.text = text
    }

    /// Parses one line (without its newline); nil when it is not a reply line.
    public init?(parsing line: Substring) {
        let bytes = Array(line.utf8.prefix(4))
        guard bytes.count == 4, bytes[0...2].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-")
        else { return nil }
        self.status = Int(bytes[0] - 48) * 100 + Int(bytes[1] - 48) * 10 + Int(bytes[2] - 48)
        self.isFinal = bytes[3] == UInt8(ascii: " ")
        self.text = String(line.unicodeScalars.dropFirst(4))
    }

    /// The line as sent, with its newline.
    public var rendered: String {
        "\(status)\(isFinal ? " " : "-")\(text)\n"
    }

    /// The largest request line the daemon accepts, in bytes, newline excluded.
    public static let maximumRequestBytes = 64 * 1024
}
