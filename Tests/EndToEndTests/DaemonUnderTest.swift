import Foundation
import Glibc
import WorkbenchTestSupport

/// The real `dangjiand` binary, started with a temporary configuration, socket and state
/// directory.
final class DaemonUnderTest: @unchecked Sendable {
    let directory: String
    let socketPath: String
    let logPath: String
    let process: Process
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

    /// Starts a daemon.
    ///
    /// - Parameters:
    ///   - embedded: Use the embedded cluster under the state directory instead of a fresh
    ///     database on the suite's cluster.
    ///   - settings: Configuration overrides as `DANGJIAN_…` environment variables.
    ///   - notify: Give the daemon a `NOTIFY_SOCKET` and record what it sends.
    ///   - conninfo: A database to use instead of a fresh one.
    static func start(
        embedded: Bool = false, settings: [String: String] = [:], notify: Bool = false, conninfo: String? = nil,
        waitUntilReady: Bool = true
    ) async throws -> DaemonUnderTest {
        let directory = try TestCluster.makeTemporaryDirectory("dangjian-e2e")
        var database = "database:\n  pool:\n    size: 4\n    acquire_timeout: 5s\n"
        if !embedded {
            var url = conninfo ?? ""
            if conninfo == nil { url = try await TestCluster.makeDatabase() }
            database += "  url: \"\(url.replacingOccurrences(of: "\"", with: "\\\""))\"\n"
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binDirectory + "/dangjiand")
        process.arguments = ["--config", directory + "/dangjian.yaml"]
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("DANGJIAN_") && $0.key != "NOTIFY_SOCKET" }
        if let notifications { environment["NOTIFY_SOCKET"] = notifications.path }
        environment.merge(settings) { $1 }
        process.environment = environment
        let logPath = directory + "/dangjiand.log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = FileHandle(forWritingAtPath: logPath)!
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let daemon = DaemonUnderTest(
            directory: directory, socketPath: directory + "/run/control.sock", logPath: logPath, process: process,
            notifications: notifications
        )
        if waitUntilReady { try await daemon.waitUntilServing() }
        return daemon
    }

    private init(directory: String, socketPath: String, logPath: String, process: Process, notifications: NotifyListener?) {
        self.directory = directory
        self.socketPath = socketPath
        self.logPath = logPath
        self.process = process
        self.notifications = notifications
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        if ProcessInfo.processInfo.environment["DANGJIAN_KEEP_TEST_DIR"] == nil {
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    /// The daemon's log so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Waits until the socket answers `ping`.
    func waitUntilServing(timeout: Duration = .seconds(60)) async throws {
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

    /// Runs a command line tool with `input` on stdin and returns its exit status and stdout.
    static func runTool(_ executable: String, _ arguments: [String], input: String = "", environment: [String: String]? = nil) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let error = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }
}

/// A failed expectation about the environment of a test.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
