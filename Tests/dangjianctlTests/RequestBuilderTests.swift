import Testing
import WorkbenchKit

@testable import dangjianctl

@Suite("Building requests from command-line words")
struct RequestBuilderTests {
    @Test(arguments: [
        (["ping"], "ping"),
        (["grid", "case", "list", "status=open"], "grid case list status=open"),
        (["org", "unit", "add", "name=Party branch 1"], #"org unit add name="Party branch 1""#),
        (["org", "unit", "add", "name=第一党支部"], "org unit add name=第一党支部"),
        (["org", "unit", "add", "name=第一 党支部"], #"org unit add name="第一 党支部""#),
        (["note", "add", #"text=say "hi""#], #"note add text="say \"hi\"""#),
        (["note", "add", "text=line 1\nline 2"], #"note add text="line 1\nline 2""#),
        (["note", "add", #"path=C:\dir"#], #"note add path="C:\\dir""#),
        (["note", "add", "text="], #"note add text="""#),
        (["x", "a=b=c"], #"x a="b=c""#),
        (["x", "two words"], #"x "two words""#),
        (["x", ""], #"x """#),
        (["help", "grid", "case"], "help grid case"),
    ])
    func quotedAndJoined(words: [String], expected: String) {
        #expect(RequestBuilder.line(words: words, json: false) == expected)
    }

    @Test(arguments: [
        ["org", "unit", "add", "name=Party branch 1"],
        ["note", "add", "text=a\tb\nc \"d\" \\e", "tags=x,y"],
        ["x", "", "=", "==", "a=", "=b", "--json-ish", "党建=是"],
    ])
    func theDaemonReadsTheWordsBack(words: [String]) throws {
        let line = RequestBuilder.line(words: words, json: false)
        let tokens = try CommandLineTokenizer.tokenize(line[...])
        #expect(tokens.map(\.text) == words)
    }

    @Test func jsonIsAppended() {
        #expect(RequestBuilder.line(words: ["grid", "case", "list"], json: true) == "grid case list --json")
        #expect(RequestBuilder.withJSONFlag("ping") == "ping --json")
        #expect(RequestBuilder.withJSONFlag("ping --json") == "ping --json")
    }

    @Test func lengthLimit() throws {
        let limit = ReplyLine.maximumRequestBytes
        try RequestBuilder.check(String(repeating: "x", count: limit))
        #expect(throws: ClientError.requestTooLong(bytes: limit + 1, limit: limit)) {
            try RequestBuilder.check(String(repeating: "x", count: limit + 1))
        }
        // The limit is in bytes: 党 is three.
        #expect(throws: ClientError.requestTooLong(bytes: 3 * 30000, limit: limit)) {
            try RequestBuilder.check(String(repeating: "党", count: 30000))
        }
    }
}

@Suite("Command words and options")
struct CommandWordsTests {
    @Test func passedThroughAsCaptured() {
        let words = CommandWords(captured: ["grid", "case", "list", "status=open", "--limit=5"])
        #expect(words.words == ["grid", "case", "list", "status=open", "--limit=5"])
        #expect(!words.wantsJSON)
        #expect(words.unknownOption == nil)
        #expect(words.builtIn == nil)
    }

    @Test func trailingJSONIsTheOption() {
        let words = CommandWords(captured: ["grid", "case", "list", "--json"])
        #expect(words.words == ["grid", "case", "list"])
        #expect(words.wantsJSON)
    }

    @Test func trailingHelpAsksTheDaemon() {
        #expect(CommandWords(captured: ["grid", "case", "--help"]).words == ["help", "grid", "case"])
    }

    @Test func leadingTerminatorIsDropped() {
        let words = CommandWords(captured: ["--", "-odd", "x"])
        #expect(words.words == ["-odd", "x"])
        #expect(words.unknownOption == nil)
    }

    @Test(arguments: [
        (["--help"], CommandWords.BuiltIn.help), (["-h"], .help), (["--version"], .version),
    ])
    func ownOptions(captured: [String], expected: CommandWords.BuiltIn) {
        #expect(CommandWords(captured: captured).builtIn == expected)
    }

    @Test func unknownLeadingOption() {
        #expect(CommandWords(captured: ["--bogus", "ping"]).unknownOption == "--bogus")
    }
}
