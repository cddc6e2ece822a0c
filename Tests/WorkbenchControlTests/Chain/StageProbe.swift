import Foundation
import Logging
import Synchronization
import WorkbenchControl
import WorkbenchKit
import WorkbenchTestSupport

/// Runs stages on their own: a request through `stages`, ending in a handler the test gives
/// (by default one that answers "reached" and records the request it saw).
final class StageProbe: Sendable {
    private let seen = Mutex<[CommandRequest]>([])

    /// The requests that reached the end of the chain.
    var reached: [CommandRequest] { seen.withLock { $0 } }

    /// Runs `request` through `stages` and then `terminal`; returns the reply or the error.
    func run(
        _ stages: [any CommandMiddleware], _ request: CommandRequest, session: SessionState? = nil,
        terminal: CommandResponder? = nil
    ) async -> (outcome: Result<Reply, any Error>, handle: SessionHandle) {
        let handle = SessionHandle(session ?? SessionState(caller: request.caller))
        let chain = CommandChain(stages: stages) { request, context in
            self.seen.withLock { $0.append(request) }
            if let terminal { return try await terminal(request, context) }
            return .message("reached")
        }
        do {
            return (.success(try await chain.responder(request, CommandContext(logger: TestCluster.logger, connection: handle))), handle)
        } catch {
            return (.failure(error), handle)
        }
    }

    static let admin = Caller(pid: 1, uid: 0, gid: 0, userName: "root", role: .admin)
    static let viewer = Caller(pid: 3, uid: 1001, gid: 1001, userName: "viewer1", role: .viewer)
    static let stranger = Caller(pid: 4, uid: 65534, gid: 65534, userName: "nobody", role: nil)

    /// A request whose words are already split, as after the session stage.
    static func request(_ line: String, as caller: Caller = admin) throws -> CommandRequest {
        var request = CommandRequest(frame: .line(line), caller: caller)
        request.words = try CommandLineTokenizer.tokenize(line[...])
        return request
    }

    /// A request resolved in `table`, as after the lookup stage.
    static func resolved(_ line: String, in table: CommandTable, as caller: Caller = admin) throws -> CommandRequest {
        var request = try request(line, as: caller)
        (request.command, request.commandWordCount) = try table.resolve(request.words)
        return request
    }
}

extension Result where Success == Reply, Failure == any Error {
    /// The error as a ``WorkbenchError``, if it is one.
    var workbenchError: WorkbenchError? {
        switch self {
        case .success: return nil
        case .failure(let error): return error as? WorkbenchError
        }
    }

    /// The reply, if there is one.
    var reply: Reply? {
        switch self {
        case .success(let reply): return reply
        case .failure: return nil
        }
    }
}
