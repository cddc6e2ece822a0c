import Foundation
import Glibc

/// Whether the process a `postmaster.pid` names is this cluster's server.
///
/// After a power loss `postmaster.pid` survives, and its pid may by now belong to any other
/// process: an editor of root's, another cluster's postgres, a shell of the postgres user's.
/// Only a process whose executable is this installation's `postgres` and whose `-D` is this
/// data directory (both read from `/proc`, compared after resolving links) is this cluster's
/// server and may be stopped; any other is a stranger, and the file is stale.
public enum PostmasterIdentity: Equatable, Sendable {
    /// No process has that pid.
    case notRunning
    /// The pid is this cluster's postmaster.
    case thisCluster
    /// The pid is another process (or one whose identity cannot be read); why, for the log.
    case stranger(String)

    /// What the process `pid` is, for the server at `postgresExecutable` and `dataDirectory`.
    public static func of(pid: Int32, postgresExecutable: String, dataDirectory: String) -> PostmasterIdentity {
        guard pid > 0 else { return .stranger("pid \(pid) is not a process id") }
        if kill(pid, 0) != 0 && errno == ESRCH { return .notRunning }
        let proc = "/proc/\(pid)"
        guard let executable = readLink(proc + "/exe") else {
            return .stranger("its executable cannot be read (\(String(cString: strerror(errno))))")
        }
        guard let bytes = FileManager.default.contents(atPath: proc + "/cmdline") else {
            return .stranger("its command line cannot be read")
        }
        let workingDirectory = readLink(proc + "/cwd")
        return judge(
            executable: executable, arguments: commandLine(Array(bytes)), workingDirectory: workingDirectory,
            postgresExecutable: resolved(postgresExecutable), dataDirectory: resolved(dataDirectory), resolve: resolved
        )
    }

    /// The verdict from what `/proc` said (kept apart from `/proc` for table tests).
    ///
    /// - Parameters:
    ///   - executable: The target of `/proc/<pid>/exe` (a replaced binary ends in ` (deleted)`).
    ///   - arguments: The command line.
    ///   - workingDirectory: The process's working directory, for a relative `-D`.
    ///   - resolve: Resolves a path's links.
    static func judge(
        executable: String, arguments: [String], workingDirectory: String?, postgresExecutable: String, dataDirectory: String,
        resolve: (String) -> String
    ) -> PostmasterIdentity {
        let binary = executable.hasSuffix(" (deleted)") ? String(executable.dropLast(10)) : executable
        guard binary == postgresExecutable else { return .stranger("its executable is \(binary), not \(postgresExecutable)") }
        guard let directory = dataDirectoryArgument(arguments) else {
            return .stranger("it is a postgres without -D")
        }
        let absolute = directory.hasPrefix("/") ? directory : (workingDirectory ?? "/") + "/" + directory
        let target = resolve(absolute)
        guard target == dataDirectory else { return .stranger("it serves \(target), not \(dataDirectory)") }
        return .thisCluster
    }

    /// The arguments of a NUL-separated `/proc/<pid>/cmdline`.
    static func commandLine(_ bytes: [UInt8]) -> [String] {
        if bytes.isEmpty { return [] }  // a kernel thread, or a process that is exiting
        return bytes.split(separator: 0, omittingEmptySubsequences: false).dropLast(bytes.last == 0 ? 1 : 0).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// The data directory a postgres command line names: `-D dir`, `-Ddir`, `--pgdata=dir`
    /// or `--pgdata dir`; the last one wins, as in postgres.
    static func dataDirectoryArgument(_ arguments: [String]) -> String? {
        var found: String?
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "-D" || argument == "--pgdata" {
                if arguments.index(after: index) < arguments.endIndex { found = arguments[arguments.index(after: index)] }
                index = arguments.index(index, offsetBy: 2, limitedBy: arguments.endIndex) ?? arguments.endIndex
                continue
            }
            if argument.hasPrefix("--pgdata=") {
                found = String(argument.dropFirst(9))
            } else if argument.hasPrefix("-D"), argument.count > 2 {
                found = String(argument.dropFirst(2))
            }
            index = arguments.index(after: index)
        }
        return found
    }

    private static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return (path as NSString).standardizingPath }
        defer { free(real) }
        return String(cString: real)
    }
}
