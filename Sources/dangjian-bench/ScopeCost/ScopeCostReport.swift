/// What `dangjian-bench scope-cost` measured: the same commands from callers held to one
/// street and from unscoped callers, in alternating rounds of the same run, and their ratio.
struct ScopeCostReport: Codable, Equatable {
    /// The goal: scoped throughput at least this share of unscoped throughput.
    static let goal = 0.9

    /// One side of the comparison, over all its rounds.
    struct Side: Codable, Equatable {
        /// The daemon's control socket.
        var socket: String
        /// What the daemon's `whoami` answered for the bench's user (`all`, or the street).
        var scope: String
        /// Commands answered per second over all rounds.
        var perSecond: Double
        /// Commands answered per second in each round.
        var roundsPerSecond: [Double]
        var answered: Int
        /// Commands refused or failed (a scoped caller's refusal means the workload left the scope).
        var refused: Int
        var p50Milliseconds: Double
        var p99Milliseconds: Double
        /// The daemon's CPU time per answered command.
        var daemonCPUMicrosecondsPerCommand: Double
    }

    var startedAt: String
    var mix: CommandMix
    var clients: Int
    var secondsPerRound: Int
    var rounds: Int
    /// The street whose subtree both sides' commands name.
    var street: String
    var unscoped: Side
    var scoped: Side

    /// Scoped throughput ÷ unscoped throughput.
    var ratio: Double { unscoped.perSecond > 0 ? scoped.perSecond / unscoped.perSecond : 0 }

    /// Whether the goal is met: the ratio, with no command refused on either side.
    var met: Bool { ratio >= Self.goal && unscoped.refused == 0 && scoped.refused == 0 && scoped.answered > 0 }

    /// The report as printed.
    func printed() -> String {
        var lines = [
            "dangjian-bench scope-cost: mix \(mix.rawValue), \(clients) clients, \(rounds) rounds of \(secondsPerRound) s a side, "
                + "commands inside \(street)",
            "",
        ]
        let rows = [("unscoped", unscoped), ("scoped to \(street)", scoped)].map { label, side in
            [
                label, String(format: "%.0f", side.perSecond), side.roundsPerSecond.map { String(format: "%.0f", $0) }.joined(separator: " / "),
                RunReport.milliseconds(side.p50Milliseconds), RunReport.milliseconds(side.p99Milliseconds),
                String(format: "%.0f µs", side.daemonCPUMicrosecondsPerCommand), "\(side.answered)", "\(side.refused)",
            ]
        }
        lines += RunReport.table(
            header: ["", "per second", "each round", "p50 ms", "p99 ms", "daemon CPU", "answered", "refused"], rows: rows
        )
        lines.append("")
        let verdict = met ? "met" : "MISSED"
        lines.append(String(format: "scoped ÷ unscoped: %.2f× (goal ≥ %.2f×, nothing refused): %@", ratio, Self.goal, verdict))
        if scoped.refused > 0 || unscoped.refused > 0 {
            lines.append("Refused commands mean the workload named rows outside the street, or the daemon refused the load; see its log.")
        }
        return lines.joined(separator: "\n")
    }
}
