import Foundation
import Glibc
import Testing
import WorkbenchTestSupport

/// A database that stops answering (every PostgreSQL process of the embedded cluster
/// stopped with SIGSTOP): commands still end with a 504 in time, the built-ins that need no
/// database answer at once, and SIGTERM still ends the daemon within its shutdown budget.
@Suite("A database that stops answering", .serialized)
struct HungDatabaseTests {
    /// Sends `line` on a new connection and returns the reply and how long it took.
    static func timed(_ socket: String, _ line: String) async throws -> (reply: [String], elapsed: Duration) {
        try await runBlocking {
            let client = try SocketClient(path: socket)
            let started = ContinuousClock.now
            let reply = try client.exchange(line + "\n", replies: 1, timeout: .seconds(30))[0]
            return (reply, ContinuousClock.now - started)
        }
    }

    @Test func commandsTimeOutBuiltInsAnswerAndSIGTERMExitsInTime() async throws {
        let daemon = try await DaemonUnderTest.start(
            embedded: true,
            settings: ["DANGJIAN_CONTROL_COMMAND_TIMEOUT": "2s", "DANGJIAN_DAEMON_SHUTDOWN_TIMEOUT": "6s"]
        )
        #expect(status(try await Self.timed(daemon.socketPath, "migrations").reply) == 200)
        try await FrozenPostgres.whileStopped(dataDirectory: daemon.directory + "/state/postgres/data") {
            try await checkWhileStopped(daemon)
        }
    }

    private func checkWhileStopped(_ daemon: DaemonUnderTest) async throws {
        // A command that needs the database: its 504 within the limit and one second.
        let (timedOut, commandTime) = try await Self.timed(daemon.socketPath, "migrations")
        #expect(status(timedOut) == 504, "\(timedOut)")
        #expect(timedOut.last?.contains("command.timeout") == true, "\(timedOut)")
        #expect(commandTime < .seconds(20), "504 after \(commandTime)")

        // What the daemon knows without the database, within a second each.
        for builtIn in ["ping", "whoami", "version", "status"] {
            let (reply, elapsed) = try await Self.timed(daemon.socketPath, builtIn)
            #expect(status(reply) == 200, "\(builtIn): \(reply)")
            // Their budget is 500 ms; without it they would wait for the stopped database.
            #expect(elapsed < .seconds(20), "\(builtIn) answered after \(elapsed)")
            if builtIn == "version" || builtIn == "status" {
                #expect(reply.joined().contains("the database does not answer"), "\(builtIn): \(reply)")
            }
        }

        // SIGTERM with a command stuck on the database: out within the shutdown budget.
        let stuck = Task { try await Self.timed(daemon.socketPath, "audit tail") }
        try await Task.sleep(for: .milliseconds(200))
        let started = ContinuousClock.now
        let exitStatus = try await daemon.terminate(timeout: .seconds(60))
        let shutdownTime = ContinuousClock.now - started
        // The budget is 6 s; the slack is for timers on a loaded two-core CI machine (the whole suite
        // runs beside this test: 8.5 s has been seen). Without the budget the daemon would wait
        // for SIGCONT: 60 s here.
        #expect(shutdownTime < .seconds(6) + .seconds(20), "exited after \(shutdownTime)")
        #expect(exitStatus == 0, "\(daemon.log.suffix(2000))")
        _ = try? await stuck.value
    }
}
