/// A small JSON writer that keeps keys in the order given (Foundation's encoders do not) and
/// escapes exactly what RFC 8259 requires, leaving CJK text readable.
struct JSONWriter {
    private(set) var output = ""

    mutating func string(_ value: String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    mutating func raw(_ text: String) { output += text }

    mutating func object(_ members: [(String, (inout JSONWriter) -> Void)]) {
        output += "{"
        for (index, member) in members.enumerated() {
            if index > 0 { output += "," }
            string(member.0)
            output += ":"
            member.1(&self)
        }
        output += "}"
    }

    mutating func array<Element>(_ elements: [Element], _ write: (inout JSONWriter, Element) -> Void) {
        output += "["
        for (index, element) in elements.enumerated() {
            if index > 0 { output += "," }
            write(&self, element)
        }
        output += "]"
    }
}
