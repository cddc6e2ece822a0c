/// `-o FILE.csv` and `-o FILE.xlsx`: a list or table reply written as a spreadsheet.
///
/// The request goes out in the JSON form, whose tables carry each column's kind and its name
/// in the domain's words; with `--all`, the pages that follow (`after=`) are asked for until
/// the last, with a running count on standard error when it is a terminal. Nothing is
/// written when a page is refused.
struct SpreadsheetExport {
    /// The file and its form.
    var path: String
    var format: ExportFormat
    /// Follow `after=` to the last page.
    var allPages: Bool

    /// The outcome: the confirmation line, or the refused reply to print.
    enum Outcome {
        case written(String)
        case refused(ReceivedReply)
    }

    /// Asks for `words` (and the following pages with `allPages`) and writes the file.
    func run(words: [String], over conversation: Conversation, progress: (Int) -> Void = { _ in }) throws(ClientError) -> Outcome {
        let command = words.prefix { !$0.contains("=") }.joined(separator: " ")
        var sheet: ExportSheet?
        var after: Int64?
        var pages = 0
        repeat {
            let reply = try conversation.ask(RequestBuilder.line(words: Self.words(words, after: after), json: true))
            guard reply.isSuccess else { return .refused(reply) }
            let page = try ExportSheet.page(fromJSON: reply.summary, command: command)
            if var gathered = sheet {
                guard gathered.columns == page.sheet.columns else {
                    throw ClientError.export("the pages of '\(command)' have different columns; export them one page at a time")
                }
                gathered.rows += page.sheet.rows
                sheet = gathered
            } else {
                sheet = page.sheet
            }
            pages += 1
            progress(sheet?.rows.count ?? 0)
            after = allPages ? page.nextAfter : nil
        } while after != nil
        guard let sheet else { throw ClientError.export("'\(command)' answered nothing") }
        switch format {
        case .csv:
            try POSIXIO.replaceFile(path, with: CSVExport.bytes(of: sheet))
        case .xlsx:
            try XLSXExport.write(sheet, name: command, to: path)
        }
        let rows = sheet.rows.count == 1 ? "1 row" : "\(sheet.rows.count) rows"
        return .written("wrote \(path) (\(format.rawValue), \(rows)\(pages > 1 ? " from \(pages) pages" : ""))")
    }

    /// The request's words with `after=` set to `after` (replacing one the operator gave).
    static func words(_ words: [String], after: Int64?) -> [String] {
        guard let after else { return words }
        return words.filter { !$0.hasPrefix("after=") } + ["after=\(after)"]
    }

}
