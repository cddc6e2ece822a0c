import Foundation
import Testing

/// Thousands of clients that connect and go away do not flood the journal.
@Suite("Connect and close cycles do not flood the log")
struct LogFloodTests {
    @Test func twoThousandConnectCloseCyclesWriteAHandfulOfWarnings() async throws {
        let daemon = try await DaemonUnderTest.start(settings: ["DANGJIAN_DAEMON_LOG_LEVEL": "info"])
        let before = daemon.log
        for index in 0..<2_000 {
            let client = try SocketClient(path: daemon.socketPath)
            if index % 2 == 0 { try client.send("ping\n") }
            _ = client  // closed here, at once, with or without a request in flight
        }
        // The daemon is still well: once it has seen the last closes (on a loaded machine the
        // first tries may find every slot still held by clients that are going away), it answers.
        var status: [String] = []
        let deadline = ContinuousClock.now + .seconds(30)
        repeat {
            status = try SocketClient(path: daemon.socketPath).exchange("status\n", replies: 1)[0]
            if status.last?.hasPrefix("200 ") == true { break }
            try await Task.sleep(for: .milliseconds(100))
        } while ContinuousClock.now < deadline
        #expect(status.last?.hasPrefix("200 ") == true, "\(status)")
        #expect(try await daemon.terminate() == 0)
        let warnings = daemon.log.dropFirst(before.count).split(separator: "\n").filter { $0.contains(" WARNING ") || $0.contains(" ERROR ") }
        #expect(warnings.count <= 5, "\(warnings.count) warning lines:\n\(warnings.prefix(20).joined(separator: "\n"))")
    }
}
