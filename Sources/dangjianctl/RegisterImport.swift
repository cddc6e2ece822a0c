import WorkbenchKit

/// `dangjianctl <module> <register> import FILE.csv|FILE.xlsx [dry_run=true] [update=true]`:
/// a register read from a spreadsheet (``SheetFile``) and sent as one request in the rows
/// form, which the daemon checks row by row and applies all or none. The daemon's refusals
/// name rows; they are shown as `FILE:LINE`. (`calendar import` keeps its own file format:
/// ``CalendarImport``.)
struct RegisterImport {
    /// The request's words without the file.
    var words: [String]
    /// The spreadsheet.
    var path: String

    /// The import the words ask for: a `.csv` or `.xlsx` word right after `import`; nil for
    /// any other request.
    init?(words: [String]) {
        guard let verb = words.firstIndex(of: "import"), verb > 0, verb + 1 < words.count, words[0] != "calendar" else { return nil }
        let file = words[verb + 1]
        guard !file.contains("="), ExportFormat(path: file) != nil else { return nil }
        self.words = Array(words[..<(verb + 1)]) + words[(verb + 2)...]
        self.path = file
    }

    /// Reads the file, sends it, and reports.
    func run(over conversation: Conversation) throws(ClientError) -> (ExitStatus, String) {
        let sheet = try SheetFile.read(path)
        guard !sheet.rows.isEmpty else { throw ClientError.export("\(path) has a header and no rows; nothing was sent") }
        let lines =
            [sheet.header.map(ReplyEscaping.escape).joined(separator: "\t")]
            + sheet.rows.map { $0.cells.map(ReplyEscaping.escape).joined(separator: "\t") }
        let reply = try conversation.ask(RequestBuilder.line(words: words, json: false), rows: lines)
        if reply.isSuccess { return (.success, "\(path): \(CellText.sanitized(reply.summary))") }
        return (reply.exitStatus, "\(Self.located(reply.summary, in: sheet, path: path)) (\(reply.status))")
    }

    /// The daemon's message with each `row N` shown as the file's line or row (`FILE:LINE`).
    static func located(_ message: String, in sheet: SheetFile, path: String) -> String {
        let text = CellText.sanitized(message)
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: #"row [0-9]+"#, options: .regularExpression) {
            result += rest[..<range.lowerBound]
            if let number = Int(rest[range].dropFirst(4)), number >= 1, number <= sheet.rows.count {
                result += "\(path):\(sheet.rows[number - 1].line)"
            } else {
                result += rest[range]
            }
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
