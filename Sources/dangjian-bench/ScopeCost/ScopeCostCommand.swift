import ArgumentParser
import Foundation

/// `dangjian-bench scope-cost`: what organisation-scoped access costs. Two daemons serve the
/// same database: one sees the bench's user as unscoped, the other holds it to one street
/// (`access.scopes`). The same clients send the same mix, drawn from that street's subtree,
/// to each in alternating rounds, and the report gives scoped throughput as a share of
/// unscoped throughput.
struct ScopeCostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scope-cost",
        abstract: "Measure scoped callers against unscoped ones doing the same work in the same run.",
        discussion: """
            Needs two daemons on the loaded benchmark database: --socket one that sees this user unscoped, and \
            --scoped-socket one whose access.scopes hold this user to --street (deploy/dev bench starts both). Both sides \
            get the same commands, drawn from the street's subtree only, so that every command is inside the scope. \
            Rounds alternate the order (unscoped first, then scoped first, …) so that a drift of the machine falls on \
            both sides alike.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The control socket of the daemon that sees this user unscoped.")
    var socket = ".dev/bench/run/control.sock"

    @Option(name: .customLong("scoped-socket"), help: "The control socket of the daemon that holds this user to --street.")
    var scopedSocket = ".dev/bench/run/scoped.sock"

    @Option(help: "The street (its code) the scoped daemon holds this user to; the commands stay inside it.")
    var street = "BENCH-D1-S01"

    @Option(help: "Commands to send: read, write or mixed.")
    var mix: CommandMix = .read

    @Option(help: "Concurrent client connections.")
    var clients = 16

    @Option(help: "Measured seconds of each side in each round.")
    var seconds = 10

    @Option(help: "Rounds (each measures both sides).")
    var rounds = 2

    @Option(help: "Seconds of load before each measurement (not counted): both daemons' connections prepare their statements.")
    var warmup = 5

    @Option(help: "Seed of the clients' choices.")
    var seed: UInt64 = 1

    @Option(help: "Where to write the JSON report (default: .dev/bench/results/<time>-scope-cost-<mix>.json).")
    var output: String?

    func validate() throws {
        guard (1...4_096).contains(clients) else { throw ValidationError("--clients must be between 1 and 4096") }
        guard (1...3_600).contains(seconds) else { throw ValidationError("--seconds must be between 1 and 3600") }
        guard (1...20).contains(rounds) else { throw ValidationError("--rounds must be between 1 and 20") }
        guard (0...600).contains(warmup) else { throw ValidationError("--warmup must be between 0 and 600") }
    }

    func run() throws {
        let connection = try database.connect(applicationName: "dangjian-bench scope-cost")
        defer { connection.close() }
        let workload = try Workload.load(from: connection, under: street)
        let plain = try Self.daemon(at: socket, expectedScope: "all")
        let held = try Self.daemon(at: scopedSocket, expectedScope: street)
        let driver = LoadDriver(clients: clients, seconds: seconds, warmup: warmup, pipeline: 1)
        var tallies: [[ClientTally]] = [[], []]
        var cpu: [Double] = [0, 0]
        for round in 0..<rounds {
            let order = round.isMultiple(of: 2) ? [0, 1] : [1, 0]
            for side in order {
                let (path, pid) = side == 0 ? (socket, plain) : (scopedSocket, held)
                let label = side == 0 ? "unscoped" : "scoped to \(street)"
                Console.line("Round \(round + 1) of \(rounds): \(label), \(clients) clients, \(warmup) s + \(seconds) s …")
                let (tally, resources) = driver.drive(socketPath: path, framing: ReplyScanner(), lineEnd: "\n", daemonPID: pid) {
                    RequestGenerator(client: $0, seed: seed &+ UInt64(round) &* 1_000, workload: workload, mix: mix)
                }
                tallies[side].append(tally)
                cpu[side] += resources.daemonCPUSeconds
            }
        }
        func side(_ index: Int, path: String, scope: String) -> ScopeCostReport.Side {
            var merged = ClientTally()
            for tally in tallies[index] { merged.merge(tally) }
            let total = LatencySummary(merged.latency, seconds: Double(seconds * rounds))
            return .init(
                socket: path, scope: scope, perSecond: total.perSecond,
                roundsPerSecond: tallies[index].map { Double($0.latency.totalCount) / Double(seconds) }, answered: total.answered,
                refused: merged.errors.values.reduce(0, +) + merged.connectionFailures.count, p50Milliseconds: total.p50Milliseconds,
                p99Milliseconds: total.p99Milliseconds, daemonCPUMicrosecondsPerCommand: cpu[index] * 1e6 / Double(max(1, total.answered))
            )
        }
        let report = ScopeCostReport(
            startedAt: ISO8601DateFormatter().string(from: Date()), mix: mix, clients: clients, secondsPerRound: seconds, rounds: rounds,
            street: street, unscoped: side(0, path: socket, scope: "all"), scoped: side(1, path: scopedSocket, scope: street)
        )
        Console.line()
        Console.line(report.printed())
        let path = output ?? ".dev/bench/results/\(ReportFile.stamp())-scope-cost-\(mix.rawValue).json"
        try ReportFile.write(report, to: path)
        Console.line()
        Console.line("JSON report: \(path)")
    }

    /// The process id of the daemon at `path`, after checking that its `whoami` gives this
    /// user the scope `expectedScope` (`all` for unscoped).
    private static func daemon(at path: String, expectedScope: String) throws -> Int32 {
        let client = try ControlSocketClient(path: path, keepsFields: true)
        guard let pid = client.peerProcessID() else { throw BenchError("cannot read the daemon's process id from \(path)") }
        try client.send("whoami\n")
        let reply = try client.nextReply()
        guard reply.status == 200, let scope = reply.fields["scope"] else {
            throw BenchError("'whoami' on \(path) was answered \(reply.status) \(reply.errorCode ?? "") without a scope")
        }
        guard scope == expectedScope else {
            throw BenchError(
                "the daemon at \(path) gives this user the scope '\(scope)', not '\(expectedScope)'; "
                    + "configure access.scopes.users (DANGJIAN_ACCESS_SCOPES_USERS) accordingly")
        }
        return pid
    }
}
