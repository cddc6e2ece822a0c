import Testing

@testable import dangjian_bench

@Suite("What scoped access costs: the report")
struct ScopeCostReportTests {
    static func report(unscoped: Double, scoped: Double, unscopedRefused: Int = 0, scopedRefused: Int = 0) -> ScopeCostReport {
        func side(_ perSecond: Double, refused: Int, scope: String) -> ScopeCostReport.Side {
            .init(
                socket: "/run/\(scope).sock", scope: scope, perSecond: perSecond, roundsPerSecond: [perSecond, perSecond],
                answered: Int(perSecond * 20), refused: refused, p50Milliseconds: 5, p99Milliseconds: 20, daemonCPUMicrosecondsPerCommand: 300)
        }
        return ScopeCostReport(
            startedAt: "2026-12-04T00:00:00Z", mix: .read, clients: 16, secondsPerRound: 10, rounds: 2, street: "BENCH-D1-S01",
            unscoped: side(unscoped, refused: unscopedRefused, scope: "all"), scoped: side(scoped, refused: scopedRefused, scope: "BENCH-D1-S01"))
    }

    @Test(arguments: [
        // unscoped, scoped, refused on the scoped side, ratio, met
        (2_000.0, 1_900.0, 0, 0.95, true),
        (2_000.0, 1_800.0, 0, 0.90, true),
        (2_000.0, 1_700.0, 0, 0.85, false),
        // Refusals mean the commands left the scope: not a valid measurement, whatever the ratio.
        (2_000.0, 2_000.0, 3, 1.00, false),
        // Nothing measured on the unscoped side: no ratio.
        (0.0, 1_000.0, 0, 0.00, false),
    ])
    func theGoalIsTheRatioWithNothingRefused(unscoped: Double, scoped: Double, refused: Int, ratio: Double, met: Bool) {
        let report = Self.report(unscoped: unscoped, scoped: scoped, scopedRefused: refused)
        #expect(abs(report.ratio - ratio) < 0.001)
        #expect(report.met == met)
        let printed = report.printed()
        #expect(printed.contains(String(format: "scoped ÷ unscoped: %.2f×", ratio)))
        #expect(printed.contains(met ? ": met" : ": MISSED"))
        #expect(printed.contains("Refused commands mean") == (refused > 0))
    }

    @Test func bothSidesArePrintedWithEachRound() {
        let lines = Self.report(unscoped: 2_000, scoped: 1_900).printed().split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("unscoped ") && $0.contains("2000 / 2000") })
        #expect(lines.contains { $0.hasPrefix("scoped to BENCH-D1-S01 ") && $0.contains("1900 / 1900") })
    }
}
