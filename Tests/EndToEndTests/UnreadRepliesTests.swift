import Foundation
import Glibc
import Testing

/// Clients that send requests and never read the replies cannot hold the daemon's slots or
/// its memory: once a bounded amount of replies waits, their requests are no longer read, and
/// after `control.write_timeout` they are closed.
@Suite("Clients that never read their replies")
struct UnreadRepliesTests {
    @Test func stuckClientsAreClosedAndTheNextClientIsServed() async throws {
        let limit = 16
        let daemon = try await DaemonUnderTest.start(settings: [
            "DANGJIAN_CONTROL_MAX_CONNECTIONS": "\(limit)",
            "DANGJIAN_CONTROL_WRITE_TIMEOUT": "2s",
            "DANGJIAN_CONTROL_OUTPUT_BUFFER_KIB": "16",
        ])
        let rssBefore = try Self.residentKiB(of: daemon.process.processIdentifier)
        // Every slot taken by a client that pipelines 2,000 requests and never reads a reply.
        var stuck: [SocketClient] = []
        let connectDeadline = ContinuousClock.now + .seconds(30)
        while stuck.count < limit && ContinuousClock.now < connectDeadline {
            // A slot is held once the daemon answers; the start-up check's connection may
            // still hold one for a moment, so a 503 is tried again.
            let client = try SocketClient(path: daemon.socketPath)
            // A refused connection may be closed before the ping is written (EPIPE): try again.
            guard (try? client.exchange("ping\n", replies: 1))?[0].last == "200 pong" else { continue }
            // On a loaded machine the daemon may give up on this client (write timeout) before the
            // last request is sent: the send then ends with EPIPE, which is the behaviour under test.
            _ = try? client.send(String(repeating: "help\n", count: 2_000))
            stuck.append(client)
        }
        try #require(stuck.count == limit)
        // One more client: served once the daemon has closed the clients that do not read
        // (well before the 10-minute idle timeout; without that it waits the whole timeout).
        var served: SocketClient?
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let client = try SocketClient(path: daemon.socketPath)
            // Refused while every slot is held, and closed at once: the ping may meet EPIPE.
            if (try? client.exchange("ping\n", replies: 1))?[0].last == "200 pong" {
                served = client
                break
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        // Whether the next client was refused for a while depends on how fast the slots filled
        // (under a loaded machine the first stuck clients may be closed before the last one
        // connects); what must hold either way is below: it is served while every stuck client
        // is still connected, and the daemon says it closed some.
        let client = try #require(served, "a new client is served while the non-reading clients are still connected")
        // On the same connection: a new one could race the daemon's count of closed ones.
        let status = try client.exchange("status\n", replies: 1)[0]
        let closed = status.first { $0.hasPrefix("200-connections_closed_unread: ") }.flatMap { Int($0.split(separator: " ").last!) } ?? 0
        #expect(closed >= 1, "\(status)")
        let rssAfter = try Self.residentKiB(of: daemon.process.processIdentifier)
        #expect(rssAfter - rssBefore < 100 * 1024, "the stuck clients' replies did not pile up in memory: \(rssBefore) KiB → \(rssAfter) KiB")
        #expect(daemon.log.contains("Closed a connection whose client did not read its replies"))
        withExtendedLifetime(stuck) {}
        #expect(try await daemon.terminate() == 0)
    }

    /// VmRSS from /proc.
    static func residentKiB(of pid: Int32) throws -> Int {
        let text = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        return try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
    }
}
