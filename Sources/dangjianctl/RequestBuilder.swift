import WorkbenchKit

/// Builds request lines from command-line words and checks them against the daemon's limit.
enum RequestBuilder {
    /// The word that asks the daemon for the JSON form.
    static let jsonFlag = "--json"

    /// One request from the words after the options: each word quoted with
    /// `CommandLineTokenizer.quote` so the daemon reads it back unchanged, then joined with
    /// spaces; ` --json` is appended when `json` is set.
    ///
    /// The shell has already removed the operator's quotes, so the words
    /// `org`, `unit`, `add`, `name=Party branch 1` become `org unit add name="Party branch 1"`.
    static func line(words: [String], json: Bool) -> String {
        var line = words.map(CommandLineTokenizer.quote).joined(separator: " ")
        if json { line += " " + jsonFlag }
        return line
    }

    /// `line` with ` --json` appended unless its last word already is `--json`.
    static func withJSONFlag(_ line: String) -> String {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return words.last == Substring(jsonFlag) ? line : line + " " + jsonFlag
    }

    /// Throws ``ClientError/requestTooLong(bytes:limit:)`` when `line` is longer than the
    /// daemon accepts.
    static func check(_ line: String) throws(ClientError) {
        let bytes = line.utf8.count
        if bytes > ReplyLine.maximumRequestBytes {
            throw .requestTooLong(bytes: bytes, limit: ReplyLine.maximumRequestBytes)
        }
    }
}
