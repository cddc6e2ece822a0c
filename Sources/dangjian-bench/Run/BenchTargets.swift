/// The targets of the benchmark issue, checked against a run.
enum BenchTargets {
    static let readRatio = 0.75
    static let readP99Milliseconds = 5.0
    static let writeRatio = 1.0
    static let idleResidentMegabytes = 64.0
    static let manyClients = 256
    static let manyClientsResidentMegabytes = 256.0
    static let singleCommandMilliseconds = 50.0

    static func evaluate(_ report: RunReport) -> [RunReport.Target] {
        var targets: [RunReport.Target] = []
        if let ratio = report.ratio, report.clients == 16 {
            switch report.mix {
            case .read:
                targets.append(.init(name: "read throughput", goal: "≥ 0.75× pgbench -S", reached: String(format: "%.2f×", ratio), met: ratio >= readRatio))
                targets.append(
                    .init(
                        name: "read p99", goal: "≤ 5 ms", reached: RunReport.milliseconds(report.daemon.p99Milliseconds) + " ms",
                        met: report.daemon.p99Milliseconds <= readP99Milliseconds
                    )
                )
            case .write:
                targets.append(.init(name: "write throughput", goal: "≥ 1.0× pgbench TPC-B", reached: String(format: "%.2f×", ratio), met: ratio >= writeRatio))
            case .mixed:
                break
            }
        }
        targets.append(
            .init(
                name: "idle RSS (before the load)", goal: "≤ 64 MB", reached: String(format: "%.1f MB", report.idleResidentMegabytes),
                met: report.idleResidentMegabytes <= idleResidentMegabytes
            )
        )
        if report.clients >= manyClients {
            let failures = report.errors.values.reduce(0, +) + report.connectionFailures.count
            targets.append(
                .init(
                    name: "RSS at \(report.clients) clients", goal: "≤ 256 MB", reached: String(format: "%.1f MB", report.peakResidentMegabytes),
                    met: report.peakResidentMegabytes <= manyClientsResidentMegabytes
                )
            )
            targets.append(.init(name: "failures at \(report.clients) clients", goal: "none", reached: String(failures), met: failures == 0))
        }
        for single in report.singleCommands {
            targets.append(
                .init(
                    name: single.command.split(separator: " ").prefix { !$0.contains("=") }.joined(separator: " ") + " (a street)", goal: "≤ 50 ms",
                    reached: RunReport.milliseconds(single.medianMilliseconds) + " ms", met: single.medianMilliseconds <= singleCommandMilliseconds
                )
            )
        }
        return targets
    }
}
