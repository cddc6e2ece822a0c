import Foundation
import Testing
import WorkbenchTestSupport

@testable import WorkbenchPostgres

@Suite("A postmaster.pid's process is this cluster's server only when /proc says so")
struct PostmasterIdentityTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var executable: String
        var arguments: [String]
        var workingDirectory: String? = "/"
        var ours: Bool
        var testDescription: String { name }
    }

    static let postgres = "/usr/lib/postgresql/15/bin/postgres"
    static let data = "/var/lib/dangjian/postgres/data"

    static let cases: [Case] = [
        Case(name: "our server", executable: postgres, arguments: [postgres, "-D", data, "-c", "port=5432"], ours: true),
        Case(name: "-Ddir in one word", executable: postgres, arguments: [postgres, "-D" + data], ours: true),
        Case(name: "--pgdata=dir", executable: postgres, arguments: [postgres, "--pgdata=" + data], ours: true),
        Case(name: "a replaced binary still running", executable: postgres + " (deleted)", arguments: [postgres, "-D", data], ours: true),
        Case(
            name: "a relative -D from its working directory", executable: postgres, arguments: ["postgres", "-D", "data"],
            workingDirectory: "/var/lib/dangjian/postgres", ours: true),
        Case(name: "another cluster's server", executable: postgres, arguments: [postgres, "-D", "/srv/other/data"], ours: false),
        Case(name: "postgres without -D", executable: postgres, arguments: [postgres], ours: false),
        Case(name: "-D with nothing after it", executable: postgres, arguments: [postgres, "-D"], ours: false),
        Case(name: "an editor of root's", executable: "/usr/bin/vim.basic", arguments: ["vim", "-D", data], ours: false),
        Case(name: "a shell of the postgres user's", executable: "/usr/bin/bash", arguments: ["-bash"], ours: false),
        Case(
            name: "another installation's postgres", executable: "/usr/lib/postgresql/16/bin/postgres", arguments: ["postgres", "-D", data],
            ours: false),
    ]

    @Test(arguments: cases)
    func judges(_ check: Case) {
        let verdict = PostmasterIdentity.judge(
            executable: check.executable, arguments: check.arguments, workingDirectory: check.workingDirectory,
            postgresExecutable: Self.postgres, dataDirectory: Self.data, resolve: { ($0 as NSString).standardizingPath }
        )
        #expect((verdict == .thisCluster) == check.ours, "\(verdict)")
    }

    @Test func readsANulSeparatedCommandLine() {
        #expect(PostmasterIdentity.commandLine(Array("postgres\0-D\0/a b\0".utf8)) == ["postgres", "-D", "/a b"])
        #expect(PostmasterIdentity.commandLine(Array("x\0\0y\0".utf8)) == ["x", "", "y"])
        #expect(PostmasterIdentity.commandLine([]) == [])
    }

    @Test func aPidThatIsGoneIsNotRunning() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        #expect(PostmasterIdentity.of(pid: process.processIdentifier, postgresExecutable: Self.postgres, dataDirectory: Self.data) == .notRunning)
    }
}

/// The embedded cluster after a power loss: its `postmaster.pid` names a pid that now belongs
/// to another process. Start-up leaves that process alone and starts the server.
@Suite("The embedded cluster starts past a stale postmaster.pid", .serialized)
struct StalePostmasterPIDTests {
    /// `sleep 600`, as root or (through setpriv) as the postgres user; the caller terminates it.
    static func sleeper(asPostgres: Bool) throws -> Process {
        let process = Process()
        if asPostgres {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid", "postgres", "--regid", "postgres", "--clear-groups", "/bin/sleep", "600"]
        } else {
            process.executableURL = URL(fileURLWithPath: "/bin/sleep")
            process.arguments = ["600"]
        }
        // Not the test runner's output: a sleeper left behind by a runner that died must not
        // hold swift test's pipe open (it would wait for it for ten minutes).
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Owner of `pid` per /proc, once the process has become what it runs (setpriv execs).
    static func waitUntilOwned(_ pid: Int32, by uid: UInt32) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if let attributes = try? FileManager.default.attributesOfItem(atPath: "/proc/\(pid)"),
                (attributes[.ownerAccountID] as? NSNumber)?.uint32Value == uid,
                let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe"), target.hasSuffix("/sleep")
            {
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("process \(pid) did not become uid \(uid)'s sleep")
    }

    @Test(arguments: [false, true])
    func anotherProcessIsLeftAloneAndTheServerStarts(ownedByPostgres: Bool) async throws {
        try #require(geteuid() == 0, "the test needs root to run a process as the postgres user")
        let directory = try TestCluster.makeTemporaryDirectory("dangjian-test-stale-pid")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = EmbeddedPostgresConfiguration(directory: directory + "/postgres", settings: ["fsync": "off"])
        let cluster = try EmbeddedPostgres(configuration: configuration, logger: TestCluster.logger)
        try await cluster.start()
        await cluster.stop()

        let stranger = try Self.sleeper(asPostgres: ownedByPostgres)
        defer { stranger.terminate() }
        let postgresUID = try #require(getpwnam("postgres")).pointee.pw_uid
        try await Self.waitUntilOwned(stranger.processIdentifier, by: ownedByPostgres ? postgresUID : 0)
        // What a power loss leaves: the file, naming a pid that is now someone else's.
        let pidFile = configuration.dataDirectory + "/postmaster.pid"
        try "\(stranger.processIdentifier)\n\(configuration.dataDirectory)\n1764000000\n5432\n\(configuration.socketDirectory)\n\n"
            .write(toFile: pidFile, atomically: true, encoding: .utf8)
        _ = chown(pidFile, postgresUID, postgresUID)

        try await cluster.start()
        #expect(stranger.isRunning, "the other process was not signalled")
        let pool = PostgresPool(
            configuration: PostgresPoolConfiguration(connection: PostgresConnectionSettings(conninfo: cluster.conninfo), size: 1),
            logger: TestCluster.logger
        )
        #expect(try await pool.withConnection { try await $0.query(PostgresStatement(unnamed: "SELECT 1")).count } == 1)
        await pool.shutdown()
        await cluster.stop()
        #expect(stranger.isRunning)
    }

    @Test func aServerLeftRunningByAnEarlierDaemonIsStopped() async throws {
        let directory = try TestCluster.makeTemporaryDirectory("dangjian-test-orphan")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = EmbeddedPostgresConfiguration(directory: directory + "/postgres", settings: ["fsync": "off"])
        let earlier = try EmbeddedPostgres(configuration: configuration, logger: TestCluster.logger)
        try await earlier.start()
        let orphan = try #require(earlier.serverPID)
        // A new daemon on the same directory (the earlier one died without stopping it).
        let later = try EmbeddedPostgres(configuration: configuration, logger: TestCluster.logger)
        try await later.start()
        let deadline = ContinuousClock.now + .seconds(10)
        while kill(orphan, 0) == 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(kill(orphan, 0) != 0, "the orphaned server was stopped")
        #expect(later.serverPID != nil && later.serverPID != orphan)
        await later.stop()
    }
}
