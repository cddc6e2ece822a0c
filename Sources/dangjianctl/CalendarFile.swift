/// A working-calendar file for `dangjianctl calendar import`, parsed: one `date,kind,name`
/// line per holiday or make-up working day.
///
/// ```
/// # 2025 (国务院办公厅 notice)
/// date,kind,name
/// 2025-10-01,holiday,国庆节
/// 2025-10-11,workday,国庆节调休上班
/// ```
///
/// Blank lines and lines starting with `#` are skipped, and so is a header line
/// `date,kind,name`. Fields are separated by commas; blanks (spaces and tabs) around them are
/// dropped, and a field may be wrapped in double quotes. The name is everything after the
/// second comma; a UTF-8 byte order mark and CRLF line ends (a spreadsheet's CSV) are fine.
/// Each malformed line is a ``Problem`` with its line number; the rest of the checking
/// (that a holiday falls on a weekday, a make-up workday on a weekend) is the daemon's.
struct CalendarFile: Equatable, Sendable {
    /// One well-formed line.
    struct Entry: Equatable, Sendable {
        /// The line's number in the file, from 1.
        var line: Int
        /// The day, `YYYY-MM-DD`.
        var date: String
        /// `holiday` or `workday`.
        var kind: String
        /// The day's name.
        var name: String

        /// The `calendar set` request for this line.
        var request: String {
            RequestBuilder.line(words: ["calendar", "set", "date=\(date)", "kind=\(kind)", "name=\(name)"], json: false)
        }
    }

    /// A malformed line.
    struct Problem: Equatable, Sendable {
        /// The line's number in the file, from 1.
        var line: Int
        /// What is wrong and what is expected.
        var message: String
    }

    /// The kinds a line may name.
    static let kinds = ["holiday", "workday"]
    /// The longest name the daemon accepts.
    static let maximumNameLength = 50

    /// The well-formed lines, in file order.
    var entries: [Entry] = []
    /// The malformed lines, in file order.
    var problems: [Problem] = []

    /// Parses a file's text.
    init(parsing text: String) {
        var sawData = false
        var number = 0
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // Split on every newline: "\r\n" is one Character, so splitting on "\n" alone would miss it.
        for rawLine in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            let line = String(rawLine).trimmingBlanks()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false).map(Self.field)
            if !sawData && fields.map({ $0.lowercased() }) == ["date", "kind", "name"] {
                sawData = true
                continue
            }
            sawData = true
            switch Self.check(fields) {
            case .success(let entry):
                entries.append(Entry(line: number, date: entry.date, kind: entry.kind, name: entry.name))
            case .failure(let problem):
                problems.append(Problem(line: number, message: problem.message))
            }
        }
    }

    private struct Fields {
        var date: String
        var kind: String
        var name: String
    }

    private struct Malformed: Error {
        var message: String
    }

    private static func check(_ fields: [String]) -> Result<Fields, Malformed> {
        guard fields.count == 3 else {
            return .failure(Malformed(message: "expected date,kind,name (3 fields separated by commas), found \(fields.count)"))
        }
        let (date, kind, name) = (fields[0], fields[1], fields[2])
        guard isDate(date) else {
            return .failure(Malformed(message: "\"\(date)\" is not a date as YYYY-MM-DD"))
        }
        guard kinds.contains(kind) else {
            return .failure(Malformed(message: "kind \"\(kind)\" is neither holiday nor workday"))
        }
        guard !name.isEmpty else {
            return .failure(Malformed(message: "the name is empty: give the day's name, e.g. 国庆节"))
        }
        guard name.count <= maximumNameLength, !name.contains(where: { $0.isNewline || $0 == "\t" }) else {
            return .failure(Malformed(message: "the name is longer than \(maximumNameLength) characters or holds a tab"))
        }
        return .success(Fields(date: date, kind: kind, name: name))
    }

    /// A field without surrounding blanks and double quotes.
    private static func field(_ text: Substring) -> String {
        var field = String(text).trimmingBlanks()
        if field.count >= 2, field.hasPrefix("\""), field.hasSuffix("\"") {
            field = String(field.dropFirst().dropLast()).trimmingBlanks()
        }
        return field
    }

    /// Whether `text` is `YYYY-MM-DD` naming a day that exists.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= length
    }
}
