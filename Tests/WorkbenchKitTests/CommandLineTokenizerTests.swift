import Testing
import WorkbenchKit

@Suite("CommandLineTokenizer.tokenize")
struct CommandLineTokenizerTests {
    /// What one word should come out as.
    struct Expected: Sendable, Equatable, CustomStringConvertible {
        var text: String
        var quoted: Bool
        /// The text before the assignment `=`; nil when the word has no unquoted `=`.
        var name: String?

        init(_ text: String, quoted: Bool = false, name: String? = nil) {
            self.text = text
            self.quoted = quoted
            self.name = name
        }

        init(_ word: CommandLineTokenizer.Word) {
            self.init(word.text, quoted: word.wasQuoted, name: assignmentName(word))
        }

        var description: String { "\(text.debugDescription)\(quoted ? " quoted" : "")\(name.map { " name=\($0)" } ?? "")" }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var line: String
        var words: [Expected]
        var testDescription: String { line.debugDescription }
    }

    static let cases: [Case] = [
        Case(line: "ping", words: [Expected("ping")]),
        Case(line: "grids case list", words: [Expected("grids"), Expected("case"), Expected("list")]),
        Case(line: "  grids \t case\t\tlist  ", words: [Expected("grids"), Expected("case"), Expected("list")]),
        Case(line: "\t\tping", words: [Expected("ping")]),
        Case(line: "\"a b\" c", words: [Expected("a b", quoted: true), Expected("c")]),
        Case(line: "\"a\tb\"", words: [Expected("a\tb", quoted: true)]),
        Case(line: "a\"b c\"d", words: [Expected("ab cd", quoted: true)]),
        Case(line: "name=\"a b\"", words: [Expected("name=a b", quoted: true, name: "name")]),
        Case(line: "name=value", words: [Expected("name=value", name: "name")]),
        Case(line: "x=", words: [Expected("x=", name: "x")]),
        Case(line: "=v", words: [Expected("=v", name: "")]),
        Case(line: "a=b=c", words: [Expected("a=b=c", name: "a")]),
        // A quoted `=` is data, not an assignment.
        Case(line: "\"a=b\"", words: [Expected("a=b", quoted: true, name: nil)]),
        Case(line: "\"a=b\"=c", words: [Expected("a=b=c", quoted: true, name: "a=b")]),
        Case(line: "\"a\"=b", words: [Expected("a=b", quoted: true, name: "a")]),
        Case(line: "note=\"x=y\"", words: [Expected("note=x=y", quoted: true, name: "note")]),
        Case(line: "\"\"", words: [Expected("", quoted: true)]),
        Case(line: "x \"\" y", words: [Expected("x"), Expected("", quoted: true), Expected("y")]),
        Case(line: "\"--json\"", words: [Expected("--json", quoted: true)]),
        Case(line: "--json", words: [Expected("--json")]),
        Case(
            line: #"note="say \"hi\"\\ back\nnext\tcol""#,
            words: [Expected("note=say \"hi\"\\ back\nnext\tcol", quoted: true, name: "note")]
        ),
        // Outside quotes a backslash is an ordinary character, even before n or a quote-less t.
        Case(line: #"path=C:\dir\new\t"#, words: [Expected(#"path=C:\dir\new\t"#, name: "path")]),
        Case(line: #"\"#, words: [Expected(#"\"#)]),
        Case(line: "党建 网格=\"第一 网格\"", words: [Expected("党建"), Expected("网格=第一 网格", quoted: true, name: "网格")]),
        Case(line: "组织　名", words: [Expected("组织　名")]),  // U+3000 is not a blank of the protocol
        Case(line: "", words: []),
        Case(line: "   \t  ", words: []),
        Case(line: "ping\r", words: [Expected("ping")]),
        Case(line: "a=\"x y\"\r", words: [Expected("a=x y", quoted: true, name: "a")]),
        Case(line: "\r", words: []),
    ]

    @Test(arguments: cases)
    func splitsWords(_ testCase: Case) throws {
        let words = try tokenize(testCase.line)
        #expect(words.map(Expected.init) == testCase.words)
    }

    @Test func assignmentIndexPointsAtTheEqualsSign() throws {
        for line in ["name=\"a b\"", "网格=\"第一 网格\"", "\"a=b\"=c", "a=b=c"] {
            let word = try #require(try tokenize(line).first)
            let index = try #require(word.assignmentIndex, "\(line)")
            #expect(word.text[index] == "=", "\(line)")
        }
    }

    @Test func aQuotedEqualsSignIsNotAnAssignment() throws {
        let words = try tokenize("\"a=b\" a\"=\"b")
        #expect(words.map(\.text) == ["a=b", "a=b"])
        #expect(words.allSatisfy { $0.assignmentIndex == nil })
        #expect(words.allSatisfy { $0.wasQuoted })
    }

    @Test func wasQuotedIsPerWord() throws {
        let words = try tokenize("plain \"quoted\" half\"way\" plain2")
        #expect(words.map(\.wasQuoted) == [false, true, true, false])
    }

    @Test func aLineOf64KiBIsOneWord() throws {
        let long = String(repeating: "a", count: 64 * 1024)
        let words = try tokenize(long)
        #expect(words.count == 1)
        #expect(words.first?.text.utf8.count == 64 * 1024)
        #expect(words.first?.text == long)

        let quoted = try tokenize("note=\"" + String(repeating: "党 ", count: 10_000) + "\"")
        #expect(quoted.count == 1)
        #expect(quoted.first?.text.count == 5 + 20_000)
    }

    // MARK: Errors

    struct Failure: Sendable, CustomTestStringConvertible {
        var line: String
        /// Fragments the message must contain.
        var mentions: [String]
        var testDescription: String { line.debugDescription }
    }

    static let failures: [Failure] = [
        Failure(line: #""abc\x""#, mentions: [#"unknown escape \x"#, "column 5"]),
        Failure(line: #"note="a\u0041""#, mentions: [#"unknown escape \u"#, "column 8"]),
        Failure(line: #"note="a\ b""#, mentions: [#"unknown escape \ "#]),
        Failure(line: #""abc\"#, mentions: ["ends inside an escape", "column 1"]),
        Failure(line: "say \"hello", mentions: ["unbalanced quote", "column 5"]),
        Failure(line: "\"", mentions: ["unbalanced quote", "column 1"]),
        Failure(line: "a=\"x\" b=\"y", mentions: ["unbalanced quote", "column 9"]),
        // Columns count characters (scalars), not bytes.
        Failure(line: "网格=\"第一", mentions: ["unbalanced quote", "column 4"]),
        Failure(line: "a\u{1}b", mentions: ["control character", "column 2"]),
        Failure(line: "\u{0}", mentions: ["control character", "column 1"]),
        Failure(line: "\u{1B}[31m", mentions: ["control character"]),
        Failure(line: "a\u{7F}", mentions: ["control character", "7F", "column 2"]),
        Failure(line: "a\u{0B}b", mentions: ["control character"]),
        Failure(line: "a\nb", mentions: ["control character"]),
        Failure(line: "a\rb", mentions: ["carriage return", "column 2"]),
        Failure(line: "ping\r\r", mentions: ["carriage return", "column 5"]),
        Failure(line: "ping\r ", mentions: ["carriage return"]),
    ]

    @Test(arguments: failures)
    func rejectsWithASyntaxError(_ failure: Failure) throws {
        let error = try #require(caught { try tokenize(failure.line) })
        #expect(error.status == .badRequest)
        #expect(error.code == "syntax")
        #expect(error.argument == nil)
        for fragment in failure.mentions {
            #expect(error.message.contains(fragment), "\(error.message.debugDescription) should mention \(fragment.debugDescription)")
        }
        #expect(!error.message.contains("\n"))
    }

    @Test func aCarriageReturnOnlyEndsTheLine() throws {
        #expect(try tokenize("help grids\r").map(\.text) == ["help", "grids"])
        #expect(caught { try tokenize("help\rgrids") }?.code == "syntax")
    }
}
