import Foundation

/// Everything one `dangjian-bench run` measured, printed as tables and written as JSON for
/// later comparison.
struct RunReport: Codable {
    /// One target of the benchmark and whether the run met it.
    struct Target: Codable {
        var name: String
        var goal: String
        var reached: String
        /// nil for a figure that is shown without a target.
        var met: Bool?
    }

    /// A command timed alone on the idle daemon (median of several runs).
    struct SingleCommand: Codable {
        var command: String
        var runs: Int
        var medianMilliseconds: Double
        var maxMilliseconds: Double
        /// How the target table names it (`org stats (the district)`).
        var label: String = ""
        /// Its target, in milliseconds.
        var goalMilliseconds: Double = 50
    }

    /// pgbench running the statements the daemon executed for the mix's commands.
    struct SameWork: Codable {
        /// Latency and rate of pgbench's scripts (one per captured command or case lifecycle).
        var scripts: LatencySummary
        /// Daemon commands the completed scripts stand for, per second.
        var commandsPerSecond: Double
        var scriptCount: Int
        /// Commands captured and statements they executed.
        var capturedCommands: Int
        var capturedStatements: Int
        /// Samples discarded during the capture, by reason.
        var discarded: [String: Int]
    }

    /// The daemon's `ping` against Redis's `PING`, driven by the same load clients.
    struct Transport: Codable {
        var daemonPing: LatencySummary
        var redisPing: LatencySummary?
        /// daemon pings per second ÷ Redis PINGs per second.
        var ratio: Double?
        /// Why the Redis row is missing.
        var note: String?
    }

    /// Where the machine's CPU went during the daemon's measured window, in percent of one core.
    struct CPUUse: Codable {
        var machineBusyPercent: Double
        var daemonPercent: Double
        var loadClientsPercent: Double
        /// The rest of the busy time: PostgreSQL's backends and anything else running.
        var otherPercent: Double
    }

    var startedAt: String
    var mix: CommandMix
    var clients: Int
    var seconds: Int
    var warmupSeconds: Int
    var pipeline: Int
    /// Cases in the benchmark city when the run started.
    var seededCases: Int
    var daemon: LatencySummary
    var daemonByCommand: [String: LatencySummary]
    var succeeded: Int
    var errors: [String: Int]
    var connectionFailures: [String]
    var pgbench: LatencySummary?
    var pgbenchLabel: String
    /// daemon commands per second ÷ pgbench transactions per second.
    var ratio: Double?
    var idleResidentMegabytes: Double
    var peakResidentMegabytes: Double
    var daemonCPUSeconds: Double
    var cpu: CPUUse
    var singleCommands: [SingleCommand]
    var targets: [Target]
    /// pgbench running the mix's own statements, and daemon commands ÷ its commands.
    var sameWork: SameWork? = nil
    var sameWorkRatio: Double? = nil
    /// Why the pgbench run of the mix's own statements is missing, when it failed.
    var sameWorkError: String? = nil
    var transport: Transport? = nil
    /// The daemon's CPU time in the measured window ÷ the commands answered in it.
    var daemonCPUMicrosecondsPerCommand: Double = 0
    /// Context switches of all the daemon's threads in the window ÷ the commands answered.
    var contextSwitchesPerCommand: Double = 0
    /// RSS once the load has ended and the daemon has been idle (while pgbench runs).
    var idleAfterLoadResidentMegabytes: Double = 0

    /// The text report.
    func printed() -> String {
        var lines: [String] = []
        lines.append(
            "dangjian-bench run: mix \(mix.rawValue), \(clients) clients, \(seconds) s after \(warmupSeconds) s warm-up, pipeline \(pipeline), "
                + "\(ProgressBar.grouped(seededCases)) seeded cases"
        )
        lines.append("")
        let header = ["", "per second", "p50 ms", "p95 ms", "p99 ms", "max ms", "answered"]
        var rows: [[String]] = [row("dangjiand", daemon)]
        if let pgbench { rows.append(row(pgbenchLabel, pgbench)) }
        if let sameWork {
            var sameRow = row(mix.sameWorkLabel + " (latency per script)", sameWork.scripts)
            sameRow[1] = String(format: "%.0f", sameWork.commandsPerSecond)
            sameRow[6] = ProgressBar.grouped(Int(sameWork.commandsPerSecond * Double(seconds)))
            rows.append(sameRow)
        }
        if let ratio { rows.append(["ratio dangjiand/pgbench", String(format: "%.2f×", ratio), "", "", "", "", ""]) }
        if let sameWorkRatio {
            rows.append(["ratio dangjiand/pgbench, the mix's own statements", String(format: "%.2f×", sameWorkRatio), "", "", "", "", ""])
        }
        if let transport {
            rows.append(row("dangjiand ping", transport.daemonPing))
            if let redis = transport.redisPing { rows.append(row("redis-server PING", redis)) }
            if let ratio = transport.ratio { rows.append(["ratio ping/redis PING", String(format: "%.2f×", ratio), "", "", "", "", ""]) }
        }
        lines += Self.table(header: header, rows: rows)
        lines.append(
            "(per second: commands answered; pgbench's rows count transactions, and the mix's own statements the daemon commands they replay)")
        if let sameWork {
            lines.append(
                "The mix's own statements: \(sameWork.scriptCount) scripts from \(sameWork.capturedCommands) captured commands "
                    + "(\(sameWork.capturedStatements) statements)"
                    + (sameWork.discarded.isEmpty
                        ? ""
                        : "; samples discarded: "
                            + sameWork.discarded.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            )
        }
        if let sameWorkError { lines.append("No pgbench run of the mix's own statements: \(sameWorkError)") }
        if let note = transport?.note { lines.append("Transport reference: \(note)") }
        lines.append("")
        lines.append("By command:")
        lines += Self.table(
            header: ["", "per second", "p50 ms", "p95 ms", "p99 ms", "max ms", "answered"],
            rows: daemonByCommand.sorted { $0.key < $1.key }.map { row($0.key, $0.value) }
        )
        lines.append("")
        let failures = errors.values.reduce(0, +)
        lines.append(
            "Succeeded: \(ProgressBar.grouped(succeeded)); refused or failed: \(ProgressBar.grouped(failures)); broken connections: "
                + "\(connectionFailures.count)"
        )
        for (code, count) in errors.sorted(by: { $0.value > $1.value }) { lines.append("  \(code): \(ProgressBar.grouped(count))") }
        for failure in connectionFailures.prefix(5) { lines.append("  \(failure)") }
        lines.append(
            String(
                format:
                    "Daemon: RSS %.1f MB before the load (idle), %.1f MB peak, %.1f MB idle after it; CPU %.1f s in the window (%.0f %% of a core)",
                idleResidentMegabytes, peakResidentMegabytes, idleAfterLoadResidentMegabytes, daemonCPUSeconds, cpu.daemonPercent
            )
        )
        lines.append(
            String(
                format: "Daemon per command: %.0f µs of CPU, %.1f context switches (all its threads, voluntary + involuntary)",
                daemonCPUMicrosecondsPerCommand, contextSwitchesPerCommand
            )
        )
        lines.append(
            String(
                format: "Machine CPU busy %.0f %% (of %d00 %%): daemon %.0f %%, load clients %.0f %%, PostgreSQL and the rest %.0f %%",
                cpu.machineBusyPercent, ProcessInfo.processInfo.activeProcessorCount, cpu.daemonPercent, cpu.loadClientsPercent,
                cpu.otherPercent
            )
        )
        if !singleCommands.isEmpty {
            lines.append("")
            lines.append("Single commands on the idle daemon:")
            lines += Self.table(
                header: ["", "runs", "median ms", "max ms"],
                rows: singleCommands.map {
                    [$0.command, String($0.runs), Self.milliseconds($0.medianMilliseconds), Self.milliseconds($0.maxMilliseconds)]
                }
            )
        }
        lines.append("")
        lines.append("Targets:")
        lines += Self.table(
            header: ["", "goal", "reached", ""],
            rows: targets.map { [$0.name, $0.goal, $0.reached, $0.met.map { $0 ? "met" : "MISSED" } ?? "shown"] }
        )
        return lines.joined(separator: "\n")
    }

    private func row(_ label: String, _ summary: LatencySummary) -> [String] {
        [
            label, String(format: "%.0f", summary.perSecond), Self.milliseconds(summary.p50Milliseconds), Self.milliseconds(summary.p95Milliseconds),
            Self.milliseconds(summary.p99Milliseconds), Self.milliseconds(summary.maxMilliseconds), ProgressBar.grouped(summary.answered),
        ]
    }

    static func milliseconds(_ value: Double) -> String {
        String(format: value < 10 ? "%.2f" : "%.1f", value)
    }

    /// Columns padded to their widest cell; the first left-aligned, the rest right-aligned.
    static func table(header: [String], rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { cells in
            cells.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0) : cell.leftPadded(to: widths[column])
            }.joined(separator: "  ")
        }
    }
}
