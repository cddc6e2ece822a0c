#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--output FILE`: a successful reply's body written to a file, such as the SVG document of
/// `station map`, instead of to the terminal.
///
/// The file gets the body exactly as the daemon sent it, one line per reply line (without the
/// `NNN-` prefixes): text as it came, a table as TSV, a record as `key: value` lines; with
/// `--json`, the reply's JSON. Standard output then says what was written. A failed reply
/// writes nothing and leaves an existing file alone.
struct ReplyFile: Sendable {
    /// Where to write.
    var path: String

    /// The bytes the file gets for `reply` in `mode`.
    static func contents(of reply: ReceivedReply, mode: OutputMode) -> [UInt8] {
        let lines = mode == .json ? [reply.summary] : reply.body
        return Array(lines.map { $0 + "\n" }.joined().utf8)
    }

    /// Writes the body of `reply` (replacing the file) and returns the confirmation line for
    /// standard output.
    func write(_ reply: ReceivedReply, mode: OutputMode) throws(ClientError) -> String {
        let bytes = Self.contents(of: reply, mode: mode)
        try POSIXIO.replaceFile(path, with: bytes)
        let summary = mode == .json ? "" : ": \(CellText.sanitized(reply.summary))"
        return "wrote \(path) (\(bytes.count) bytes)\(summary)"
    }
}
