import Foundation
import Histogram
import WorkbenchPostgres

/// pgbench on the daemon's own cluster, in a database of its own, with the run's clients and
/// duration: the limit the daemon is measured against.
///
/// Transactions are logged (`-l`) so the latency percentiles come from the same kind of HDR
/// histogram as the daemon's. Statements are prepared (`-M prepared`), as the daemon's are.
struct Pgbench {
    /// The pgbench program.
    var executable: String
    /// The connection string of the daemon's database; pgbench uses the same server with
    /// `dbname` replaced.
    var conninfo: String
    /// pgbench's scale (100,000 accounts and one branch per unit). TPC-B updates one branch
    /// row per transaction, so the scale should be at least the clients to avoid measuring
    /// lock waits on a few branches.
    var scale: Int

    static let database = "dangjian_pgbench"

    /// The newest installed pgbench.
    static func defaultExecutable() -> String {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root))?.compactMap(Int.init).sorted() ?? []
        return versions.last.map { "\(root)/\($0)/bin/pgbench" } ?? "pgbench"
    }

    private var benchConninfo: String { conninfo + " dbname=\(Self.database)" }

    /// Creates and initialises pgbench's database unless it already holds this scale.
    func prepare(using connection: PostgresConnection) throws {
        let exists = try connection.execute(PostgresStatement(unnamed: "SELECT 1 FROM pg_database WHERE datname = $1"), [Self.database])
        if exists.isEmpty {
            _ = try connection.executeScript("CREATE DATABASE \(Self.database)")
        } else if let branches = try? PostgresConnection(
            settings: PostgresConnectionSettings(conninfo: benchConninfo, applicationName: "dangjian-bench", statementTimeout: nil)
        ).execute(PostgresStatement(unnamed: "SELECT count(*) FROM pgbench_branches"), []).single().decode(at: 0, as: Int.self),
            branches == scale
        {
            return
        }
        Console.line("Initialising pgbench's database (scale \(scale)) …")
        _ = try launch(["-i", "-q", "-s", String(scale), benchConninfo], directory: nil)
    }

    /// Runs pgbench's built-in scripts for the mix and returns its figures.
    ///
    /// pgbench runs for `warmup + seconds`, and, as for the daemon's load, only transactions
    /// that start after the first `warmup` seconds count: the connections' first prepares and
    /// plans are not measured on either side.
    func run(mix: CommandMix, clients: Int, seconds: Int, warmup: Int) throws -> LatencySummary {
        try withDirectory { directory in
            let arguments =
                mix.pgbenchScripts + [
                    "-n", "-M", "prepared", "-c", String(clients), "-j", String(min(clients, 2)), "-T", String(warmup + seconds), "-l", benchConninfo,
                ]
            let output = try launch(arguments, directory: directory)
            let (histogram, _) = try Self.readLogs(in: directory, output: output, warmup: warmup, seconds: seconds)
            return LatencySummary(histogram, seconds: Double(seconds))
        }
    }

    /// Runs `scripts` (the mix's own statements) on the daemon's own database, not
    /// pgbench's, and returns the figures per script with the commands they stand for; warm-up
    /// as for the built-in scripts.
    func run(scripts: SameWorkScripts, clients: Int, seconds: Int, warmup: Int) throws -> (scripts: LatencySummary, commandsPerSecond: Double) {
        try withDirectory { directory in
            let arguments =
                ["-n", "-M", "prepared", "-c", String(clients), "-j", String(min(clients, 2)), "-T", String(warmup + seconds), "-l"]
                + (try scripts.arguments(directory: directory))
            let size = arguments.reduce(0) { $0 + $1.utf8.count + 1 }
            guard size < 1_000_000 else {
                throw BenchError("the captured values make a pgbench command line of \(size) bytes; use fewer --same-work-samples")
            }
            let output = try launch(arguments + [conninfo], directory: directory)
            let (histogram, byScript) = try Self.readLogs(in: directory, output: output, warmup: warmup, seconds: seconds)
            let commands = byScript.reduce(0) { total, entry in
                total + entry.value * (entry.key < scripts.scripts.count ? scripts.scripts[entry.key].commands : 1)
            }
            return (LatencySummary(histogram, seconds: Double(seconds)), Double(commands) / Double(seconds))
        }
    }

    private func withDirectory<Result>(_ body: (URL) throws -> Result) throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-bench-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }

    /// The latencies of pgbench's per-transaction logs (`-l`) and the transactions of each
    /// script, counting the transactions that started in the `seconds` after the first
    /// `warmup` seconds of the run (from the first transaction's start).
    private static func readLogs(in directory: URL, output: String, warmup: Int, seconds: Int) throws -> (Histogram<UInt64>, [Int: Int]) {
        var transactions: [Transaction] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasPrefix("pgbench_log") {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            transactions += Self.transactions(inLog: text)
        }
        return try Self.measured(transactions, warmup: warmup, seconds: seconds, output: output)
    }

    /// One line of pgbench's per-transaction log.
    struct Transaction: Equatable {
        /// Its latency, in microseconds.
        var microseconds: UInt64
        /// The script it ran (0 for the first `-f` or `-b`).
        var script: Int
        /// When it started, in microseconds since the epoch.
        var startMicroseconds: Int64
    }

    /// The transactions of a log: `client_id transaction_no time script_no time_epoch time_us`,
    /// where `time` is the latency and `time_epoch` + `time_us` the end.
    static func transactions(inLog text: String) -> [Transaction] {
        text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count >= 6, let microseconds = UInt64(fields[2]), let script = Int(fields[3]), let epoch = Int64(fields[4]),
                let fraction = Int64(fields[5])
            else { return nil }
            return Transaction(microseconds: microseconds, script: script, startMicroseconds: epoch * 1_000_000 + fraction - Int64(microseconds))
        }
    }

    /// The histogram and per-script counts of the transactions that started within the
    /// measured window.
    static func measured(_ transactions: [Transaction], warmup: Int, seconds: Int, output: String) throws -> (Histogram<UInt64>, [Int: Int]) {
        var histogram = ClientTally.histogram()
        var byScript: [Int: Int] = [:]
        let first = transactions.map(\.startMicroseconds).min() ?? 0
        let window = (first + Int64(warmup) * 1_000_000)..<(first + Int64(warmup + seconds) * 1_000_000)
        for transaction in transactions where window.contains(transaction.startMicroseconds) {
            _ = histogram.record(max(1, transaction.microseconds))
            byScript[transaction.script, default: 0] += 1
        }
        guard histogram.totalCount > 0 else {
            throw BenchError("pgbench logged no transactions; its output was:\n\(output)")
        }
        return (histogram, byScript)
    }

    /// Runs pgbench with `arguments` and returns its output; throws with the output when it fails.
    private func launch(_ arguments: [String], directory: URL?) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            throw BenchError("cannot run \(executable): \(error); install postgresql-contrib or pass --pgbench")
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let shown = arguments.dropLast().joined(separator: " ")
            throw BenchError(
                "pgbench \(shown.count > 400 ? shown.prefix(400) + " …" : shown) failed (status "
                    + "\(process.terminationStatus)):\n\(output.suffix(4_000))"
            )
        }
        return output
    }
}
