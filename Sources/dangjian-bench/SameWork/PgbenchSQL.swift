/// Rewrites a statement the daemon sent into a pgbench script command.
///
/// Each `$n` placeholder is replaced by what `placeholder(n)` returns (a pgbench variable
/// `:name`, which pgbench binds as `$n` again in `-M prepared`, or a typed NULL). pgbench
/// takes any `:name` outside a `::` cast for a variable, even inside a quoted literal, so
/// literals that contain one are rewritten as `E'…'` with the colon escaped as `\x3a`, and a
/// colon before a name outside literals gets a space after it (`[1:n]` → `[1: n]`). Quoted
/// identifiers, comments and dollar quotes are recognised so that a `$1` inside them stays.
enum PgbenchSQL {
    /// `sql` with its placeholders replaced and its colons made safe for pgbench.
    static func rewrite(_ sql: String, placeholder: (Int) -> String) -> String {
        let characters = Array(sql.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        func at(_ offset: Int) -> Unicode.Scalar? {
            index + offset < characters.count ? characters[index + offset] : nil
        }
        func previousIsIdentifier() -> Bool {
            guard index > 0 else { return false }
            return isIdentifierCharacter(characters[index - 1])
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "'":
                // E'…' (backslash escapes) when an E stands right before, not as part of a word.
                let escaped =
                    index > 0 && (characters[index - 1] == "E" || characters[index - 1] == "e")
                    && !(index > 1 && isIdentifierCharacter(characters[index - 2]))
                let (text, next) = quotedLiteral(characters, from: index, backslashEscapes: escaped)
                index = next
                if escaped {
                    output.append(contentsOf: text.unicodeScalars)
                } else {
                    output.append(
                        contentsOf: (hasVariableLikeColon(decodeStandard(text)) ? escapedLiteral(decodeStandard(text)) : text).unicodeScalars)
                }
                continue
            case "\"":
                var end = index + 1
                while end < characters.count {
                    if characters[end] == "\"" {
                        if end + 1 < characters.count && characters[end + 1] == "\"" { end += 2; continue }
                        break
                    }
                    end += 1
                }
                output.append(contentsOf: characters[index...min(end, characters.count - 1)])
                index = end + 1
                continue
            case "-" where at(1) == "-":
                var end = index
                while end < characters.count && characters[end] != "\n" { end += 1 }
                output.append(contentsOf: spacedColons(Array(characters[index..<end])))
                index = end
                continue
            case "/" where at(1) == "*":
                var depth = 0
                var end = index
                repeat {
                    if characters[end] == "/" && end + 1 < characters.count && characters[end + 1] == "*" {
                        depth += 1
                        end += 2
                    } else if characters[end] == "*" && end + 1 < characters.count && characters[end + 1] == "/" {
                        depth -= 1
                        end += 2
                    } else {
                        end += 1
                    }
                } while depth > 0 && end < characters.count
                output.append(contentsOf: spacedColons(Array(characters[index..<end])))
                index = end
                continue
            case "$" where !previousIsIdentifier():
                var end = index + 1
                while end < characters.count && characters[end].properties.numericType != nil && characters[end].isASCII { end += 1 }
                if end > index + 1, let number = Int(String(String.UnicodeScalarView(characters[(index + 1)..<end]))) {
                    output.append(contentsOf: placeholder(number).unicodeScalars)
                    index = end
                    continue
                }
                if let (body, next) = dollarQuoted(characters, from: index) {
                    let bodyText = String(String.UnicodeScalarView(body))
                    if hasVariableLikeColon(bodyText) {
                        output.append(contentsOf: escapedLiteral(bodyText).unicodeScalars)
                    } else {
                        output.append(contentsOf: characters[index..<next])
                    }
                    index = next
                    continue
                }
            case ":":
                if at(1) == ":" {
                    while index < characters.count && characters[index] == ":" {
                        output.append(":")
                        index += 1
                    }
                    continue
                }
                output.append(":")
                if let next = at(1), isNameStart(next) { output.append(" ") }
                index += 1
                continue
            default:
                break
            }
            output.append(character)
            index += 1
        }
        return String(output)
    }

    /// Whether pgbench would read part of `text` as a variable (`:name`).
    static func hasVariableLikeColon(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == ":" {
                if index + 1 < scalars.count && scalars[index + 1] == ":" {
                    while index < scalars.count && scalars[index] == ":" { index += 1 }
                    continue
                }
                if index + 1 < scalars.count && isNameStart(scalars[index + 1]) { return true }
            }
            index += 1
        }
        return false
    }

    // MARK: Pieces

    /// pgbench variable names start with a letter, an underscore or any non-ASCII byte.
    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII || scalar == "_" || (scalar.properties.isAlphabetic && scalar.isASCII)
    }

    private static func isIdentifierCharacter(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII || scalar == "_" || scalar == "$" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    /// `E'…'` with backslashes, quotes, colons and control characters escaped.
    private static func escapedLiteral(_ value: String) -> String {
        var text = "E'"
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": text += "\\\\"
            case "'": text += "\\'"
            case ":": text += "\\x3a"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 {
                    text += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "'"
    }

    /// A quoted literal starting at `start` (its opening quote): its text with the quotes,
    /// and the index after it. In an `E'…'` literal a colon is escaped as `\x3a` on the way.
    private static func quotedLiteral(_ characters: [Unicode.Scalar], from start: Int, backslashEscapes: Bool) -> (String, Int) {
        var text = String.UnicodeScalarView(["'"])
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            if backslashEscapes && character == "\\" && index + 1 < characters.count {
                text.append("\\")
                if characters[index + 1] == ":" { text.append(contentsOf: "x3a".unicodeScalars) } else { text.append(characters[index + 1]) }
                index += 2
                continue
            }
            if character == "'" {
                if index + 1 < characters.count && characters[index + 1] == "'" {
                    text.append(contentsOf: "''".unicodeScalars)
                    index += 2
                    continue
                }
                text.append("'")
                return (String(text), index + 1)
            }
            if backslashEscapes && character == ":" {
                text.append(contentsOf: "\\x3a".unicodeScalars)
            } else {
                text.append(character)
            }
            index += 1
        }
        return (String(text), index)
    }

    /// The value of a standard `'…'` literal (quotes included in `text`).
    private static func decodeStandard(_ text: String) -> String {
        String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    }

    /// A dollar-quoted string starting at `start`: its body and the index after its end.
    private static func dollarQuoted(_ characters: [Unicode.Scalar], from start: Int) -> ([Unicode.Scalar], Int)? {
        var end = start + 1
        while end < characters.count && characters[end] != "$" {
            guard isIdentifierCharacter(characters[end]) && characters[end] != "$" else { return nil }
            end += 1
        }
        guard end < characters.count else { return nil }
        let tag = Array(characters[start...end])
        var index = end + 1
        while index + tag.count <= characters.count {
            if Array(characters[index..<(index + tag.count)]) == tag {
                return (Array(characters[(end + 1)..<index]), index + tag.count)
            }
            index += 1
        }
        return nil
    }

    private static func spacedColons(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        for (offset, scalar) in scalars.enumerated() {
            output.append(scalar)
            if scalar == ":", offset + 1 < scalars.count, isNameStart(scalars[offset + 1]) { output.append(" ") }
        }
        return output
    }
}
