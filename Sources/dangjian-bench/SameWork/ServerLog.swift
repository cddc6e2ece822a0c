/// Reads PostgreSQL's server log as `log_statement = 'all'` writes it in the `stderr` format
/// with the capture's `log_line_prefix` (``StatementLogSettings/linePrefix``).
///
/// A record starts with the prefix (`djcap|<pid>|<database>|`), then `SEVERITY:  message`.
/// PostgreSQL writes a tab after every newline inside a message, so continuation lines start
/// with a tab and nothing else does; lines that neither start a record nor continue one (the
/// old prefix before the reload reached a process, output of other programs) are skipped.
enum ServerLog {
    /// One log record of a backend of the watched database.
    struct Record: Equatable, Sendable {
        var pid: Int32
        /// `LOG`, `DETAIL`, `ERROR`, `STATEMENT`, …
        var severity: String
        var message: String
    }

    /// The records of `database` in `text`, in the order the server wrote them.
    static func records(in text: String, database: String) -> [Record] {
        var records: [Record] = []
        var current: Record?
        var inWatchedRecord = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.first == "\t" {
                if inWatchedRecord { current?.message += "\n" + line.dropFirst() }
                continue
            }
            if let record = current { records.append(record) }
            current = nil
            inWatchedRecord = false
            guard let (pid, rest) = Self.prefix(of: line) else { continue }
            // The database name is compared, not parsed: a name may contain the separator.
            guard rest.hasPrefix(database + "|") else { continue }
            let body = rest.dropFirst(database.count + 1)
            guard let colon = body.firstIndex(of: ":") else { continue }
            let severity = String(body[..<colon])
            guard !severity.isEmpty, severity.allSatisfy({ $0.isUppercase || $0.isNumber }) else { continue }
            var message = body[body.index(after: colon)...]
            while message.first == " " { message = message.dropFirst() }
            current = Record(pid: pid, severity: severity, message: String(message))
            inWatchedRecord = true
        }
        if let record = current { records.append(record) }
        return records
    }

    /// The pid and what follows it in a line that starts a record.
    private static func prefix(of line: Substring) -> (Int32, Substring)? {
        let marker = StatementLogSettings.linePrefixMarker
        guard line.hasPrefix(marker) else { return nil }
        let afterMarker = line.dropFirst(marker.count)
        guard let bar = afterMarker.firstIndex(of: "|"), let pid = Int32(afterMarker[..<bar]) else { return nil }
        return (pid, afterMarker[afterMarker.index(after: bar)...])
    }

    /// The statements in `records`, per backend in the order they were executed: simple
    /// queries (`statement: …`), executions of prepared or unnamed statements (`execute
    /// <name>: …`) with the bound values of their `DETAIL:  parameters: …` line, and whether
    /// the statement failed (an `ERROR` of the same backend before its next statement).
    static func statements(in records: [Record]) -> [LoggedStatement] {
        var statements: [LoggedStatement] = []
        var lastOfBackend: [Int32: Int] = [:]
        for record in records {
            switch record.severity {
            case "LOG":
                if record.message.hasPrefix("statement: ") {
                    statements.append(LoggedStatement(pid: record.pid, sql: String(record.message.dropFirst("statement: ".count)), preparedName: nil))
                } else if record.message.hasPrefix("execute ") && !record.message.hasPrefix("execute fetch from ") {
                    let rest = record.message.dropFirst("execute ".count)
                    guard let separator = rest.range(of: ": ") else { continue }
                    statements.append(
                        LoggedStatement(
                            pid: record.pid, sql: String(rest[separator.upperBound...]), preparedName: String(rest[..<separator.lowerBound]))
                    )
                } else {
                    continue
                }
                lastOfBackend[record.pid] = statements.count - 1
            case "DETAIL":
                guard record.message.hasPrefix("parameters: "), let index = lastOfBackend[record.pid], statements[index].parameters.isEmpty,
                    let values = parameters(String(record.message.dropFirst("parameters: ".count)))
                else { continue }
                statements[index].parameters = values
            case "ERROR", "FATAL", "PANIC":
                if let index = lastOfBackend[record.pid] { statements[index].failed = true }
            default:
                continue
            }
        }
        return statements
    }

    /// The values of `$1 = '…', $2 = NULL, …` (quotes inside values doubled), in order; nil
    /// when the text is not such a list (a truncated one ends in `...`).
    static func parameters(_ text: String) -> [String?]? {
        var values: [String?] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            guard rest.first == "$" else { return nil }
            rest = rest.dropFirst()
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard let number = Int(digits), number == values.count + 1 else { return nil }
            rest = rest.dropFirst(digits.count)
            guard rest.hasPrefix(" = ") else { return nil }
            rest = rest.dropFirst(3)
            if rest.hasPrefix("NULL") {
                values.append(nil)
                rest = rest.dropFirst(4)
            } else {
                guard rest.first == "'" else { return nil }
                rest = rest.dropFirst()
                var value = ""
                var closed = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if character == "'" {
                        if rest.first == "'" {
                            value.append("'")
                            rest = rest.dropFirst()
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        value.append(character)
                    }
                }
                guard closed else { return nil }
                values.append(value)
            }
            if rest.isEmpty { break }
            guard rest.hasPrefix(", ") else { return nil }
            rest = rest.dropFirst(2)
        }
        return values
    }
}
