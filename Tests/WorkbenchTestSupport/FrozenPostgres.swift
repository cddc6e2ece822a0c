import Foundation
import Glibc

/// Makes a PostgreSQL cluster stop answering without closing anything: its postmaster and
/// every process it started get SIGSTOP, so connections stay open and statements hang, as
/// when the server's machine stalls. SIGCONT always follows, even when the body throws.
///
/// ```swift
/// try await FrozenPostgres.whileStopped(dataDirectory: cluster.configuration.dataDirectory) {
///     #expect(await harness.send("ping") == "200 pong\n")
/// }
/// ```
public enum FrozenPostgres {
    /// Runs `body` while the cluster whose data directory is `dataDirectory` is stopped.
    ///
    /// - Returns: What `body` returns; the processes are continued before it is returned.
    public static func whileStopped<Result>(dataDirectory: String, _ body: () async throws -> Result) async throws -> Result {
        let postmaster = try postmasterPID(dataDirectory: dataDirectory)
        // The postmaster first, so that it starts no new process meanwhile.
        var stopped: [pid_t] = [postmaster]
        kill(postmaster, SIGSTOP)
        defer {
            for pid in stopped { kill(pid, SIGCONT) }
        }
        for child in children(of: postmaster) {
            kill(child, SIGSTOP)
            stopped.append(child)
        }
        return try await body()
    }

    /// The postmaster's pid, from the first line of `postmaster.pid`.
    public static func postmasterPID(dataDirectory: String) throws -> Int32 {
        let text = try String(contentsOfFile: dataDirectory + "/postmaster.pid", encoding: .utf8)
        guard let first = text.split(separator: "\n").first, let pid = pid_t(first.trimmingCharacters(in: .whitespaces)), pid > 0 else {
            throw FrozenPostgresError(message: "no postmaster pid in \(dataDirectory)/postmaster.pid")
        }
        return pid
    }

    /// The processes whose parent is `parent`, from `/proc/<pid>/stat`.
    public static func children(of parent: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            // After "pid (comm)": state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, pid_t(fields[1]) == parent else { return nil }
            return pid
        }
    }
}

/// The cluster to stop could not be found.
public struct FrozenPostgresError: Error, CustomStringConvertible {
    /// What is missing.
    public var message: String
    /// The message.
    public var description: String { message }
}
