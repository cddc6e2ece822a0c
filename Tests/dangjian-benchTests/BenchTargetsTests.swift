import Testing

@testable import dangjian_bench

@Suite("Benchmark targets")
struct BenchTargetsTests {
    static func report(
        mix: CommandMix, clients: Int, ratio: Double?, sameWork: Double? = nil, ping: Double? = nil, cpu: Double = 50, p99: Double, idle: Double,
        afterLoad: Double = 0, peak: Double, errors: [String: Int] = [:]
    ) -> RunReport {
        var daemon = LatencySummary(ClientTally.histogram(), seconds: 1)
        daemon.p99Milliseconds = p99
        daemon.answered = 1_000
        var report = RunReport(
            startedAt: "2026-11-22T00:00:00Z", mix: mix, clients: clients, seconds: 30, warmupSeconds: 3, pipeline: 1, seededCases: 1_000_000,
            daemon: daemon, daemonByCommand: [:], succeeded: 100, errors: errors, connectionFailures: [], pgbench: nil,
            pgbenchLabel: mix.pgbenchLabel,
            ratio: ratio, idleResidentMegabytes: idle, peakResidentMegabytes: peak, daemonCPUSeconds: 1,
            cpu: .init(machineBusyPercent: 0, daemonPercent: 0, loadClientsPercent: 0, otherPercent: 0),
            singleCommands: [
                .init(
                    command: "org unit show unit=D1", runs: 5, medianMilliseconds: 4.9, maxMilliseconds: 6, label: "org unit show (the district)",
                    goalMilliseconds: 5),
                .init(
                    command: "grid stats scope=S1", runs: 5, medianMilliseconds: 51, maxMilliseconds: 60, label: "grid stats (a street)",
                    goalMilliseconds: 50),
            ],
            targets: []
        )
        report.sameWorkRatio = sameWork
        report.transport = ping.map { .init(daemonPing: daemon, redisPing: daemon, ratio: $0, note: nil) }
        report.daemonCPUMicrosecondsPerCommand = cpu
        report.contextSwitchesPerCommand = 4.5
        report.idleAfterLoadResidentMegabytes = afterLoad
        return report
    }

    /// What every run shows besides its own targets.
    static let always: [String: Bool?] = [
        "idle RSS (before the load)": true, "context switches per command": nil, "org unit show (the district)": true, "grid stats (a street)": false,
    ]

    static let cases: [(name: String, report: RunReport, expected: [String: Bool?])] = [
        (
            "a read run that meets everything",
            report(mix: .read, clients: 16, ratio: 0.2, sameWork: 0.75, ping: 0.5, cpu: 100, p99: 4.9, idle: 40, afterLoad: 64, peak: 60),
            always.merging([
                "read ÷ pgbench, the mix's own SQL": true, "read ÷ pgbench -S": true, "read p99": true, "daemon CPU per read command": true,
                "ping ÷ redis PING": true, "idle RSS after a load": true,
            ]) { $1 }
        ),
        (
            "a read run short of pgbench, slow at p99, costly and heavy after the load",
            report(mix: .read, clients: 16, ratio: 0.19, sameWork: 0.74, ping: 0.49, cpu: 101, p99: 5.1, idle: 65, afterLoad: 70, peak: 70),
            always.merging([
                "read ÷ pgbench, the mix's own SQL": false, "read ÷ pgbench -S": false, "read p99": false, "daemon CPU per read command": false,
                "ping ÷ redis PING": false, "idle RSS after a load": false, "idle RSS (before the load)": false,
            ]) { $1 }
        ),
        (
            "a write run at the ratios exactly, without a transport reference",
            report(mix: .write, clients: 16, ratio: 1.0, sameWork: 1.0, cpu: 200.5, p99: 50, idle: 40, peak: 60),
            always.merging([
                "write ÷ pgbench, the mix's own statements": true, "write ÷ pgbench TPC-B": true, "daemon CPU per write command": false,
            ]) { $1 }
        ),
        (
            "a write run whose pgbench run of the captured statements failed",
            {
                var failed = report(mix: .write, clients: 16, ratio: 1.2, cpu: 150, p99: 50, idle: 40, peak: 60)
                failed.sameWorkError = "the capture failed: not a superuser"
                return failed
            }(),
            always.merging([
                "write ÷ pgbench, the mix's own statements": false, "write ÷ pgbench TPC-B": true, "daemon CPU per write command": true,
            ]) { $1 }
        ),
        (
            "256 clients with one refusal",
            report(mix: .mixed, clients: 256, ratio: nil, p99: 400, idle: 40, peak: 255, errors: ["404 grids.case.not_found": 1]),
            always.merging(["RSS at 256 clients": true, "failures at 256 clients": false]) { $1 }
        ),
        (
            "ratios at another client count are no targets",
            report(mix: .read, clients: 4, ratio: 0.1, sameWork: 0.1, ping: 0.1, p99: 9, idle: 40, peak: 60),
            always
        ),
    ]

    @Test("Each run is judged against the benchmark's targets", arguments: cases.indices)
    func targets(index: Int) {
        let (name, report, expected) = Self.cases[index]
        let targets = BenchTargets.evaluate(report)
        #expect(Dictionary(uniqueKeysWithValues: targets.map { ($0.name, $0.met) }) == expected, "\(name)")
        #expect(targets.count == expected.count, "\(name): \(targets.map(\.name))")
    }

    @Test("The printed report lines up its columns and marks misses")
    func printed() {
        var report = Self.report(mix: .read, clients: 16, ratio: 0.5, sameWork: 0.6, ping: 0.3, p99: 5.1, idle: 40, peak: 60)
        report.targets = BenchTargets.evaluate(report)
        let text = report.printed()
        let ratioLine = text.split(separator: "\n").first { $0.hasPrefix("ratio dangjiand/pgbench") }
        #expect(ratioLine?.split(separator: " ").contains("0.50×") == true, "\(text)")
        #expect(text.contains("MISSED") && text.contains("shown"))
        #expect(
            text.split(separator: "\n").contains { $0.hasPrefix("ratio dangjiand/pgbench, the mix's own statements") && $0.contains("0.60×") },
            "\(text)")
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("ratio ping/redis PING") && $0.contains("0.30×") }, "\(text)")
        let targetLines = text.split(separator: "\n").drop { !$0.hasPrefix("Targets:") }.dropFirst()
        let widths = Set(targetLines.map { $0.count })
        #expect(widths.count <= 2, "\(targetLines)")
    }
}
