import ArgumentParser
import Foundation

/// `dangjian-bench seed`: generates the benchmark district and loads it with COPY.
struct SeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Load a deterministic benchmark district into the daemon's database.",
        discussion: """
            Scale 1 is one district with 20 streets, 300 communities, 6,000 grids led by their grid Party branches, \
            50,000 organisations, 500,000 members and 1,000,000 grid cases over three years with their events. The \
            same --seed and --as-of give the same rows. The daemon must have started on the database once (it creates \
            the schema); the dataset goes in beside whatever is there, under the city code BENCH. Members and cases \
            are committed batch by batch: after a failed load, seed a fresh database (deploy/dev bench starts one).
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Size: 1 is the district above; 2 doubles every count; 0.01 is a small one for trying things out.")
    var scale: Double = 1

    @Option(help: "Random seed: the same seed gives the same dataset.")
    var seed: UInt64 = 20_260_301

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("The instant the dataset treats as now (ISO 8601), default the current time.", valueName: "instant")
    )
    var asOf: String?

    @Option(help: "Connections loading members and cases at once (default: the number of cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard (1...32).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 32") }
        guard scale > 0, scale <= 100 else { throw ValidationError("--scale must be above 0 and at most 100") }
        if let asOf, ISO8601DateFormatter().date(from: asOf) == nil {
            throw ValidationError("--as-of must be an ISO 8601 instant such as 2026-11-21T09:00:00+08:00")
        }
    }

    func run() throws {
        let shape = DatasetShape(scale: scale)
        let instant = asOf.flatMap { ISO8601DateFormatter().date(from: $0) } ?? Date()
        Console.line(
            "Seeding scale \(scale): \(ProgressBar.grouped(shape.organisations)) organisations, \(ProgressBar.grouped(shape.grids)) grids, "
                + "\(ProgressBar.grouped(shape.members)) members, \(ProgressBar.grouped(shape.cases)) cases (seed \(seed))"
        )
        let connection = try database.connect(applicationName: "dangjian-bench seed")
        defer { connection.close() }
        let database = database
        let loader = DatasetLoader(
            shape: shape, seed: seed, asOf: instant, utcOffsetSeconds: 8 * 3_600, jobs: jobs,
            connect: { try database.connect(applicationName: "dangjian-bench seed") }
        )
        let outcome = try loader.load(into: connection)
        Console.line("Loaded in \(String(format: "%.1f", outcome.seconds)) s. Rows now in each table:")
        for (table, rows) in outcome.tableCounts {
            Console.line("  \(table.padding(toLength: 24, withPad: " ", startingAt: 0)) \(ProgressBar.grouped(rows).leftPadded(to: 11))")
        }
    }
}

extension String {
    /// The string right-aligned in `width` columns.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
