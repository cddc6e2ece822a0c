import Foundation
import Glibc

/// A private `redis-server` for the transport reference: listening only on a Unix socket in
/// a temporary directory, with no persistence, stopped and removed when the run ends.
final class RedisServer {
    /// The socket clients connect to.
    let socketPath: String
    private let directory: URL
    private let process: Process

    /// `redis-server` on PATH or in /usr/bin; nil when it is not installed.
    static func executable() -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/sbin"]
        return directories.map { $0 + "/redis-server" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts `executable` and waits until it answers PING.
    init(executable: String, maxClients: Int) throws {
        // Unix socket paths are short (108 bytes): /tmp rather than a long TMPDIR.
        directory = URL(fileURLWithPath: "/tmp/dangjian-bench-redis-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        socketPath = directory.path + "/redis.sock"
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--port", "0", "--unixsocket", socketPath, "--unixsocketperm", "700", "--save", "", "--appendonly", "no",
            "--dir", directory.path, "--daemonize", "no", "--maxclients", String(max(maxClients + 32, 128)), "--loglevel", "warning",
            "--logfile", directory.path + "/redis.log",
        ]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw BenchError("cannot start \(executable): \(error)")
        }
        let deadline = Date().addingTimeInterval(10)
        while true {
            if let client = try? UnixStreamClient(path: socketPath, framing: RedisReplyScanner(), server: "redis-server"),
                (try? client.send("PING\r\n")) != nil, (try? client.nextReply())?.status == 200
            {
                return
            }
            if !process.isRunning || Date() > deadline {
                let log = (try? String(contentsOf: directory.appendingPathComponent("redis.log"), encoding: .utf8)) ?? ""
                stop()
                throw BenchError("redis-server did not answer PING on \(socketPath) within 10 s; its log:\n\(log)")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Stops the server and removes its directory.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: directory)
    }

    deinit {
        stop()
    }
}
