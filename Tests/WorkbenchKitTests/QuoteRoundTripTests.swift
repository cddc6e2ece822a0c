import Testing
import WorkbenchKit

@Suite("CommandLineTokenizer.quote")
struct QuoteRoundTripTests {
    static let trickyWords: [String] = [
        "",
        " ",
        "a b",
        "\"",
        "\"quoted\"",
        "\\",
        #"C:\dir\file"#,
        "\n",
        "line1\nline2",
        "\t",
        "a\tb",
        "=",
        "==",
        "=x",
        "x=",
        "a=b",
        "a=b=c",
        "name=value with space",
        "name=\"quoted value\"",
        "name=back\\slash",
        "a\"=b",
        "a b=c",
        "党建",
        "党建 网格",
        "网格=第一 网格",
        "--json",
        "\u{1}",
        "a\u{7F}b",
        "tab=\t",
        "e\u{301}",  // e + U+0301: one Character of two scalars
        "\u{301}x",
    ]

    @Test(arguments: trickyWords)
    func roundTrips(_ word: String) throws {
        let quoted = CommandLineTokenizer.quote(word)
        let words = try tokenize(quoted)
        #expect(words.map(\.text) == [word], "quote(\(word.debugDescription)) = \(quoted.debugDescription)")
    }

    @Test(arguments: trickyWords)
    func quotedWordsStaySeparateOnOneLine(_ word: String) throws {
        let line = ["first", word, "last"].map(CommandLineTokenizer.quote).joined(separator: " ")
        #expect(try tokenize(line).map(\.text) == ["first", word, "last"])
    }

    struct Shape: Sendable, CustomTestStringConvertible {
        var word: String
        var quoted: String
        var testDescription: String { word.debugDescription }
    }

    /// Safe words stay bare; `name=value` keeps its name bare so it still binds.
    @Test(arguments: [
        Shape(word: "ping", quoted: "ping"),
        Shape(word: "党建", quoted: "党建"),
        Shape(word: "name=value", quoted: "name=value"),
        Shape(word: "name=value with space", quoted: "name=\"value with space\""),
        Shape(word: "网格=第一 网格", quoted: "网格=\"第一 网格\""),
        Shape(word: "x=", quoted: "x=\"\""),
        Shape(word: "a=b=c", quoted: "a=\"b=c\""),
        Shape(word: "=x", quoted: "\"=x\""),
        Shape(word: "", quoted: "\"\""),
        Shape(word: "a b", quoted: "\"a b\""),
        Shape(word: "say \"hi\"\\\n\t", quoted: #""say \"hi\"\\\n\t""#),
    ])
    func quotesOnlyWhatItMust(_ shape: Shape) {
        #expect(CommandLineTokenizer.quote(shape.word) == shape.quoted)
    }

    @Test(arguments: ["name=value with space", "note=a\"b", "x=", "网格=第一 网格", "k=v=w"])
    func assignmentsStayAssignments(_ word: String) throws {
        let parsed = try #require(try tokenize(CommandLineTokenizer.quote(word)).first)
        let equals = try #require(word.firstIndex(of: "="))
        #expect(assignmentName(parsed) == String(word[..<equals]))
    }

    // MARK: Property

    static let alphabet: [String] = [
        "a", "b", "Z", "0", "-", " ", "\t", "\"", "\\", "\n", "\r", "=", "党", "建", "网", "\u{3000}", "\u{1}", "\u{7F}",
        "e\u{301}", "\u{301}", "😀",
    ]

    static func randomWord(using generator: inout SplitMix64) -> String {
        let length = Int(generator.next() % 13)
        var word = ""
        for _ in 0..<length {
            word += alphabet[Int(generator.next() % UInt64(alphabet.count))]
        }
        return word
    }

    @Test(arguments: [0x5EED_0001 as UInt64, 0xDA46_1A4E, 20_261_121])
    func randomWordsRoundTrip(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        var failures: [String] = []
        for _ in 0..<300 {
            let word = Self.randomWord(using: &generator)
            let quoted = CommandLineTokenizer.quote(word)
            do {
                let words = try tokenize(quoted)
                if words.map(\.text) != [word] { failures.append(word) }
            } catch {
                failures.append(word)
            }
        }
        #expect(failures.isEmpty, "words that did not round-trip: \(failures.map(\.debugDescription))")
    }

    @Test(arguments: [7 as UInt64, 42])
    func randomLinesOfQuotedWordsRoundTrip(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        for _ in 0..<100 {
            let words = (0..<Int(generator.next() % 6)).map { _ in Self.randomWord(using: &generator) }
            let line = words.map(CommandLineTokenizer.quote).joined(separator: generator.next() % 2 == 0 ? " " : " \t ")
            let parsed = try tokenize(line)
            #expect(parsed.map(\.text) == words, "line \(line.debugDescription)")
        }
    }
}
