import Foundation
import WorkbenchKit

/// `dangjianctl calendar import FILE`: loads a working-calendar file (``CalendarFile``) by
/// sending one `calendar set` request per line, over one connection.
///
/// The file is checked first: if any line is malformed, every such line is reported as
/// `FILE:LINE: problem` and nothing is sent. Otherwise each line's reply is printed as
/// `FILE:LINE: <reply>` (successes on standard output, refusals such as a holiday on a
/// Saturday on standard error) and the import goes on past refusals, so one run reports
/// every bad line. `calendar set` overwrites, so running an import again is safe.
/// The exit status is the worst outcome's (``ExitStatus``): 1 when a line was malformed or
/// refused. `FILE` may be `-` for standard input.
struct CalendarImport {
    /// The words that select the import.
    static let words = ["calendar", "import"]
    /// How the import is called.
    static let usage = "dangjianctl [<options>] calendar import FILE"

    /// The file as named on the command line (`-` for standard input).
    var path: String

    /// Whether `words` ask for an import (whatever follows them).
    static func isRequested(by words: [String]) -> Bool {
        words.count >= 2 && Array(words.prefix(2)) == Self.words
    }

    /// Reads and checks the file, then sends it to the daemon at `socketPath`.
    func run(socketPath: String, timeout: Duration) -> ExitStatus {
        let text: String
        switch read() {
        case .success(let contents): text = contents
        case .failure(let message):
            StandardStreams.printError("dangjianctl: \(message)")
            return .requestFailed
        }
        let file = CalendarFile(parsing: text)
        guard check(file, error: StandardStreams.printError) else { return .requestFailed }
        do {
            let conversation = Conversation(connection: try ControlConnection(connectingTo: socketPath), timeout: timeout)
            return send(file, over: conversation, output: { StandardStreams.print($0 + "\n") }, error: StandardStreams.printError)
        } catch {
            StandardStreams.printError(error.message)
            return error.exitStatus
        }
    }

    /// Reports the file's malformed lines (or that it has no lines at all) on `error`;
    /// returns whether it may be sent.
    func check(_ file: CalendarFile, error: (String) -> Void) -> Bool {
        for problem in file.problems {
            error("\(path):\(problem.line): \(problem.message)")
        }
        if !file.problems.isEmpty {
            let count = file.problems.count
            error("dangjianctl: \(count) malformed line\(count == 1 ? "" : "s") in \(path); nothing was sent: correct the file and run again")
            return false
        }
        if file.entries.isEmpty {
            error("dangjianctl: \(path) has no date,kind,name lines; nothing was sent")
            return false
        }
        return true
    }

    /// Sends every entry of `file` in one `calendar import` request (the rows form): the daemon
    /// checks them all and applies them in one transaction, or none. A refused row is reported
    /// at its line of the file.
    func send(_ file: CalendarFile, over conversation: Conversation, output: (String) -> Void, error: (String) -> Void) -> ExitStatus {
        let rows =
            ["date\tkind\tname"]
            + file.entries.map { entry in
                [entry.date, entry.kind, entry.name].map(ReplyEscaping.escape).joined(separator: "\t")
            }
        do {
            let reply = try conversation.ask("calendar import", rows: rows)
            if reply.isSuccess {
                output("\(path): \(CellText.sanitized(reply.summary))")
            } else {
                error("\(Self.located(reply.summary, in: file, path: path)) (\(reply.status)); nothing was imported: correct the file and run again")
            }
            return reply.exitStatus
        } catch let failure {
            error("\(path): not imported: \(failure.message)")
            return failure.exitStatus
        }
    }

    /// A refusal that names `row N` told at the file's line: `2026.csv:7: column date: …`.
    static func located(_ message: String, in file: CalendarFile, path: String) -> String {
        let text = CellText.sanitized(message)
        guard let range = text.range(of: #"row ([0-9]+), "#, options: .regularExpression),
            let number = Int(text[range].dropFirst(4).dropLast(2)), number >= 1, number <= file.entries.count
        else { return "\(path): \(text)" }
        var rest = text
        rest.removeSubrange(range)
        return "\(path):\(file.entries[number - 1].line): \(rest)"
    }

    private func read() -> Result<String, ReadFailure> {
        let data: Data?
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        guard let data else { return .failure(ReadFailure(message: "cannot read \(path): no such file, or not readable")) }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ReadFailure(message: "\(path) is not UTF-8 text; save it as UTF-8 and run again"))
        }
        return .success(text)
    }

    /// Why the file could not be read.
    private struct ReadFailure: Error {
        var message: String
    }
}
