import Foundation

/// The script of a demo (`demo.script` next to its register files): the requests that build
/// it, one per line, as an operator would type them to `dangjianctl`.
///
/// - Blank lines and lines starting with `#` are skipped.
/// - `!role admin` stops the load unless `whoami` answers that role.
/// - `!absent <request>` stops the load when the request succeeds (the demo is already there).
/// - `@name <request>` keeps the id the reply gives (its `id` field, or the `id` of a table's
///   first row) as `${name}` for later lines.
/// - `<module> <register> import FILE.csv` reads the file next to the script.
/// - `${today}`, `${today-3}`, `${today+14}` are dates; `${now-50h}`, `${now-4d}` times (to
///   the minute, with the local offset); `${quarter}` and `${quarter-1}` quarters (`2026Q4`);
///   `${year}` and `${year-1}` years.
struct DemoScript: Equatable {
    /// What a line asks for.
    enum Step: Equatable {
        /// Stop unless the caller has this role.
        case role(String)
        /// Stop when this request succeeds.
        case absent(String)
        /// Send the request; keep the reply's id as `capture` when there is one.
        case request(String, capture: String?)
    }

    /// One step and the line it came from (from 1).
    struct Line: Equatable {
        var number: Int
        var step: Step
    }

    /// The steps in order.
    var lines: [Line]

    /// Reads a script's text.
    ///
    /// - Throws: A message naming the line of a directive it does not know or an empty capture.
    init(text: String) throws(ClientError) {
        var lines: [Line] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let (head, rest) = Self.split(line)
            let step: Step
            switch head {
            case "!role": step = .role(rest)
            case "!absent": step = .absent(rest)
            case _ where head.hasPrefix("!"):
                throw ClientError.export("line \(index + 1): \(head) is not a directive (!role, !absent)")
            case _ where head.hasPrefix("@"):
                let name = String(head.dropFirst())
                guard !name.isEmpty, !rest.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                    throw ClientError.export("line \(index + 1): write a capture as @name <request>")
                }
                step = .request(rest, capture: name)
            default: step = .request(line, capture: nil)
            }
            lines.append(Line(number: index + 1, step: step))
        }
        self.lines = lines
    }

    /// The first word and the rest, trimmed.
    private static func split(_ line: String) -> (String, String) {
        guard let space = line.firstIndex(of: " ") else { return (line, "") }
        return (String(line[..<space]), line[line.index(after: space)...].trimmingCharacters(in: .whitespaces))
    }

    /// `text` with its `${…}` placeholders replaced: captures from `values`, dates, times and
    /// quarters from `now` in `timeZone`.
    ///
    /// - Throws: A message naming a placeholder that is neither.
    static func expand(_ text: String, values: [String: String], now: Date, timeZone: TimeZone) throws(ClientError) -> String {
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else { break }
            result += rest[..<start.lowerBound]
            let name = String(rest[start.upperBound..<end])
            guard let value = values[name] ?? clockValue(name, now: now, timeZone: timeZone) else {
                throw ClientError.export("${\(name)} is neither an id kept by @\(name) before nor a date, time or quarter")
            }
            result += value
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }

    /// `today±N`, `now-Nh`, `now-Nd`, `quarter±N`, `year±N`, or nil.
    static func clockValue(_ name: String, now: Date, timeZone: TimeZone) -> String? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        func offset(after prefix: String) -> (Int, Character?)? {
            guard name.hasPrefix(prefix) else { return nil }
            var tail = name.dropFirst(prefix.count)
            if tail.isEmpty { return (0, nil) }
            guard let sign = tail.first, sign == "+" || sign == "-" else { return nil }
            tail = tail.dropFirst()
            var unit: Character?
            if let last = tail.last, last.isLetter {
                unit = last
                tail = tail.dropLast()
            }
            guard let amount = Int(tail) else { return nil }
            return (sign == "-" ? -amount : amount, unit)
        }
        if let (days, unit) = offset(after: "today"), unit == nil {
            let day = calendar.date(byAdding: .day, value: days, to: now)!
            let parts = calendar.dateComponents([.year, .month, .day], from: day)
            return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        }
        if let (amount, unit) = offset(after: "now"), unit == "h" || unit == "d" || (unit == nil && amount == 0) {
            let instant = now.addingTimeInterval(TimeInterval(amount) * (unit == "d" ? 86_400 : 3_600))
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
            let seconds = timeZone.secondsFromGMT(for: instant)
            let sign = seconds < 0 ? "-" : "+"
            return String(
                format: "%04d-%02d-%02dT%02d:%02d%@%02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, sign,
                abs(seconds) / 3_600, abs(seconds) % 3_600 / 60)
        }
        if let (quarters, unit) = offset(after: "quarter"), unit == nil {
            let parts = calendar.dateComponents([.year, .month], from: now)
            let index = parts.year! * 4 + (parts.month! - 1) / 3 + quarters
            return "\(index / 4)Q\(index % 4 + 1)"
        }
        if let (years, unit) = offset(after: "year"), unit == nil {
            return String(calendar.component(.year, from: now) + years)
        }
        return nil
    }

    /// The id a reply gives: its `id` field, or the `id` column of a table's first row.
    static func id(in body: [String]) -> String? {
        if let field = body.first(where: { $0.hasPrefix("id: ") }) { return String(field.dropFirst(4)) }
        guard body.count >= 2 else { return nil }
        let header = body[0].split(separator: "\t", omittingEmptySubsequences: false)
        guard let column = header.firstIndex(of: "id") else { return nil }
        let cells = body[1].split(separator: "\t", omittingEmptySubsequences: false)
        return column < cells.count && !cells[column].isEmpty ? String(cells[column]) : nil
    }
}
