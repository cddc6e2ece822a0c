import Foundation
import Glibc

/// What a test needs of the daemon's process: Foundation's `Process`, or a ``SpawnedProcess``.
protocol DaemonProcess: AnyObject {
    var processIdentifier: Int32 { get }
    var isRunning: Bool { get }
    /// The exit status, or the signal number when a signal ended the process.
    var terminationStatus: Int32 { get }
    func terminate()
    func waitUntilExit()
}

extension Process: DaemonProcess {}

/// A child started with `posix_spawn` and reaped with `waitpid`, for programs that close the
/// descriptors they inherit while they keep running: `systemd-socket-activate` does, just
/// before it execs the daemon. Foundation's `Process` learns that a child ended when a socket
/// it leaves in the child closes; closed early, its monitoring thread blocks in `waitpid`
/// until the child really ends, and no other `Process` of the test run is seen to end.
final class SpawnedProcess: DaemonProcess, @unchecked Sendable {
    let processIdentifier: Int32
    private let lock = NSLock()
    private var status: Int32?

    /// Starts `executable` with stdin from /dev/null and stdout and stderr to `output`, with
    /// default signal dispositions and an empty signal mask, in a process group of its own.
    init(executable: String, arguments: [String], environment: [String: String], output: Int32) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw TestFailure("cannot start \(executable): \(String(cString: strerror(result)))") }
        processIdentifier = pid
    }

    /// Reaps the child if it has ended; its status, or nil while it runs.
    private func reap() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        if let status { return status }
        var raw: Int32 = 0
        guard waitpid(processIdentifier, &raw, WNOHANG) == processIdentifier else { return nil }
        let signal = raw & 0x7f
        status = signal == 0 ? (raw >> 8) & 0xff : signal
        return status
    }

    var isRunning: Bool { reap() == nil }

    var terminationStatus: Int32 {
        guard let status = reap() else { preconditionFailure("process \(processIdentifier) is still running") }
        return status
    }

    func terminate() { kill(processIdentifier, SIGTERM) }

    func waitUntilExit() {
        while isRunning { usleep(10_000) }
    }
}
