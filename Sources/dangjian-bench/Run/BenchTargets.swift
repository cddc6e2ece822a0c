/// The benchmark's targets, checked against a run.
///
/// Throughput ratios, the read p99 and CPU per command are judged at 16 clients, the memory
/// and failure targets at 256; single commands and idle memory in every run.
enum BenchTargets {
    static let targetClients = 16
    static let readSameWorkRatio = 0.75
    static let readSelectOnlyRatio = 0.2
    static let writeSameWorkRatio = 1.0
    static let writeTPCBRatio = 1.0
    static let pingRatio = 0.5
    static let readCPUMicroseconds = 100.0
    static let writeCPUMicroseconds = 200.0
    static let readP99Milliseconds = 5.0
    static let idleResidentMegabytes = 64.0
    static let manyClients = 256
    static let manyClientsResidentMegabytes = 256.0

    static func evaluate(_ report: RunReport) -> [RunReport.Target] {
        var targets: [RunReport.Target] = []
        func ratio(_ name: String, _ value: Double?, atLeast goal: Double, failure: String? = nil) {
            if value == nil, let failure {
                targets.append(.init(name: name, goal: String(format: "≥ %.2f×", goal), reached: failure, met: false))
            }
            guard let value else { return }
            targets.append(.init(name: name, goal: String(format: "≥ %.2f×", goal), reached: String(format: "%.2f×", value), met: value >= goal))
        }
        let answered = report.daemon.answered > 0
        let sameWorkFailure = report.sameWorkError == nil ? nil : "failed"
        func cpu(_ name: String, _ value: Double, atMost goal: Double) {
            targets.append(.init(name: name, goal: String(format: "≤ %.0f µs", goal), reached: String(format: "%.0f µs", value), met: value <= goal))
        }
        if report.clients == targetClients {
            switch report.mix {
            case .read:
                ratio("read ÷ pgbench, the mix's own SQL", report.sameWorkRatio, atLeast: readSameWorkRatio, failure: sameWorkFailure)
                ratio("read ÷ pgbench -S", report.ratio, atLeast: readSelectOnlyRatio)
                targets.append(
                    .init(
                        name: "read p99", goal: "≤ 5 ms", reached: RunReport.milliseconds(report.daemon.p99Milliseconds) + " ms",
                        met: report.daemon.p99Milliseconds <= readP99Milliseconds
                    )
                )
                if answered { cpu("daemon CPU per read command", report.daemonCPUMicrosecondsPerCommand, atMost: readCPUMicroseconds) }
            case .write:
                ratio("write ÷ pgbench, the mix's own statements", report.sameWorkRatio, atLeast: writeSameWorkRatio, failure: sameWorkFailure)
                ratio("write ÷ pgbench TPC-B", report.ratio, atLeast: writeTPCBRatio)
                if answered { cpu("daemon CPU per write command", report.daemonCPUMicrosecondsPerCommand, atMost: writeCPUMicroseconds) }
            case .mixed:
                break
            }
            ratio("ping ÷ redis PING", report.transport?.ratio, atLeast: pingRatio)
        }
        if answered {
            targets.append(
                .init(name: "context switches per command", goal: "", reached: String(format: "%.1f", report.contextSwitchesPerCommand), met: nil)
            )
        }
        targets.append(
            .init(
                name: "idle RSS (before the load)", goal: "≤ 64 MB", reached: String(format: "%.1f MB", report.idleResidentMegabytes),
                met: report.idleResidentMegabytes <= idleResidentMegabytes
            )
        )
        if report.idleAfterLoadResidentMegabytes > 0 {
            targets.append(
                .init(
                    name: "idle RSS after a load", goal: "≤ 64 MB", reached: String(format: "%.1f MB", report.idleAfterLoadResidentMegabytes),
                    met: report.idleAfterLoadResidentMegabytes <= idleResidentMegabytes
                )
            )
        }
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
            let name = single.label.isEmpty ? single.command.split(separator: " ").prefix { !$0.contains("=") }.joined(separator: " ") : single.label
            targets.append(
                .init(
                    name: name, goal: String(format: "≤ %.0f ms", single.goalMilliseconds),
                    reached: RunReport.milliseconds(single.medianMilliseconds) + " ms", met: single.medianMilliseconds <= single.goalMilliseconds
                )
            )
        }
        return targets
    }
}
