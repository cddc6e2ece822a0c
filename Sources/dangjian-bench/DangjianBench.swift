import ArgumentParser
import Glibc

/// `dangjian-bench`: measures the daemon against pgbench on the same PostgreSQL cluster.
///
/// `seed` loads a realistic district (scale 1: 50,000 organisations, 500,000 members, 6,000
/// grids, 1,000,000 cases with their history) with COPY; `run` drives concurrent
/// control-socket clients through a command mix, runs pgbench with the same clients and
/// duration (its built-in scripts, and scripts of the very statements the daemon executed for
/// the mix, captured from the server's log), measures the daemon's `ping` against a private
/// Redis server's `PING`, and prints the daemon's throughput, latency and cost per command
/// next to them as ratios.
/// docs/performance.md has the reproduce command, the targets and the last results.
@main
struct DangjianBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dangjian-bench",
        abstract: "Load a benchmark district and measure dangjiand against pgbench on the same cluster.",
        discussion: """
            Typical use (deploy/dev bench does all of it on a fresh cluster):
              dangjian-bench seed --scale 1
              dangjian-bench run --mix read --clients 16 --seconds 30
              dangjian-bench run --mix write --clients 16 --seconds 30
            """,
        subcommands: [SeedCommand.self, RunCommand.self, ScopeCostCommand.self]
    )
}

extension DangjianBench {
    /// Starts the bench with no signal blocked: a parent such as a test runner may have
    /// blocked signals, and children inherit the mask. pgbench's `-T` ends on SIGALRM, so a
    /// blocked SIGALRM would leave it running for ever.
    static func main() {
        var none = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, nil)
        main(nil)
    }
}
