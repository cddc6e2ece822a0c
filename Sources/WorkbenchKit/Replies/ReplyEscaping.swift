/// How the text form writes a value so that no value can start a line, end one or move a
/// terminal's cursor: every text value of every reply form (table cells, record values,
/// preformatted lines, summaries and error messages) passes through ``escape(_:)``.
///
/// | In the value | Written |
/// |---|---|
/// | backslash | `\\` |
/// | tab, newline, carriage return | `\t`, `\n`, `\r` |
/// | any other C0 or C1 control character, DEL | `\xHH` (two upper-case hex digits) |
/// | U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR | `\u2028`, `\u2029` |
///
/// Everything else, CJK text included, is written as it is. The JSON form needs none of
/// this: JSON strings escape control characters themselves.
///
/// A reply's final line (its summary, or an error's message) is prose rather than data:
/// ``oneLine(_:)`` turns its line breaks into spaces and escapes the other controls, and
/// leaves backslashes alone.
public enum ReplyEscaping {
    /// `text` escaped for one line of the text form.
    public static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x5C: escaped += "\\\\"
            case 0x09: escaped += "\\t"
            case 0x0A: escaped += "\\n"
            case 0x0D: escaped += "\\r"
            case 0x00..<0x20, 0x7F...0x9F: escaped += "\\x" + hex(scalar.value)
            case 0x2028, 0x2029: escaped += "\\u" + String(scalar.value, radix: 16)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `text` as one line of prose: each run of line breaks becomes one space, other control
    /// characters are written `\xHH`; backslashes stay as they are.
    public static func oneLine(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var result = ""
        var lastWasBreak = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029:
                if !lastWasBreak { result += " " }
                lastWasBreak = true
                continue
            case 0x00..<0x20, 0x7F...0x9F: result += "\\x" + hex(scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
            lastWasBreak = false
        }
        return result
    }

    /// False when `text` certainly needs no escaping, judged from its UTF-8 bytes alone (every
    /// reply line passes here, so the common case must not walk scalars): a backslash, a C0
    /// control or DEL is one byte; C1 controls start with 0xC2 and U+2028/U+2029 with 0xE2.
    public static func needsEscaping(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
