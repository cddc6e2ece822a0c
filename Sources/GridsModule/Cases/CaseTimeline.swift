import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// A case's timeline as the `timeline` table of `grid case show`: one row per event, oldest
/// first, with the status and level it moved between (null when it did not move) and, for
/// an event the daemon recorded late while catching up after downtime, when it was recorded.
enum CaseTimeline {
    /// The table's columns.
    static let columns = ["at", "kind", "actor", "from_status", "to_status", "from_level", "to_level", "note", "recorded_at"]

    /// The timeline of the events `rows` (from `grids.case.timeline`).
    static func table(_ rows: some Sequence<PostgresRow>) throws -> ReplyTable {
        ReplyTable(columns: columns, rows: try rows.map(row))
    }

    private static func row(_ event: PostgresRow) throws -> [ReplyValue] {
        let at: Date = try event.decode("at")
        let recordedAt: Date = try event.decode("recorded_at")
        let actor: String = try event.decode("actor")
        let fromStatus: String? = try event.decode("from_status")
        let toStatus: String? = try event.decode("to_status")
        let fromLevel: String? = try event.decode("from_level")
        let toLevel: String? = try event.decode("to_level")
        let statusMoved = toStatus != nil && fromStatus != toStatus
        let levelMoved = toLevel != nil && fromLevel != toLevel
        let late = recordedAt.timeIntervalSince(at) > 60 && actor == EscalationSweeper.actor
        return [
            .timestamp(at), .string(try event.decode("kind", as: String.self)), .string(actor),
            .string(statusMoved ? fromStatus : nil), .string(statusMoved ? toStatus : nil),
            .string(levelMoved ? fromLevel : nil), .string(levelMoved ? toLevel : nil),
            .string(try event.decode("note", as: String?.self)), late ? .timestamp(recordedAt) : .null,
        ]
    }
}
