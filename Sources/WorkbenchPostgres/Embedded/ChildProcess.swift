import Foundation
import Synchronization

/// A child process the daemon started, whose exit can be awaited from async code.
final class ChildProcess: Sendable {
    private let process: Process
    private let exit = ExitState()

    /// The exit status and the callers waiting for it; shared with the termination handler.
    private final class ExitState: Sendable {
        let state = Mutex<(status: Int32?, waiters: [CheckedContinuation<Int32, Never>])>((nil, []))
    }

    /// Starts `executable` with `arguments`; stdout and stderr go to `output` when given.
    init(executable: String, arguments: [String], output: FileHandle?, environment: [String: String]? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = output ?? FileHandle.nullDevice
        self.process = process
        process.terminationHandler = { [exit] finished in
            let waiters = exit.state.withLock { state in
                state.status = finished.terminationStatus
                defer { state.waiters.removeAll() }
                return state.waiters
            }
            for waiter in waiters { waiter.resume(returning: finished.terminationStatus) }
        }
        try process.run()
    }

    /// The process id.
    var pid: Int32 { process.processIdentifier }

    /// The exit status, or nil while running.
    var exitStatus: Int32? { exit.state.withLock { $0.status } }

    /// Waits until the process exits and returns its status (not cancellable: the caller
    /// decides when to signal the process).
    func exited() async -> Int32 {
        await withCheckedContinuation { continuation in
            let status = exit.state.withLock { state -> Int32? in
                if let status = state.status { return status }
                state.waiters.append(continuation)
                return nil
            }
            if let status { continuation.resume(returning: status) }
        }
    }

    /// Waits until the process exits or `limit` passes, whichever comes first; returns
    /// whether it exited. Cancelling the caller ends the wait at once (returning false).
    func exited(within limit: Duration) async -> Bool {
        if exitStatus != nil { return true }
        // The exit wait is not cancellable: race it, and leave it behind if it loses.
        return (try? await withBudget(limit) { [self] in await exited() }) != nil
    }

    /// Sends a signal if the process is still running.
    func signal(_ signal: Int32) {
        if exitStatus == nil { kill(process.processIdentifier, signal) }
    }

    /// Runs a command to completion with its output appended to `logFile`; throws with the
    /// log's last lines when it fails.
    static func run(_ executable: String, _ arguments: [String], logFile: String) async throws {
        let log = try LogFile.openForAppending(logFile)
        defer { try? log.close() }
        let child = try ChildProcess(executable: executable, arguments: arguments, output: log)
        let status = await child.exited()
        guard status == 0 else {
            throw PostgresError(
                code: .client,
                message: "\((executable as NSString).lastPathComponent) exited with status \(status); "
                    + "the end of \(logFile): \(LogFile.tail(logFile, lines: 8))"
            )
        }
    }
}

/// The cluster's log file.
enum LogFile {
    /// Opens (creating if needed) a file for appending.
    static func openForAppending(_ path: String) throws -> FileHandle {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o640])
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw PostgresError(code: .client, message: "cannot open \(path) for writing")
        }
        handle.seekToEndOfFile()
        return handle
    }

    /// The last `lines` lines of a file, joined with " | " for a one-line error message.
    static func tail(_ path: String, lines: Int) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "(no log)" }
        let text = String(decoding: data.suffix(16_384), as: UTF8.self)
        return text.split(separator: "\n").suffix(lines).joined(separator: " | ")
    }
}
