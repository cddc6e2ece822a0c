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
            guard try client.exchange("ping\n", replies: 1)[0].last == "200 pong" else { continue }
            try client.send(String(repeating: "help\n", count: 2_000))
            stuck.append(client)
        }
        try #require(stuck.count == limit)
        // One more client: refused while the slots are held, then served once the daemon has
        // closed the clients that do not read (well before the 10-minute idle timeout).
        var served: SocketClient?
        var refusedMeanwhile = 0
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let client = try SocketClient(path: daemon.socketPath)
            if try client.exchange("ping\n", replies: 1)[0].last == "200 pong" {
                served = client
                break
            }
            refusedMeanwhile += 1
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(refusedMeanwhile >= 1, "every slot was held by a client that does not read")
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
