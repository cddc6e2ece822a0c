import Foundation
import Glibc

/// The daemon's control socket: line requests, replies split by ``ReplyScanner``.
typealias ControlSocketClient = UnixStreamClient<ReplyScanner>

/// One blocking connection to a Unix stream socket (the daemon's control socket, or the
/// reference Redis server's), as a plain client would open it.
///
/// Each load client runs on its own thread, so blocking reads and writes cost no more than
/// `socat` would; the server sees ordinary clients. `Framing` splits the reply stream.
final class UnixStreamClient<Framing: ReplyFraming> {
    private let descriptor: Int32
    private var scanner: Framing
    private var pending: [ReplyScanner.Reply] = []
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    /// Connects to the socket at `path`; `server` names what listens there in errors.
    init(path: String, framing: Framing, server: String = "dangjiand") throws {
        scanner = framing
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw BenchError("cannot create a socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            close(descriptor)
            throw BenchError("the socket path \(path) is too long for a Unix socket")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw BenchError("cannot connect to \(path): \(reason); is \(server) running (deploy/dev bench starts dangjiand)?")
        }
    }

    deinit {
        close(descriptor)
    }

    /// The daemon's process id, from the socket's peer credentials (SO_PEERCRED).
    func peerProcessID() -> Int32? {
        // glibc's struct ucred (pid, uid, gid), which Swift does not see.
        var credentials: (pid: Int32, uid: UInt32, gid: UInt32) = (0, 0, 0)
        var length = socklen_t(12)
        guard getsockopt(descriptor, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0, credentials.pid > 0 else { return nil }
        return credentials.pid
    }

    /// Sends request lines (each ending in a newline).
    func send(_ text: String) throws {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw BenchError("writing to the control socket failed: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        bytes.removeAll()
    }

    /// Reads the next reply, waiting for it.
    func nextReply() throws -> ReplyScanner.Reply {
        while pending.isEmpty {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                throw BenchError(
                    count == 0 ? "the daemon closed the connection" : "reading the control socket failed: \(String(cString: strerror(errno)))")
            }
            pending = buffer.withUnsafeBytes { scanner.feed(UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }.reversed()
        }
        return pending.removeLast()
    }
}

extension UnixStreamClient where Framing == ReplyScanner {
    /// Connects to the daemon's control socket at `path`.
    convenience init(path: String, keepsFields: Bool = false) throws {
        try self.init(path: path, framing: ReplyScanner(keepsFields: keepsFields))
    }
}
