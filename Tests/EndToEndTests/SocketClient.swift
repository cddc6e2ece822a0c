import Foundation
import Glibc

/// A minimal blocking client of the control socket, written with POSIX calls so the tests
/// check the protocol itself rather than a client library.
final class SocketClient {
    let descriptor: Int32
    private var buffer: [UInt8] = []

    /// Connects to `path`. The descriptor becomes the client's only once connected: a class
    /// whose stored properties are all set runs `deinit` even when `init` throws, so closing
    /// a stored descriptor on failure would close it twice (the second time, possibly a
    /// descriptor another thread just opened).
    init(path: String) throws {
        _ = signal(SIGPIPE, SIG_IGN)  // belt and braces beside MSG_NOSIGNAL: pipes to tools too
        let candidate = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard candidate >= 0 else { throw TestFailure("socket() failed") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            path.utf8CString.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0.prefix(buffer.count - 1))) }
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(candidate, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0 else {
            let code = errno
            close(candidate)
            throw TestFailure("cannot connect to \(path): \(String(cString: strerror(code)))")
        }
        descriptor = candidate
    }

    deinit { close(descriptor) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a daemon that closed the connection (a client it gave up on) is an
            // EPIPE here, not a SIGPIPE that would end the whole test run without a word.
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw TestFailure("write failed: \(String(cString: strerror(errno)))") }
            offset += written
        }
    }

    func closeWriting() { shutdown(descriptor, Int32(SHUT_WR)) }

    /// Reads one line; nil at end of stream.
    func readLine(timeout: Duration = .seconds(30)) throws -> String? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw TestFailure("no reply line within \(timeout)") }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(remaining.components.seconds * 1000 + 1))
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(descriptor, &chunk, chunk.count)
            if count <= 0 { return buffer.isEmpty ? nil : String(decoding: buffer.splice(), as: UTF8.self) }
            buffer += chunk[..<count]
        }
    }

    /// Reads one whole reply (lines up to the first `NNN `), each line within `timeout`.
    func readReply(timeout: Duration = .seconds(30)) throws -> [String]? {
        var lines: [String] = []
        while let line = try readLine(timeout: timeout) {
            lines.append(line)
            if line.count >= 4, line.utf8.prefix(3).allSatisfy({ (48...57).contains($0) }), Array(line.utf8)[3] == 32 { return lines }
        }
        return lines.isEmpty ? nil : lines
    }

    /// Sends `text` and reads `replies` replies, each line within `timeout`.
    func exchange(_ text: String, replies: Int, timeout: Duration = .seconds(30)) throws -> [[String]] {
        try send(text)
        return try (0..<replies).map { _ in
            guard let reply = try readReply(timeout: timeout) else { throw TestFailure("the connection closed before the reply") }
            return reply
        }
    }
}

extension Array {
    fileprivate mutating func splice() -> Array {
        defer { removeAll() }
        return self
    }
}

/// The status of a reply (its last line's first three digits).
func status(_ reply: [String]) -> Int { Int(reply.last?.prefix(3) ?? "") ?? 0 }
