import Testing
import WorkbenchDaemon

/// One line per kind of warning per interval, the next one carrying the count held back.
@Suite("Repeated warnings are limited")
struct RepeatedWarningLimiterTests {
    /// (kind, seconds after the start, expected decision)
    static let cases: [(String, [(String, Int, RepeatedWarningLimiter.Decision)])] = [
        ("the first of a kind is written", [("a", 0, .write(suppressed: 0))]),
        (
            "repeats within the interval are counted, the next after it carries the count",
            [("a", 0, .write(suppressed: 0)), ("a", 1, .suppress), ("a", 9, .suppress), ("a", 10, .write(suppressed: 2)), ("a", 11, .suppress)]
        ),
        ("kinds are apart", [("a", 0, .write(suppressed: 0)), ("b", 1, .write(suppressed: 0)), ("a", 2, .suppress), ("b", 3, .suppress)]),
        ("a quiet kind starts afresh", [("a", 0, .write(suppressed: 0)), ("a", 30, .write(suppressed: 0)), ("a", 45, .write(suppressed: 0))]),
        (
            "past the remembered kinds all are forgotten",
            [("a", 0, .write(suppressed: 0)), ("b", 0, .write(suppressed: 0)), ("c", 1, .write(suppressed: 0)), ("a", 2, .write(suppressed: 0))]
        ),
    ]

    @Test(arguments: cases.indices)
    func decides(_ index: Int) {
        let (name, steps) = Self.cases[index]
        let limiter = RepeatedWarningLimiter(interval: .seconds(10), maximumKinds: 2)
        let start = ContinuousClock.now
        for (kind, seconds, expected) in steps {
            #expect(limiter.decide(kind: kind, now: start + .seconds(seconds)) == expected, "\(name): \(kind) at \(seconds) s")
        }
    }
}
