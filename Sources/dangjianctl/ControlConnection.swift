#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A connection to the daemon's control socket over plain POSIX calls.
///
/// The descriptor is non-blocking; every operation waits with `poll(2)` and retries on
/// `EINTR`. Writing to a connection the daemon has closed fails with `EPIPE` instead of
/// raising `SIGPIPE`. The descriptor is closed when the connection is released.
final class ControlConnection {
    /// The socket's path, for messages.
    let path: String
    /// The connected socket.
    let descriptor: Int32

    /// Connects to the Unix stream socket at `path`.
    convenience init(connectingTo path: String) throws(ClientError) {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity else { throw .socketPathTooLong(path: path, limit: capacity - 1) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
            raw[pathBytes.count] = 0
        }
        #if canImport(Darwin)
            let descriptor = socket(AF_UNIX, SOCK_STREAM, 0)
        #else
            let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #endif
        guard descriptor >= 0 else { throw .cannotConnect(path: path, errno: errno) }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        if result != 0 {
            let code = errno
            // Interrupted, the connection goes on in the background: wait for its outcome.
            if code != EINTR || !Self.finishInterruptedConnect(descriptor) {
                close(descriptor)
                throw .cannotConnect(path: path, errno: code == EINTR ? ECONNREFUSED : code)
            }
        }
        self.init(descriptor: descriptor, path: path)
    }

    /// Wraps an already connected stream socket (a `socketpair(2)` end in tests); the
    /// connection owns it from now on.
    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        #if canImport(Darwin)
            var on: Int32 = 1
            _ = setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    deinit {
        close(descriptor)
    }

    /// Sends all of `bytes`.
    func send(_ bytes: some Collection<UInt8>) throws(ClientError) {
        let array = Array(bytes)
        var offset = 0
        while offset < array.count {
            let sent = try sendSome(array[offset...])
            if sent == 0 { _ = POSIXIO.waitFor(descriptor, events: Int16(POLLOUT), milliseconds: -1) }
            offset += sent
        }
    }

    /// Sends what the socket takes right now from `bytes`, without waiting; returns how many
    /// bytes went (0 when the socket buffer is full). Throws
    /// ``ClientError/connectionClosed(path:unanswered:)`` (with one request unanswered) when
    /// the daemon has closed the connection.
    func sendSome(_ bytes: ArraySlice<UInt8>) throws(ClientError) -> Int {
        while true {
            let sent = bytes.withUnsafeBytes { buffer in
                Self.systemSend(descriptor, buffer.baseAddress!, buffer.count)
            }
            if sent >= 0 { return sent }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return 0
            case EPIPE, ECONNRESET: throw .connectionClosed(path: path, unanswered: 1)
            case let code: throw .io(what: "writing to \(path)", errno: code)
            }
        }
    }

    /// Receives what has arrived, waiting until something does or `deadline` passes
    /// (nil: no limit). An empty array means the daemon closed the connection.
    func receive(until deadline: ContinuousClock.Instant?, timeout: Duration) throws(ClientError) -> [UInt8] {
        while true {
            if let bytes = try receiveAvailable() { return bytes }
            let milliseconds = try Self.pollMilliseconds(until: deadline, path: path, timeout: timeout)
            _ = POSIXIO.waitFor(descriptor, events: Int16(POLLIN), milliseconds: milliseconds)
        }
    }

    /// Receives what has arrived without waiting: nil when nothing has, an empty array when
    /// the daemon closed the connection.
    func receiveAvailable() throws(ClientError) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress!, $0.count, 0) }
            if count >= 0 {
                buffer.removeSubrange(count...)
                return buffer
            }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return nil
            case ECONNRESET: return []
            case let code: throw .io(what: "reading from \(path)", errno: code)
            }
        }
    }

    /// Whether the daemon has closed the connection (it does when idle too long, on `quit`,
    /// and when it stops): checked without waiting and without consuming data.
    func peerHasClosed() -> Bool {
        var byte: UInt8 = 0
        while true {
            let count = recv(descriptor, &byte, 1, Int32(MSG_PEEK))
            if count == 0 { return true }
            if count > 0 { return false }
            if errno == EINTR { continue }
            return errno != EAGAIN && errno != EWOULDBLOCK
        }
    }

    /// Tells the daemon no more requests come (`shutdown(SHUT_WR)`); replies still arrive.
    func finishSending() {
        _ = shutdown(descriptor, Int32(SHUT_WR))
    }

    /// How long `poll(2)` may wait to meet `deadline`; throws when it has passed.
    static func pollMilliseconds(until deadline: ContinuousClock.Instant?, path: String, timeout: Duration) throws(ClientError) -> Int32 {
        guard let deadline else { return -1 }
        let remaining = deadline - .now
        guard remaining > .zero else { throw .timedOut(path: path, seconds: timeout.seconds) }
        let (seconds, attoseconds) = remaining.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }

    /// `send(2)` without `SIGPIPE`.
    private static func systemSend(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Darwin)
            Darwin.send(descriptor, bytes, count, 0)
        #elseif canImport(Musl)
            Musl.send(descriptor, bytes, count, Int32(MSG_NOSIGNAL))
        #else
            Glibc.send(descriptor, bytes, count, Int32(MSG_NOSIGNAL))
        #endif
    }

    /// Waits for a `connect(2)` that `EINTR` interrupted; true when it succeeded.
    private static func finishInterruptedConnect(_ descriptor: Int32) -> Bool {
        let events = POSIXIO.waitFor(descriptor, events: Int16(POLLOUT), milliseconds: -1)
        guard events & Int16(POLLOUT) != 0 else { return false }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0
    }
}
