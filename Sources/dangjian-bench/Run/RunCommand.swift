import ArgumentParser
import Dispatch
import Foundation
import WorkbenchPostgres

/// `dangjian-bench run`: drives concurrent control-socket clients through a command mix, then
/// pgbench with the same clients and duration on the same cluster (its built-in scripts, and
/// scripts of the very statements the daemon executed for the mix), then the daemon's `ping`
/// and a private Redis server's `PING` through the same clients, and reports them with their
/// ratios and the benchmark's targets.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Measure dangjiand under load and compare it with pgbench on the same cluster.",
        discussion: """
            Each client is one connection to the control socket speaking the line protocol, on its own thread; with \
            --pipeline K it sends K requests before reading their replies. Latencies go into HDR histograms; the \
            daemon's memory, CPU and context switches come from /proc. Before the load, 'org unit show' and 'org stats' \
            of the district and 'grid case overdue' and 'grid stats' of a street are timed alone, and samples of each \
            command of the mix are sent with statement logging on (ALTER SYSTEM, a superuser's connection) to capture \
            the statements the daemon executes for them. After the load pgbench runs select-only (read), TPC-B-like \
            (write) or both 4:1 (mixed), then scripts of the captured statements weighted like the mix, with the same \
            clients and seconds and -M prepared. Last, the same clients send the daemon's 'ping' and, when \
            redis-server is installed, a private Redis server's PING. Everything is also written as JSON (--output).
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

    @Option(help: "Seconds of load before measuring starts (not counted), for the daemon and for pgbench.")
    var warmup = 3

    @Option(help: "Requests each client sends before reading their replies (1: no pipelining).")
    var pipeline = 1

    @Option(help: "Seed of the clients' choices.")
    var seed: UInt64 = 1

    @Option(help: "The pgbench program (default: the newest under /usr/lib/postgresql).")
    var pgbench: String?

    @Option(name: .customLong("pgbench-scale"), help: "pgbench's scale; at least the clients for TPC-B (default: max(clients, 16), at most 64).")
    var pgbenchScale: Int?

    @Flag(name: .customLong("no-pgbench"), help: "Measure the daemon only (no pgbench run, no capture).")
    var skipPgbench = false

    @Flag(name: .customLong("no-same-work"), help: "Skip the capture and pgbench run of the mix's own statements.")
    var skipSameWork = false

    @Option(name: .customLong("same-work-samples"), help: "Samples captured of each read and case lifecycles (scripts: at most 128 in all).")
    var sameWorkSamples = 24

    @Option(name: .customLong("save-scripts"), help: "A directory to keep the generated pgbench scripts and their -D variables in, to read or rerun.")
    var saveScripts: String?

    @Flag(name: .customLong("no-ping"), help: "Skip the transport reference (the daemon's ping and Redis's PING).")
    var skipPing = false

    @Option(name: .customLong("redis-server"), help: "The redis-server program (default: redis-server on PATH; the row is skipped without it).")
    var redisServer: String?

    @Option(help: "Where to write the JSON report (default: .dev/bench/results/<time>-<mix>-c<clients>.json).")
    var output: String?

    func validate() throws {
        guard (1...4_096).contains(clients) else { throw ValidationError("--clients must be between 1 and 4096") }
        guard (1...3_600).contains(seconds) else { throw ValidationError("--seconds must be between 1 and 3600") }
        guard (0...600).contains(warmup) else { throw ValidationError("--warmup must be between 0 and 600") }
        guard (1...1_000).contains(pipeline) else { throw ValidationError("--pipeline must be between 1 and 1000") }
        let groups = (mix == .write ? 0 : RequestGenerator.readShares.count) + (mix == .read ? 0 : 1)
        guard sameWorkSamples >= 1, sameWorkSamples * groups <= SameWorkScripts.maximumScripts else {
            throw ValidationError(
                "--same-work-samples must be between 1 and \(SameWorkScripts.maximumScripts / groups) for mix \(mix.rawValue) (pgbench "
                    + "takes at most 128 scripts)"
            )
        }
    }

    func run() throws {
        let connection = try database.connect(applicationName: "dangjian-bench run")
        defer { connection.close() }
        let workload = try Workload.load(from: connection)
        let probe = try ControlSocketClient(path: socket)
        guard let pid = probe.peerProcessID() else { throw BenchError("cannot read the daemon's process id from \(socket)") }
        let idle = ProcessStats.read(pid: pid)
        let singles = try timeSingleCommands(workload, on: probe)

        var capture: StatementCapture.Result?
        var sameWorkError: String?
        if !skipPgbench && !skipSameWork {
            Console.line("Capturing the statements of \(sameWorkSamples) samples of each command of the mix (statement logging on) …")
            do {
                let result = try StatementCapture(socketPath: socket, workload: workload, mix: mix, samplesPerGroup: sameWorkSamples, seed: seed).run(
                    on: connection
                )
                capture = result
                let commands = result.units.reduce(0) { $0 + $1.invocations.count }
                let statements = result.units.reduce(0) { $0 + $1.invocations.reduce(0) { $0 + $1.statements.count } }
                Console.line("Captured \(commands) commands, \(statements) statements; statement logging is off again")
            } catch {
                // The other measurements go on; the report says why this one is missing.
                sameWorkError = "the capture failed: \(error)"
                Console.line("dangjian-bench: \(sameWorkError!)")
            }
        }

        Console.line("Loading the daemon: \(clients) clients, mix \(mix.rawValue), \(warmup) s warm-up + \(seconds) s …")
        let (tally, resources) = drive(socketPath: socket, framing: ReplyScanner(), lineEnd: "\n", daemonPID: pid) {
            RequestGenerator(client: $0, seed: seed, workload: workload, mix: mix)
        }
        var pgbenchSummary: LatencySummary?
        var sameWork: RunReport.SameWork?
        if !skipPgbench {
            let runner = Pgbench(
                executable: pgbench ?? Pgbench.defaultExecutable(), conninfo: database.resolvedConninfo,
                scale: pgbenchScale ?? min(64, max(clients, 16))
            )
            try runner.prepare(using: connection)
            Console.line("Running \(mix.pgbenchLabel): \(clients) clients, \(warmup) s warm-up + \(seconds) s …")
            pgbenchSummary = try runner.run(mix: mix, clients: clients, seconds: seconds, warmup: warmup)
            if let capture {
                do {
                    let types = ParameterTypes(units: capture.units, connection: connection)
                    let scripts = try SameWorkScripts(units: capture.units, shares: mix.sameWorkShares) { types.type(of: $0, parameter: $1) }
                    if let saveScripts { try scripts.save(in: URL(fileURLWithPath: saveScripts)) }
                    Console.line(
                        "Running \(mix.sameWorkLabel) (\(scripts.scripts.count) scripts): \(clients) clients, \(warmup) s warm-up + \(seconds) s …")
                    let (summary, commandsPerSecond) = try runner.run(scripts: scripts, clients: clients, seconds: seconds, warmup: warmup)
                    sameWork = RunReport.SameWork(
                        scripts: summary, commandsPerSecond: commandsPerSecond, scriptCount: scripts.scripts.count,
                        capturedCommands: capture.units.reduce(0) { $0 + $1.invocations.count },
                        capturedStatements: capture.units.reduce(0) { $0 + $1.invocations.reduce(0) { $0 + $1.statements.count } },
                        discarded: capture.discarded
                    )
                } catch {
                    sameWorkError = "pgbench on the captured statements failed: \(error)"
                    Console.line("dangjian-bench: \(sameWorkError!)")
                }
            }
        }
        let idleAfter = ProcessStats.read(pid: pid)
        let transport = skipPing ? nil : try measureTransport(daemonPID: pid)

        let daemon = LatencySummary(tally.latency, seconds: Double(seconds))
        let answered = Double(max(1, tally.answered))
        var report = RunReport(
            startedAt: ISO8601DateFormatter().string(from: Date()), mix: mix, clients: clients, seconds: seconds, warmupSeconds: warmup,
            pipeline: pipeline, seededCases: workload.caseCount, daemon: daemon,
            daemonByCommand: Dictionary(
                uniqueKeysWithValues: tally.byKind.map { ($0.key.rawValue, LatencySummary($0.value, seconds: Double(seconds))) }),
            succeeded: tally.succeeded, errors: tally.errors, connectionFailures: tally.connectionFailures, pgbench: pgbenchSummary,
            pgbenchLabel: mix.pgbenchLabel, ratio: pgbenchSummary.map { daemon.perSecond / $0.perSecond },
            idleResidentMegabytes: Double(idle?.residentBytes ?? 0) / 1_048_576, peakResidentMegabytes: Double(resources.peakBytes) / 1_048_576,
            daemonCPUSeconds: resources.daemonCPUSeconds, cpu: resources.cpu, singleCommands: singles, targets: []
        )
        report.sameWork = sameWork
        report.sameWorkError = sameWorkError
        report.sameWorkRatio = sameWork.flatMap { $0.commandsPerSecond > 0 ? daemon.perSecond / $0.commandsPerSecond : nil }
        report.transport = transport
        report.daemonCPUMicrosecondsPerCommand = resources.daemonCPUSeconds * 1e6 / answered
        report.contextSwitchesPerCommand = Double(resources.daemonContextSwitches) / answered
        report.idleAfterLoadResidentMegabytes = Double(idleAfter?.residentBytes ?? 0) / 1_048_576
        report.targets = BenchTargets.evaluate(report)
        Console.line()
        Console.line(report.printed())
        let path = output ?? ".dev/bench/results/\(ReportFile.stamp())-\(mix.rawValue)-c\(clients).json"
        try ReportFile.write(report, to: path)
        Console.line()
        Console.line("JSON report: \(path)")
    }

    /// The daemon's `ping` and a private Redis server's inline `PING` through the same load
    /// clients, clients and seconds.
    private func measureTransport(daemonPID: Int32) throws -> RunReport.Transport {
        Console.line("Transport reference: dangjiand ping, \(clients) clients, \(warmup) s warm-up + \(seconds) s …")
        let (pings, _) = drive(socketPath: socket, framing: ReplyScanner(), lineEnd: "\n", daemonPID: daemonPID) { _ in
            RequestGenerator(repeating: .ping, line: "ping")
        }
        let daemonPing = LatencySummary(pings.latency, seconds: Double(seconds))
        guard let executable = redisServer ?? RedisServer.executable() else {
            return .init(
                daemonPing: daemonPing, redisPing: nil, ratio: nil, note: "redis-server is not installed (Debian package redis-server); no Redis row")
        }
        let redis = try RedisServer(executable: executable, maxClients: clients)
        defer { redis.stop() }
        Console.line("Transport reference: redis-server PING, \(clients) clients, \(warmup) s warm-up + \(seconds) s …")
        let (redisTally, _) = drive(socketPath: redis.socketPath, framing: RedisReplyScanner(), lineEnd: "\r\n", daemonPID: nil) { _ in
            RequestGenerator(repeating: .redisPing, line: "PING")
        }
        let redisPing = LatencySummary(redisTally.latency, seconds: Double(seconds))
        let failures =
            redisTally.errors.values.reduce(0, +) + redisTally.connectionFailures.count + pings.errors.values.reduce(0, +)
            + pings.connectionFailures.count
        return .init(
            daemonPing: daemonPing, redisPing: redisPing, ratio: redisPing.perSecond > 0 ? daemonPing.perSecond / redisPing.perSecond : nil,
            note: failures > 0 ? "\(failures) pings failed: \((redisTally.connectionFailures + pings.connectionFailures).prefix(2))" : nil
        )
    }

    // MARK: The load

    /// Runs the clients against `socketPath` for the warm-up and the measured seconds.
    private func drive<Framing: ReplyFraming>(
        socketPath: String, framing: Framing, lineEnd: String, daemonPID: Int32?, generator: (Int) -> RequestGenerator
    ) -> (ClientTally, LoadDriver.Resources) {
        LoadDriver(clients: clients, seconds: seconds, warmup: warmup, pipeline: pipeline).drive(
            socketPath: socketPath, framing: framing, lineEnd: lineEnd, daemonPID: daemonPID, generator: generator)
    }

    // MARK: Single commands

    /// Times `org unit show` and `org stats` of the first district and `grid case overdue` and
    /// `grid stats` of its first street alone, five runs each after one unmeasured run.
    private func timeSingleCommands(_ workload: Workload, on client: ControlSocketClient) throws -> [RunReport.SingleCommand] {
        var commands: [(command: String, label: String, goal: Double)] = []
        if let district = workload.districtCodes.first {
            commands.append(("org unit show unit=\(district)", "org unit show (the district)", 5))
            commands.append(("org stats unit=\(district)", "org stats (the district)", 50))
        }
        if let street = workload.streetCodes.first {
            commands.append(("grid case overdue scope=\(street) limit=50", "grid case overdue (a street)", 50))
            commands.append(("grid stats scope=\(street)", "grid stats (a street)", 50))
        }
        var results: [RunReport.SingleCommand] = []
        for (command, label, goal) in commands {
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
            results.append(
                .init(
                    command: command, runs: times.count, medianMilliseconds: times[times.count / 2], maxMilliseconds: times.last!, label: label,
                    goalMilliseconds: goal
                )
            )
        }
        return results
    }
}
