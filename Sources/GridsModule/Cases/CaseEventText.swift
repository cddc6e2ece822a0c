import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// One line of a case's timeline:
/// `2026-05-06 09:12:00+08 escalated by li.na community → street: 涉及违建`.
enum CaseEventText {
    static func line(_ row: PostgresRow, encoder: ReplyEncoder) throws -> String {
        let at: Date = try row.decode("at")
        let recordedAt: Date = try row.decode("recorded_at")
        let kind: String = try row.decode("kind")
        let actor: String = try row.decode("actor")
        var text = "\(encoder.textValue(.timestamp(at))) \(kind) by \(actor)"
        let fromStatus: String? = try row.decode("from_status")
        let toStatus: String? = try row.decode("to_status")
        if let toStatus, fromStatus != toStatus {
            text += fromStatus.map { " \($0) → \(toStatus)" } ?? " as \(toStatus)"
        }
        let fromLevel: String? = try row.decode("from_level")
        let toLevel: String? = try row.decode("to_level")
        if let toLevel, fromLevel != toLevel {
            text += fromLevel.map { " [\($0) → \(toLevel)]" } ?? " [\(toLevel)]"
        }
        if let note: String = try row.decode("note") { text += ": \(note)" }
        // Events the daemon recorded late (catching up after downtime) say so.
        if recordedAt.timeIntervalSince(at) > 60, actor == EscalationSweeper.actor {
            text += " (recorded \(encoder.textValue(.timestamp(recordedAt))))"
        }
        return text
    }
}
