/// Splits one request line into words, as the control protocol defines.
///
/// Words are separated by blanks (spaces and tabs). A double-quoted section may contain
/// blanks and the escapes `\"`, `\\`, `\n` and `\t`; quotes may appear inside a word
/// (`name="Party branch 1"` is the single word `name=Party branch 1`). Outside quotes a
/// backslash is an ordinary character. An unbalanced quote, an unknown escape or a control
/// character is a syntax error (reply 400). A trailing carriage return is ignored, so CRLF
/// clients work.
public enum CommandLineTokenizer {
    /// One word of a request line.
    public struct Word: Sendable, Equatable {
        /// The word's text after quotes and escapes are resolved.
        public var text: String
        /// Whether any part of the word was quoted (a quoted `"--json"` is an ordinary word).
        public var wasQuoted: Bool
        /// The position of the first unquoted `=`, which separates an argument's name from
        /// its value; nil when the word has none.
        public var assignmentIndex: String.Index?

        /// Creates a word.
        public init(text: String, wasQuoted: Bool = false, assignmentIndex: String.Index? = nil) {
            self.text = text
            self.wasQuoted = wasQuoted
            self.assignmentIndex = assignmentIndex
        }
    }

    /// Splits `line` into words.
    public static func tokenize(_ line: Substring) throws(WorkbenchError) -> [Word] {
        var words: [Word] = []
        var current = ""
        var inWord = false
        var inQuotes = false
        var wasQuoted = false
        var assignment: String.Index?
        var quoteStart = 0
        var scalars = line.unicodeScalars.makeIterator()
        var column = 0
        var pendingCarriageReturn = false

        func finishWord() {
            if inWord {
                words.append(Word(text: current, wasQuoted: wasQuoted, assignmentIndex: assignment))
            }
            current = ""
            inWord = false
            wasQuoted = false
            assignment = nil
        }

        while let scalar = scalars.next() {
            column += 1
            if pendingCarriageReturn {
                throw WorkbenchError.syntax("a carriage return may only end the line (column \(column - 1))")
            }
            if inQuotes {
                switch scalar {
                case "\"":
                    inQuotes = false
                case "\\":
                    column += 1
                    switch scalars.next() {
                    case "\"": current.unicodeScalars.append("\"")
                    case "\\": current.unicodeScalars.append("\\")
                    case "n": current.unicodeScalars.append("\n")
                    case "t": current.unicodeScalars.append("\t")
                    case let other?:
                        throw WorkbenchError.syntax(
                            "unknown escape \\\(other) at column \(column - 1); inside quotes use \\\" \\\\ \\n or \\t"
                        )
                    case nil:
                        throw WorkbenchError.syntax("the line ends inside an escape; close the quote opened at column \(quoteStart)")
                    }
                default:
                    current.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case " ", "\t":
                finishWord()
            case "\"":
                inQuotes = true
                inWord = true
                wasQuoted = true
                quoteStart = column
            case "\r":
                pendingCarriageReturn = true
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    throw WorkbenchError.syntax(
                        "control character U+\(Self.hex4(scalar.value)) at column \(column); "
                            + "write it inside quotes as \\n or \\t"
                    )
                }
                if scalar == "=" && assignment == nil {
                    assignment = current.endIndex
                }
                current.unicodeScalars.append(scalar)
                inWord = true
            }
        }
        if inQuotes {
            throw WorkbenchError.syntax("unbalanced quote: the quote opened at column \(quoteStart) is never closed")
        }
        finishWord()
        return words
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Writes `word` so that ``tokenize(_:)`` reads it back unchanged: bare when it is safe,
    /// else in double quotes with escapes. `name=value` keeps its name bare.
    public static func quote(_ word: String) -> String {
        if let equals = word.firstIndex(of: "="), isBareSafe(word[..<equals]), !word[..<equals].isEmpty {
            return String(word[...equals]) + quoteValue(String(word[word.index(after: equals)...]))
        }
        return quoteValue(word)
    }

    private static func quoteValue(_ value: String) -> String {
        if !value.isEmpty && isBareSafe(value[...]) { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    private static func isBareSafe(_ text: Substring) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value != 0x7f && scalar != "\"" && scalar != "\\" && scalar != "="
        }
    }
}
