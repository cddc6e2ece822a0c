import ArgumentParser

/// Which commands a run sends.
enum CommandMix: String, CaseIterable, ExpressibleByArgument, Codable, Sendable {
    /// `org unit show`, `grid case show`, `grid case list` of a grid with a status filter and
    /// `org unit tree` of a community; compared with pgbench `-S`.
    case read
    /// `grid case report` and the transitions that follow a case to its close (accept, start,
    /// resolve, confirm); compared with pgbench's TPC-B-like script.
    case write
    /// Four reads to one write; compared with pgbench running select-only and TPC-B-like
    /// in the same ratio.
    case mixed

    /// pgbench's built-in scripts for the same mix.
    var pgbenchScripts: [String] {
        switch self {
        case .read: ["-b", "select-only"]
        case .write: ["-b", "tpcb-like"]
        case .mixed: ["-b", "select-only@4", "-b", "tpcb-like@1"]
        }
    }

    /// How pgbench's side is named in the report.
    var pgbenchLabel: String {
        switch self {
        case .read: "pgbench -S"
        case .write: "pgbench TPC-B"
        case .mixed: "pgbench -S@4 TPC-B@1"
        }
    }

    /// Each captured group's share of the mix's commands, for the pgbench run of the mix's own
    /// statements: the reads by their shares, a case's lifecycle for the writes.
    var sameWorkShares: [String: Double] {
        var shares: [String: Double] = [:]
        for (kind, share) in RequestGenerator.readShares { shares[kind.rawValue] = share * (1 - writeShare) }
        if writeShare > 0 { shares[StatementCapture.lifecycleGroup] = writeShare }
        return shares.filter { $0.value > 0 }
    }

    /// How the pgbench run of the mix's own statements is named in the report.
    var sameWorkLabel: String { "pgbench, the mix's own statements" }

    /// The share of commands that are writes.
    var writeShare: Double {
        switch self {
        case .read: 0
        case .write: 1
        case .mixed: 0.2
        }
    }
}
