import Testing

@testable import dangjianctl

@Suite("Exit status")
struct ExitStatusTests {
    @Test(arguments: [
        (200, ClientExitStatus.success), (201, .success), (299, .success),
        (400, .requestFailed), (401, .requestFailed), (403, .requestFailed), (404, .requestFailed),
        (409, .requestFailed), (413, .requestFailed), (422, .requestFailed),
        (500, .serverFailed), (503, .serverFailed), (504, .serverFailed),
        (100, .serverFailed), (302, .serverFailed), (999, .serverFailed),
    ])
    func fromReplyStatus(code: Int, expected: ClientExitStatus) {
        #expect(ClientExitStatus(replyStatus: code) == expected)
    }

    @Test(arguments: [
        ([200, 201, 200], ClientExitStatus.success),
        ([200, 404, 200], .requestFailed),
        ([404, 500, 422], .serverFailed),
        ([503, 200], .serverFailed),
        ([Int](), .success),
    ])
    func worstOfSeveral(codes: [Int], expected: ClientExitStatus) {
        let worst = codes.reduce(ClientExitStatus.success) { $0.worsened(by: ClientExitStatus(replyStatus: $1)) }
        #expect(worst == expected)
    }

    @Test func rawValuesAreTheProcessExitCodes() {
        #expect(ClientExitStatus.success.rawValue == 0)
        #expect(ClientExitStatus.requestFailed.rawValue == 1)
        #expect(ClientExitStatus.serverFailed.rawValue == 2)
    }

    @Test(arguments: [
        (ClientError.cannotConnect(path: "/x", errno: 2), ClientExitStatus.serverFailed),
        (.connectionClosed(path: "/x", unanswered: 1), .serverFailed),
        (.timedOut(path: "/x", seconds: 60), .serverFailed),
        (.requestTooLong(bytes: 70000, limit: 65536), .requestFailed),
    ])
    func clientErrors(error: ClientError, expected: ClientExitStatus) {
        #expect(error.exitStatus == expected)
    }

    @Test func connectFailureNamesTheSocketAndTheWayOut() {
        let message = ClientError.cannotConnect(path: "/run/dangjian/control.sock", errno: 2).message
        #expect(message.contains("/run/dangjian/control.sock"))
        #expect(message.contains("systemctl status dangjiand"))
        #expect(message.contains("--socket"))
    }
}
