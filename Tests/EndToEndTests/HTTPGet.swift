import Foundation
import Glibc
import WorkbenchTestSupport

/// One HTTP/1.1 request over a fresh TCP connection to 127.0.0.1, written with POSIX calls
/// (the endpoint is checked as Prometheus sees it, not through a client library); run on a
/// thread of its own.
struct HTTPExchange: Sendable {
    /// The status code.
    var status: Int
    /// Header lines, as sent.
    var headers: [String]
    /// The body.
    var body: String

    static func send(_ method: String, _ path: String, port: Int) async throws -> HTTPExchange {
        try await runBlocking {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else { throw TestFailure("socket() failed") }
            defer { close(descriptor) }
            var timeout = timeval(tv_sec: 30, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw TestFailure("cannot connect to port \(port): \(String(cString: strerror(errno)))") }
            let request = Array("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
            guard request.withUnsafeBytes({ Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else {
                throw TestFailure("write failed")
            }
            var response: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                response += chunk[..<count]
            }
            let text = String(decoding: response, as: UTF8.self)
            guard let split = text.range(of: "\r\n\r\n") else { throw TestFailure("no HTTP head in \(text.prefix(200))") }
            let head = text[..<split.lowerBound].components(separatedBy: "\r\n")
            let status = head.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
            return HTTPExchange(status: status, headers: Array(head.dropFirst()), body: String(text[split.upperBound...]))
        }
    }
}
