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

    /// Runs pgbench and returns its figures.
    func run(mix: CommandMix, clients: Int, seconds: Int) throws -> LatencySummary {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-bench-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = mix.pgbenchScripts + [
            "-n", "-M", "prepared", "-c", String(clients), "-j", String(min(clients, 2)), "-T", String(seconds), "-l", benchConninfo,
        ]
        let output = try launch(arguments, directory: directory)
        var histogram = ClientTally.histogram()
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasPrefix("pgbench_log") {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            // client_id transaction_no time script_no time_epoch time_us: `time` is the latency in µs.
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: " ", maxSplits: 3)
                if fields.count >= 3, let microseconds = UInt64(fields[2]) { _ = histogram.record(max(1, microseconds)) }
            }
        }
        guard histogram.totalCount > 0 else {
            throw BenchError("pgbench logged no transactions; its output was:\n\(output)")
        }
        return LatencySummary(histogram, seconds: Double(seconds))
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
            throw BenchError("pgbench \(arguments.dropLast().joined(separator: " ")) failed (status \(process.terminationStatus)):\n\(output)")
        }
        return output
    }
}
