import ArgumentParser
import Dispatch
import Foundation
import WorkbenchPostgres

/// `dangjian-bench run`: drives concurrent control-socket clients through a command mix, then
/// pgbench with the same clients and duration on the same cluster, and reports both with
/// their ratio and the benchmark issue's targets.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Measure dangjiand under load and compare it with pgbench on the same cluster.",
        discussion: """
            Each client is one connection to the control socket speaking the line protocol, on its own thread; with \
            --pipeline K it sends K requests before reading their replies. Latencies go into HDR histograms; the \
            daemon's memory and CPU come from /proc. Before the load, 'grid case overdue' and 'grid stats' of a street \
            are timed alone. Then pgbench runs select-only (read), TPC-B-like (write) or both 4:1 (mixed) with the same \
            clients and seconds. Everything is also written as JSON (--output).
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The daemon's control socket.")
    var socket = ".dev/bench/run/control.sock"

    @Option(help: "Commands to send: read, write or mixed.")
    var mix: CommandMix = .read

    @Option(help: "Concurrent client connections.")
    var clients = 16

    @Option(help: "Measured seconds (pgbench runs as long).")
    var seconds = 30

    @Option(help: "Seconds of load before measuring starts (not counted).")
    var warmup = 3

    @Option(help: "Requests each client sends before reading their replies (1: no pipelining).")
    var pipeline = 1

    @Option(help: "Seed of the clients' choices.")
    var seed: UInt64 = 1

    @Option(help: "The pgbench program (default: the newest under /usr/lib/postgresql).")
    var pgbench: String?

    @Option(name: .customLong("pgbench-scale"), help: "pgbench's scale; at least the clients for TPC-B (default: max(clients, 16), at most 64).")
    var pgbenchScale: Int?

    @Flag(name: .customLong("no-pgbench"), help: "Measure the daemon only.")
    var skipPgbench = false

    @Option(help: "Where to write the JSON report (default: .dev/bench/results/<time>-<mix>-c<clients>.json).")
    var output: String?

    func validate() throws {
        guard (1...4_096).contains(clients) else { throw ValidationError("--clients must be between 1 and 4096") }
        guard (1...3_600).contains(seconds) else { throw ValidationError("--seconds must be between 1 and 3600") }
        guard (0...600).contains(warmup) else { throw ValidationError("--warmup must be between 0 and 600") }
        guard (1...1_000).contains(pipeline) else { throw ValidationError("--pipeline must be between 1 and 1000") }
    }

    func run() throws {
        let connection = try database.connect(applicationName: "dangjian-bench run")
        defer { connection.close() }
        let workload = try Workload.load(from: connection)
        let probe = try ControlSocketClient(path: socket)
        guard let pid = probe.peerProcessID() else { throw BenchError("cannot read the daemon's process id from \(socket)") }
        let idle = ProcessStats.read(pid: pid)
        let singles = try timeSingleCommands(workload, on: probe)

        Console.line("Loading the daemon: \(clients) clients, mix \(mix.rawValue), \(warmup) s warm-up + \(seconds) s …")
        let (tally, resources) = try drive(workload, daemonPID: pid)
        var pgbenchSummary: LatencySummary?
        if !skipPgbench {
            let runner = Pgbench(
                executable: pgbench ?? Pgbench.defaultExecutable(), conninfo: database.resolvedConninfo,
                scale: pgbenchScale ?? min(64, max(clients, 16))
            )
            try runner.prepare(using: connection)
            Console.line("Running \(mix.pgbenchLabel): \(clients) clients, \(seconds) s …")
            pgbenchSummary = try runner.run(mix: mix, clients: clients, seconds: seconds)
        }
        let daemon = LatencySummary(tally.latency, seconds: Double(seconds))
        let report = RunReport(
            startedAt: ISO8601DateFormatter().string(from: Date()), mix: mix, clients: clients, seconds: seconds, warmupSeconds: warmup,
            pipeline: pipeline, seededCases: workload.caseCount, daemon: daemon,
            daemonByCommand: Dictionary(uniqueKeysWithValues: tally.byKind.map { ($0.key.rawValue, LatencySummary($0.value, seconds: Double(seconds))) }),
            succeeded: tally.succeeded, errors: tally.errors, connectionFailures: tally.connectionFailures, pgbench: pgbenchSummary,
            pgbenchLabel: mix.pgbenchLabel, ratio: pgbenchSummary.map { daemon.perSecond / $0.perSecond },
            idleResidentMegabytes: Double(idle?.residentBytes ?? 0) / 1_048_576, peakResidentMegabytes: Double(resources.peakBytes) / 1_048_576,
            daemonCPUSeconds: resources.daemonCPUSeconds, cpu: resources.cpu, singleCommands: singles, targets: []
        )
        var withTargets = report
        withTargets.targets = BenchTargets.evaluate(report)
        Console.line()
        Console.line(withTargets.printed())
        let path = output ?? ".dev/bench/results/\(Self.fileStamp())-\(mix.rawValue)-c\(clients).json"
        try write(withTargets, to: path)
        Console.line()
        Console.line("JSON report: \(path)")
    }

    // MARK: The load

    private struct Resources {
        var peakBytes: Int
        var daemonCPUSeconds: Double
        var cpu: RunReport.CPUUse
    }

    private func drive(_ workload: Workload, daemonPID: Int32) throws -> (ClientTally, Resources) {
        let start = DispatchTime.now().uptimeNanoseconds
        let warmupEnds = start + UInt64(warmup) * 1_000_000_000
        let deadline = warmupEnds + UInt64(seconds) * 1_000_000_000
        let sampler = ResourceSampler(pid: daemonPID)
        sampler.start()
        let merged = TallyCollector()
        let group = DispatchGroup()
        // Window figures, taken when the warm-up ends and when the deadline passes.
        let window = WindowCPU(daemonPID: daemonPID)
        for index in 0..<clients {
            group.enter()
            let client = LoadClient(
                index: index, socketPath: socket, generator: RequestGenerator(client: index, seed: seed, workload: workload, mix: mix),
                pipeline: pipeline, warmupEnds: warmupEnds, deadline: deadline
            )
            let thread = Thread {
                merged.add(client.run())
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        window.mark(at: warmupEnds)
        window.mark(at: deadline)
        group.wait()
        let peak = sampler.stop()
        return (merged.total, Resources(peakBytes: peak, daemonCPUSeconds: window.daemonSeconds, cpu: window.use(seconds: Double(seconds))))
    }

    // MARK: Single commands

    /// Times `grid case overdue` and `grid stats` of the first street alone, five runs each
    /// after one unmeasured run.
    private func timeSingleCommands(_ workload: Workload, on client: ControlSocketClient) throws -> [RunReport.SingleCommand] {
        guard let street = workload.streetCodes.first else { return [] }
        var results: [RunReport.SingleCommand] = []
        for command in ["grid case overdue scope=\(street) limit=50", "grid stats scope=\(street)"] {
            var times: [Double] = []
            for run in 0..<6 {
                let sent = DispatchTime.now().uptimeNanoseconds
                try client.send(command + "\n")
                let reply = try client.nextReply()
                guard reply.status == 200 else {
                    throw BenchError("'\(command)' was answered \(reply.status) \(reply.errorCode ?? ""); is the dataset loaded?")
                }
                if run > 0 { times.append(Double(DispatchTime.now().uptimeNanoseconds - sent) / 1e6) }
            }
            times.sort()
            results.append(.init(command: command, runs: times.count, medianMilliseconds: times[times.count / 2], maxMilliseconds: times.last!))
        }
        return results
    }

    // MARK: Output

    private func write(_ report: RunReport, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(report).write(to: url)
    }

    private static func fileStamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: Date())
    }
}
