#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

import Foundation
import Testing

@testable import dangjianctl

@Suite("Pipelined requests from standard input")
struct BatchRunnerTests {
    private static let replies: @Sendable (String) -> String? = { request in
        switch request {
        case "ping": return "200 pong\n"
        case "ping --json": return #"200 {"message":"pong"}"# + "\n"
        case "grid case list": return "200-id\ttitle\n200-1\t党建\n200 1 row\n"
        case "missing": return "404 grids.case_not_found: case 42 does not exist\n"
        case "boom": return "500 internal: broke\n"
        case "quit": return nil
        case "hang up": return nil
        case "slow":
            // A daemon answers in order, so a slow command holds back the replies after it.
            Thread.sleep(forTimeInterval: 2.5)
            return "200 late\n"
        default:
            if request.hasPrefix("echo ") { return "200 \(request.dropFirst(5))\n" }
            return "401 command.unknown: \(request)\n"
        }
    }

    /// Runs `input` through a ``BatchRunner`` against a fake daemon; returns the outcomes,
    /// the exit status (or the error) and the requests the daemon saw.
    private func run(
        _ input: String, chunkSize: Int = 4096, json: Bool = false, timeout: Duration = .seconds(10)
    ) -> (outcomes: [BatchRunner.Outcome], result: Result<ClientExitStatus, ClientError>, requests: [String]) {
        let daemon = FakeDaemon(chunkSize: chunkSize, respond: Self.replies)
        // The runner may stop reading standard input early: the writer then gets EPIPE, and the
        // test run must not end on a SIGPIPE (dangjianctl's main ignores it the same way).
        _ = signal(SIGPIPE, SIG_IGN)
        var pipeEnds: [Int32] = [0, 0]
        precondition(pipe(&pipeEnds) == 0)
        // Standard input is written by another thread: it may not fit in the pipe at once.
        let bytes = Array(input.utf8)
        let writeEnd = pipeEnds[1]
        Thread {
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(writeEnd, $0.baseAddress!, $0.count) }
                guard written > 0 else { break }
                offset += written
            }
            close(writeEnd)
        }.start()
        defer { close(pipeEnds[0]) }
        let runner = BatchRunner(input: pipeEnds[0], connection: daemon.connection, timeout: timeout, json: json)
        var outcomes: [BatchRunner.Outcome] = []
        let result = Result { () throws(ClientError) in try runner.run { outcomes.append($0) } }
        daemon.connection.finishSending()
        return (outcomes, result, daemon.requests())
    }

    private func summaries(_ outcomes: [BatchRunner.Outcome]) -> [String] {
        outcomes.map { outcome in
            switch outcome {
            case .reply(let reply): "\(reply.status) \(reply.summary)"
            case .refused(let error): "refused \(error.exitStatus.rawValue)"
            }
        }
    }

    @Test(arguments: [1, 3, 4096])
    func repliesInRequestOrder(chunkSize: Int) {
        let (outcomes, result, requests) = run("ping\n\n# a comment\n  grid case list  \necho 党建\nping", chunkSize: chunkSize)
        #expect(summaries(outcomes) == ["200 pong", "200 1 row", "200 党建", "200 pong"])
        #expect(result == .success(.success))
        #expect(requests == ["ping", "grid case list", "echo 党建", "ping"])
    }

    @Test(arguments: [
        ("ping\nmissing\nping\n", ClientExitStatus.requestFailed),
        ("missing\nboom\nping\n", .serverFailed),
        ("ping\necho ok\n", .success),
        ("", .success),
        ("# only comments\n\n", .success),
    ])
    func exitStatusIsTheWorstReply(input: String, expected: ClientExitStatus) {
        #expect(run(input).result == .success(expected))
    }

    @Test func manyPipelinedRequests() {
        let input = (1...2000).map { "echo \($0)\n" }.joined()
        let (outcomes, result, _) = run(input)
        #expect(summaries(outcomes) == (1...2000).map { "200 \($0)" })
        #expect(result == .success(.success))
    }

    @Test func tooLongLineIsRefusedInItsPlace() {
        let long = "echo " + String(repeating: "x", count: 65536)
        let (outcomes, result, requests) = run("ping\n\(long)\nping\n".replacingOccurrences(of: "\n\n", with: "\n"))
        #expect(summaries(outcomes) == ["200 pong", "refused 1", "200 pong"])
        #expect(result == .success(.requestFailed))
        #expect(requests == ["ping", "ping"])
    }

    @Test func jsonIsAppendedToEachRequest() {
        let (outcomes, _, requests) = run("ping\nping --json\n", json: true)
        #expect(requests == ["ping --json", "ping --json"])
        #expect(summaries(outcomes) == [#"200 {"message":"pong"}"#, #"200 {"message":"pong"}"#])
    }

    @Test func quitEndsTheInput() {
        let (outcomes, result, requests) = run("ping\nquit\nping\n")
        #expect(requests == ["ping", "quit"])
        #expect(summaries(outcomes) == ["200 pong"])
        // The fake daemon hangs up on quit without answering, so quit itself is unanswered.
        #expect(result == .failure(.connectionClosed(path: "fake.sock", unanswered: 1)))
    }

    @Test func hangUpReportsTheUnansweredRequests() {
        let (outcomes, result, _) = run("ping\nhang up\nping\nping\n")
        #expect(summaries(outcomes) == ["200 pong"])
        #expect(result == .failure(.connectionClosed(path: "fake.sock", unanswered: 3)))
    }

    @Test func timeout() {
        let (outcomes, result, _) = run("ping\nslow\nping\n", timeout: .milliseconds(800))
        #expect(summaries(outcomes) == ["200 pong"])
        #expect(result == .failure(.timedOut(path: "fake.sock", seconds: 0.8)))
    }
}
