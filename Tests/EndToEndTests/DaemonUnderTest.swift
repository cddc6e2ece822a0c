import Foundation
import Glibc
import WorkbenchTestSupport

/// The real `dangjiand` binary, started with a temporary configuration, socket and state
/// directory.
final class DaemonUnderTest: @unchecked Sendable {
    let directory: String
    let socketPath: String
    let logPath: String
    let process: any DaemonProcess
    let notifications: NotifyListener?

    /// The directory holding the built executables (next to the test bundle).
    static var binDirectory: String {
        if let override = ProcessInfo.processInfo.environment["DANGJIAN_BIN_DIR"] { return override }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" && !FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("dangjiand").path) {
            url.deleteLastPathComponent()
        }
        return url.path
    }

    /// How long a daemon may take from exec to its first reply. Generous on purpose: the
    /// tests check what the daemon does, not how fast it starts, and while the whole suite
    /// runs the two cores are shared with dozens of throwaway databases being migrated.
    static let startTimeout: Duration = .seconds(120)

    /// Starts a daemon.
    ///
    /// - Parameters:
    ///   - embedded: Use the embedded cluster under the state directory instead of a fresh
    ///     database on the suite's cluster.
    ///   - settings: Configuration overrides as `DANGJIAN_…` environment variables.
    ///   - notify: Give the daemon a `NOTIFY_SOCKET` and record what it sends.
    ///   - conninfo: A database to use instead of a fresh one.
    ///   - asOwner: Give `database.url` the owner's (superuser's) conninfo and no
    ///     `database.owner_url`, instead of the runtime login and the owner's for migrations.
    ///   - activatedSocket: Start the daemon through `systemd-socket-activate`, which listens
    ///     on this file in the test directory, passes it as the descriptor named `control`
    ///     and starts the daemon on the first connection; `socketPath` is then this socket.
    static func start(
        embedded: Bool = false, settings: [String: String] = [:], notify: Bool = false, conninfo: String? = nil, asOwner: Bool = false,
        activatedSocket: String? = nil, waitUntilReady: Bool = true
    ) async throws -> DaemonUnderTest {
        let directory = try TestCluster.makeTemporaryDirectory("dangjian-e2e")
        var database = "database:\n  pool:\n    size: 4\n    acquire_timeout: 5s\n"
        if !embedded {
            var url = conninfo ?? ""
            if conninfo == nil { url = try await TestCluster.makeDatabase() }
            // Commands as the runtime role, migrations as the owner, as an administrator deploys it.
            let quoted = { (text: String) in "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            if asOwner {
                database += "  url: \(quoted(url))\n"
            } else {
                database += "  url: \(quoted(TestCluster.runtimeConninfo(url)))\n  owner_url: \(quoted(url))\n"
            }
        } else {
            database += "  embedded:\n    max_connections: 20\n"
        }
        let yaml = """
            daemon:
              state_dir: \(directory)/state
              log_level: debug
              shutdown_timeout: 10s
            control:
              socket: \(directory)/run/control.sock
              socket_mode: "0666"
              socket_group: "-"
            \(database)
            access:
              admin:
                users: [root, "\(getuid())"]
            """
        try yaml.write(toFile: directory + "/dangjian.yaml", atomically: true, encoding: .utf8)
        let notifications = notify ? try NotifyListener(path: directory + "/notify.sock") : nil
        let arguments = ["--config", directory + "/dangjian.yaml"]
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("DANGJIAN_") && $0.key != "NOTIFY_SOCKET" }
        var daemonEnvironment = settings
        if let notifications { daemonEnvironment["NOTIFY_SOCKET"] = notifications.path }
        environment.merge(daemonEnvironment) { $1 }
        let logPath = directory + "/dangjiand.log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = FileHandle(forWritingAtPath: logPath)!
        var socketPath = directory + "/run/control.sock"
        let process: any DaemonProcess
        if let activatedSocket {
            // systemd-socket-activate passes on only PATH, TERM, USER and HOME, plus what -E names.
            socketPath = directory + "/" + activatedSocket
            process = try SpawnedProcess(
                executable: try tool("systemd-socket-activate"),
                arguments: ["--listen=\(socketPath)", "--fdname=control"]
                    + daemonEnvironment.sorted { $0.key < $1.key }.map { "--setenv=\($0.key)=\($0.value)" }
                    + [binDirectory + "/dangjiand"] + arguments,
                environment: environment, output: log.fileDescriptor
            )
        } else {
            let foundationProcess = Process()
            foundationProcess.executableURL = URL(fileURLWithPath: binDirectory + "/dangjiand")
            foundationProcess.arguments = arguments
            foundationProcess.environment = environment
            foundationProcess.standardOutput = log
            foundationProcess.standardError = log
            try foundationProcess.run()
            process = foundationProcess
        }
        let daemon = DaemonUnderTest(
            directory: directory, socketPath: socketPath, logPath: logPath, process: process,
            notifications: notifications
        )
        if waitUntilReady { try await daemon.waitUntilServing() }
        return daemon
    }

    private init(directory: String, socketPath: String, logPath: String, process: any DaemonProcess, notifications: NotifyListener?) {
        self.directory = directory
        self.socketPath = socketPath
        self.logPath = logPath
        self.process = process
        self.notifications = notifications
    }

    deinit {
        if process.isRunning {
            process.terminate()
            // A daemon that does not stop is killed, so that a failing test cannot hang the run.
            let deadline = Date() + 20
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        if ProcessInfo.processInfo.environment["DANGJIAN_KEEP_TEST_DIR"] == nil {
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    /// The daemon's log so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Waits until the socket answers `ping`.
    func waitUntilServing(timeout: Duration = DaemonUnderTest.startTimeout) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if !process.isRunning {
                throw TestFailure("dangjiand exited with status \(process.terminationStatus) during start-up:\n\(log)")
            }
            if let client = try? SocketClient(path: socketPath), let reply = try? client.exchange("ping\n", replies: 1),
                reply.first?.last == "200 pong"
            {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("dangjiand did not serve within \(timeout):\n\(log)")
    }

    /// Sends SIGTERM and waits for the exit status.
    func terminate(timeout: Duration = .seconds(20)) async throws -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        return try await waitForExit(timeout: timeout)
    }

    /// Waits for the process to exit and returns its status.
    func waitForExit(timeout: Duration = .seconds(20)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else { throw TestFailure("dangjiand did not exit within \(timeout):\n\(log)") }
            try await Task.sleep(for: .milliseconds(25))
        }
        return process.terminationStatus
    }

    /// The path of a program on `PATH` (or in /usr/bin, /bin); throws naming the Debian package
    /// to install when it is missing.
    static func tool(_ name: String, package: String = "systemd") throws -> String {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/bin"]
        for directory in directories where FileManager.default.isExecutableFile(atPath: directory + "/" + name) {
            return directory + "/" + name
        }
        throw TestFailure("\(name) is not installed; install the Debian package \(package) (deploy/dev test does)")
    }

    /// ``runTool(_:_:input:environment:)`` on a thread of its own, for tools that run for
    /// seconds (the benchmark): waiting on a cooperative thread that long would starve the
    /// other tests' tasks and timers on a two-core machine.
    static func runLongTool(_ executable: String, _ arguments: [String]) async throws -> (status: Int32, output: String, error: String) {
        try await runTool(executable, arguments)
    }

    /// Runs a command line tool with `input` on stdin and returns its exit status and stdout.
    /// Runs a program to completion on a thread of its own (it waits on pipes and a
    /// semaphore: never on Swift's cooperative pool) and returns its status and output.
    static func runTool(
        _ executable: String, _ arguments: [String], input: String = "", environment: [String: String]? = nil
    ) async throws -> (status: Int32, output: String, error: String) {
        try await runBlocking { try runToolBlocking(executable, arguments, input: input, environment: environment) }
    }

    private static func runToolBlocking(
        _ executable: String, _ arguments: [String], input: String, environment: [String: String]?
    ) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        // Not waitUntilExit(): called off the main thread it spins a run loop that can miss the
        // exit and hang for good (swift-corelibs-foundation; seen with several tools at once).
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let error = stderr.fileHandleForReading.readDataToEndOfFile()
        exited.wait()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }
}

/// A failed expectation about the environment of a test.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
