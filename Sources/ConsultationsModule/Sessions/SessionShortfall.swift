/// One thing a session lacks before it may close, as `consultations.session_missing` reports
/// it: one of the five haves 五有 a session carries, a topic's vote, or one of the three sides.
/// Its ``description`` says what is missing and the command that supplies it.
struct SessionShortfall: Sendable, Equatable, CustomStringConvertible {
    /// `place`, `sign`, `minutes`, `reply`, `vote`, or `side:<role>`.
    var item: String
    /// The topic, for `reply` and `vote`.
    var topicID: Int64?

    var description: String {
        let topic = topicID.map(String.init) ?? "?"
        switch item {
        case "place": return "有场所 a place: set venue= with 'consult session update'"
        case "sign": return "有标识 a sign: post the notice with 'consult session notice'"
        case "minutes": return "有记录 minutes: record them with 'consult session minutes'"
        case "reply": return "有回声 a reply to the proposer of topic \(topic): 'consult session reply topic=\(topic)'"
        case "vote": return "the vote and resolution on topic \(topic): 'consult session vote topic=\(topic)'"
        default:
            let role = ParticipantRole(rawValue: String(item.dropFirst("side:".count)))
            let name = role.map { "\($0.rawValue) \($0.chinese)" } ?? item
            return "the \(name) present: 'consult session attend role=\(role?.rawValue ?? "…")'"
        }
    }

    /// Whether the item is one of the five haves (rather than a vote or a side).
    var isFiveHave: Bool { ["place", "sign", "minutes", "reply"].contains(item) }
}
