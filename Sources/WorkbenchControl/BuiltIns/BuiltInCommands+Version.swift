import WorkbenchKit

extension BuiltInCommands {
    /// What `version` shows when the database gave no answer within the budget.
    static let unansweredNote = "the database does not answer"

    /// `version`: the daemon's, the protocol's and the database server's versions. The
    /// server is asked within the budget; past it the reply gives the version last learned,
    /// saying that the database does not answer.
    static func version(info: DaemonInfo, serverVersion: DatabaseQuestion<String>) -> CommandSpec {
        CommandSpec(local: "version", synopsis: "Show the daemon's and the database server's versions", operands: .noWords) { _ in
            let server: ReplyValue
            switch await serverVersion.ask() {
            case .answered(let version):
                server = .string(version)
            case .failed:
                server = "unavailable"
            case .unanswered(let lastKnown):
                server = .string(lastKnown.map { "\($0) (last known; \(unansweredNote))" } ?? "unavailable (\(unansweredNote))")
            }
            return .record([("dangjiand", .string(info.version)), ("protocol", 1), ("postgresql", server)])
        }
    }
}
