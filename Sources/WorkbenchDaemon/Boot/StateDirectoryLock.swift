import Foundation
import Glibc

/// The daemon's exclusive hold on its state directory, for as long as it runs.
///
/// Two daemons on one state directory would share one embedded cluster: the second would stop
/// the first one's PostgreSQL, or restart it again and again from another socket. So before it
/// touches anything, a daemon takes an exclusive `flock(2)` on `<state_dir>/dangjiand.lock`
/// and writes its pid there; a second daemon finds the lock held, reads the pid and exits at
/// once, naming it. The kernel drops the lock when the process ends, however it ends, so a
/// crash or a power loss never leaves a stale lock behind (the file itself stays, harmlessly).
public final class StateDirectoryLock: Sendable {
    /// The lock file's name inside the state directory.
    public static let fileName = "dangjiand.lock"

    /// The lock file.
    public let path: String
    private let descriptor: Int32

    /// Why the lock could not be taken.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// Another process holds it; `pid` is what that process wrote (nil if unreadable).
        case held(path: String, pid: Int32?)
        /// The directory or the file could not be opened.
        case unusable(path: String, reason: String)

        /// What the operator reads.
        public var description: String {
            switch self {
            case .held(let path, let pid):
                let who = pid.map { "another dangjiand (pid \($0))" } ?? "another dangjiand"
                return "\(who) is running on this state directory (\(path) is locked); "
                    + "stop it first, or give this daemon another daemon.state_dir"
            case .unusable(let path, let reason):
                return "cannot lock the state directory (\(path)): \(reason); check daemon.state_dir and its permissions"
            }
        }
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Takes the lock, creating the directory when it is missing, and records this process's pid.
    ///
    /// - Throws: ``Failure/held(path:pid:)`` when another process holds it (nothing is changed),
    ///   ``Failure/unusable(path:reason:)`` when the directory cannot be used.
    public static func acquire(directory: String) throws -> StateDirectoryLock {
        let path = directory + "/" + fileName
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw Failure.unusable(path: path, reason: String(cString: strerror(errno)))
        }
        // O_CLOEXEC: the embedded postgres and other children must not inherit the hold.
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure.unusable(path: path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            defer { close(descriptor) }
            if reason == EWOULDBLOCK { throw Failure.held(path: path, pid: readPID(descriptor)) }
            throw Failure.unusable(path: path, reason: String(cString: strerror(reason)))
        }
        let text = Array("\(getpid())\n".utf8)
        guard ftruncate(descriptor, 0) == 0, pwrite(descriptor, text, text.count, 0) == text.count else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw Failure.unusable(path: path, reason: reason)
        }
        return StateDirectoryLock(path: path, descriptor: descriptor)
    }

    private static func readPID(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
