import Foundation
import Testing
import WorkbenchKit
import WorkbenchPostgres

/// Shared fixtures for the WorkbenchKit tests: a fixed clock reading, the daemon's zone,
/// spec builders and small helpers for catching typed errors.
enum Fixtures {
    /// The zone the tests run the daemon in.
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    /// 2026-11-22T00:00:30+08:00 (2026-11-21T16:00:30Z): just after midnight in Shanghai,
    /// still the previous day in UTC, so "today" depends on the zone.
    static let now = Date(timeIntervalSince1970: 1_795_276_830)

    /// 2026-11-21T09:30:05+08:00.
    static let morning = Date(timeIntervalSince1970: 1_795_224_605)

    /// A day, for tables (the literal days used are valid).
    static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day)!
    }
}

/// Thrown by the handlers of test specs; they are never called.
struct HandlerMustNotRun: Error {}

/// A spec whose handler is never run.
func spec(
    _ path: String, synopsis: String = "test command", help: String = "", arguments: [ArgumentSpec] = [],
    role: Role = .viewer, mutates: Bool = false, examples: [String] = []
) -> CommandSpec {
    CommandSpec(
        path, synopsis: synopsis, help: help, arguments: arguments, role: role, mutates: mutates, examples: examples
    ) { _ in throw HandlerMustNotRun() }
}

/// A module descriptor.
func module(_ id: String, alias: String, title: String = "标题", summary: String = "summary") -> ModuleDescriptor {
    ModuleDescriptor(id: id, alias: alias, title: title, summary: summary)
}

/// The WorkbenchError `body` throws, or nil when it returns. Any other error is recorded
/// as a test failure (and also gives nil).
func caught<Value>(
    _ body: () throws -> Value, sourceLocation: SourceLocation = #_sourceLocation
) -> WorkbenchError? {
    do {
        _ = try body()
        return nil
    } catch let error as WorkbenchError {
        return error
    } catch {
        Issue.record("expected a WorkbenchError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Tokenizes a line given as a String.
func tokenize(_ line: String) throws(WorkbenchError) -> [CommandLineTokenizer.Word] {
    try CommandLineTokenizer.tokenize(line[...])
}

/// A `name=value` word built directly (so values may hold characters a line cannot).
func assignment(_ name: String, _ value: String) -> CommandLineTokenizer.Word {
    let text = name + "=" + value
    return CommandLineTokenizer.Word(text: text, assignmentIndex: text.utf8.index(text.startIndex, offsetBy: name.utf8.count))
}

/// The part of a word before its assignment `=`, or nil when it has none.
func assignmentName(_ word: CommandLineTokenizer.Word) -> String? {
    word.assignmentIndex.map { String(word.text[..<$0]) }
}

/// Splits wire output into lines at LF bytes (not at `Character`s, which would keep CRLF
/// together), dropping the empty piece after the final newline.
func wireLines(_ output: String) -> [String] {
    var pieces = output.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    if pieces.last == "" { pieces.removeLast() }
    return pieces
}

/// SplitMix64: a tiny deterministic generator so property tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Test support")
struct SupportTests {
    @Test func splitMixIsDeterministicAndMatchesTheReferenceSequence() {
        // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        var again = SplitMix64(seed: 0)
        #expect(again.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test func fixturesAreTheInstantsTheyClaim() {
        #expect(PostgresTimestamp.format(Fixtures.now, offsetSeconds: 8 * 3600) == "2026-11-22T00:00:30+08:00")
        #expect(PostgresTimestamp.format(Fixtures.now, offsetSeconds: 0) == "2026-11-21T16:00:30Z")
        #expect(PostgresTimestamp.format(Fixtures.morning, offsetSeconds: 8 * 3600) == "2026-11-21T09:30:05+08:00")
    }

    @Test func wireLinesSplitsAtLineFeedBytesOnly() {
        #expect(wireLines("200-a\r\nb\n200 ok\n") == ["200-a\r", "b", "200 ok"])
        #expect(wireLines("200 ok\n") == ["200 ok"])
    }
}
