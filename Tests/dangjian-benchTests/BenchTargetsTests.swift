import Testing

@testable import dangjian_bench

@Suite("Benchmark targets")
struct BenchTargetsTests {
    static func report(mix: CommandMix, clients: Int, ratio: Double?, p99: Double, idle: Double, peak: Double, errors: [String: Int] = [:])
        -> RunReport
    {
        var daemon = LatencySummary(ClientTally.histogram(), seconds: 1)
        daemon.p99Milliseconds = p99
        return RunReport(
            startedAt: "2026-11-22T00:00:00Z", mix: mix, clients: clients, seconds: 30, warmupSeconds: 3, pipeline: 1, seededCases: 1_000_000,
            daemon: daemon, daemonByCommand: [:], succeeded: 100, errors: errors, connectionFailures: [], pgbench: nil, pgbenchLabel: mix.pgbenchLabel,
            ratio: ratio, idleResidentMegabytes: idle, peakResidentMegabytes: peak, daemonCPUSeconds: 1,
            cpu: .init(machineBusyPercent: 0, daemonPercent: 0, loadClientsPercent: 0, otherPercent: 0),
            singleCommands: [.init(command: "grid stats scope=S1", runs: 5, medianMilliseconds: 51, maxMilliseconds: 60)], targets: []
        )
    }

    static let cases: [(name: String, report: RunReport, expected: [String: Bool])] = [
        (
            "a read run that meets everything but the single command",
            report(mix: .read, clients: 16, ratio: 0.8, p99: 4.9, idle: 40, peak: 60),
            ["read throughput": true, "read p99": true, "idle RSS (before the load)": true, "grid stats (a street)": false]
        ),
        (
            "a read run short of pgbench and slow at p99",
            report(mix: .read, clients: 16, ratio: 0.5, p99: 5.1, idle: 65, peak: 70),
            ["read throughput": false, "read p99": false, "idle RSS (before the load)": false, "grid stats (a street)": false]
        ),
        (
            "a write run at the ratio exactly",
            report(mix: .write, clients: 16, ratio: 1.0, p99: 50, idle: 40, peak: 60),
            ["write throughput": true, "idle RSS (before the load)": true, "grid stats (a street)": false]
        ),
        (
            "256 clients with one refusal",
            report(mix: .mixed, clients: 256, ratio: nil, p99: 400, idle: 40, peak: 255, errors: ["404 grids.case.not_found": 1]),
            ["idle RSS (before the load)": true, "RSS at 256 clients": true, "failures at 256 clients": false, "grid stats (a street)": false]
        ),
        (
            "a ratio at another client count is no target",
            report(mix: .read, clients: 4, ratio: 0.1, p99: 9, idle: 40, peak: 60),
            ["idle RSS (before the load)": true, "grid stats (a street)": false]
        ),
    ]

    @Test("Each run is judged against the issue's targets", arguments: cases.indices)
    func targets(index: Int) {
        let (name, report, expected) = Self.cases[index]
        let targets = BenchTargets.evaluate(report)
        #expect(Dictionary(uniqueKeysWithValues: targets.map { ($0.name, $0.met) }) == expected, "\(name)")
    }

    @Test("The printed report lines up its columns and marks misses")
    func printed() {
        var report = Self.report(mix: .read, clients: 16, ratio: 0.5, p99: 5.1, idle: 40, peak: 60)
        report.targets = BenchTargets.evaluate(report)
        let text = report.printed()
        let ratioLine = text.split(separator: "\n").first { $0.hasPrefix("ratio dangjiand/pgbench") }
        #expect(ratioLine?.split(separator: " ").contains("0.50×") == true, "\(text)")
        #expect(text.contains("MISSED"))
        let targetLines = text.split(separator: "\n").drop { !$0.hasPrefix("Targets:") }.dropFirst()
        let widths = Set(targetLines.map { $0.count })
        #expect(widths.count <= 2, "\(targetLines)")
    }
}
