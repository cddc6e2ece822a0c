import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@testable import dangjianctl

/// A stand-in for the daemon on one end of a `socketpair(2)`: a thread reads request lines
/// and writes back what `respond` says, in chunks of `chunkSize` bytes (1 exercises the
/// client's partial reads). `respond` returning nil closes the connection; an empty string
/// sends nothing. The client's end is wrapped in a ``ControlConnection``.
final class FakeDaemon {
    /// The client's side.
    let connection: ControlConnection
    /// Every request line received, in order, once the client has hung up.
    private let received = Received()
    private let finished = DispatchSemaphore(value: 0)

    init(chunkSize: Int = 4096, respond: @escaping @Sendable (String) -> String?) {
        // A peer that closes early must be an EPIPE, not a SIGPIPE that ends the whole test run.
        _ = signal(SIGPIPE, SIG_IGN)
        var descriptors: [Int32] = [0, 0]
        #if canImport(Darwin)
            let type = SOCK_STREAM
        #else
            let type = Int32(SOCK_STREAM.rawValue)
        #endif
        precondition(socketpair(AF_UNIX, type, 0, &descriptors) == 0)
        connection = ControlConnection(descriptor: descriptors[0], path: "fake.sock")
        let server = descriptors[1]
        let received = self.received
        let finished = self.finished
        let thread = Thread {
            defer {
                close(server)
                finished.signal()
            }
            var lines = LineBuffer()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(server, $0.baseAddress!, $0.count) }
                if count <= 0 { return }
                lines.append(buffer[0..<count])
                while let line = lines.nextLine() {
                    let request = String(decoding: line, as: UTF8.self)
                    received.append(request)
                    guard let reply = respond(request) else { return }
                    let bytes = Array(reply.utf8)
                    for start in stride(from: 0, to: bytes.count, by: chunkSize) {
                        let chunk = Array(bytes[start..<min(start + chunkSize, bytes.count)])
                        _ = chunk.withUnsafeBytes { Self.send(server, $0) }
                    }
                }
            }
        }
        thread.start()
    }

    /// The requests received; waits until the client has shut down its end (or the daemon
    /// hung up).
    func requests() -> [String] {
        finished.wait()
        return received.lines
    }

    private static func send(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        #if canImport(Darwin)
            Darwin.send(descriptor, bytes.baseAddress!, bytes.count, 0)
        #else
            Glibc.send(descriptor, bytes.baseAddress!, bytes.count, Int32(MSG_NOSIGNAL))
        #endif
    }

    /// The request lines, shared with the daemon's thread.
    private final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [String] = []

        func append(_ line: String) {
            lock.withLock { storage.append(line) }
        }

        var lines: [String] { lock.withLock { storage } }
    }
}
