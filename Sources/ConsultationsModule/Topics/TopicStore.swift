import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// Finding topics and appending to their timeline.
enum TopicStore {
    /// The topic with `id`, or a 404 naming `argument`.
    static func find(_ id: Int64, argument: String = "topic", forUpdate: Bool = false, in session: PostgresSession) async throws -> Topic {
        let row = try await session.row(
            forUpdate ? TopicQueries.findForUpdate : TopicQueries.find, [id],
            orElse: WorkbenchError(
                status: .notFound, code: ConsultationsErrorCode.topicNotFound,
                message: "no topic \(id) (\(argument)=); find it with 'consult topic list'", argument: argument
            ))
        return try Topic(row: row)
    }

    /// Appends one step to a topic's timeline.
    static func record(_ topicID: Int64, at: Date, kind: String, actor: String, detail: String, in session: PostgresSession) async throws {
        _ = try await session.execute(TopicQueries.recordEvent, [topicID, at, kind, actor, String(detail.prefix(2000))])
    }

    /// Refuses (409, with `hint`) a step whose `action` the topic machine does not allow
    /// from the topic's status.
    static func require(_ topic: Topic, _ action: String, in machine: StatusMachine, step: String, hint: String) throws {
        guard machine.target(from: topic.status.rawValue, action: action) != nil else { throw notAllowed(topic, step, hint) }
    }

    /// A 409 naming what `topic` may do instead, for a step its status does not allow.
    static func notAllowed(_ topic: Topic, _ step: String, _ hint: String) -> WorkbenchError {
        .conflict(ConsultationsErrorCode.topicTransitionNotAllowed, "\(topic.label) is \(topic.status.label); it cannot \(step). \(hint)")
    }

    /// Settles the topic when it is being implemented and its last open action just finished;
    /// true when it did.
    static func settleIfImplemented(_ topicID: Int64, at: Date, actor: String, in session: PostgresSession) async throws -> Bool {
        guard try await session.queryOptionalRow(TopicQueries.settleIfImplemented, [topicID, at]) != nil else { return false }
        try await record(
            topicID, at: at, kind: "settled", actor: actor, detail: "every action done or dropped: the topic is settled (有落实)", in: session)
        return true
    }
}
