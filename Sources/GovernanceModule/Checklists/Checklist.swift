import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// A responsibility list 责任清单: one version of the weighted indicators a kind of
/// organisation is assessed by.
struct Checklist: Sendable {
    var id: Int64
    var kind: String
    var version: Int
    var title: String
    var indicators: Int64
    var weights: Decimal
    var inUse: Bool

    static let columns = """
        l.id, l.kind, l.version, l.title,
        (SELECT count(*) FROM governance.indicators i WHERE i.checklist_id = l.id) AS indicators,
        (SELECT coalesce(sum(i.weight), 0) FROM governance.indicators i WHERE i.checklist_id = l.id) AS weights,
        EXISTS (SELECT 1 FROM governance.assessments a WHERE a.checklist_id = l.id) AS in_use
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        kind = try row.decode("kind")
        version = try row.decode("version")
        title = try row.decode("title")
        indicators = try row.decode("indicators")
        weights = try row.decode("weights")
        inUse = try row.decode("in_use")
    }

    /// `checklist 2 (community v2)`.
    var label: String { "checklist \(id) (\(kind) v\(version))" }

    var fields: [(String, ReplyValue)] {
        [
            ("id", .int(id)), ("kind", .string(kind)), ("version", .int(Int64(version))), ("title", .string(title)),
            ("indicators", .int(indicators)), ("weights", .decimal("\(weights)")), ("in_use", .bool(inUse)),
        ]
    }

    static let tableColumns = ["id", "kind", "version", "title", "indicators", "weights", "in_use"]
    var tableRow: [ReplyValue] { fields.map(\.1) }
}

/// One indicator 指标 of a responsibility list.
struct Indicator: Sendable {
    var id: Int64
    var code: String
    var title: String
    var weight: Decimal
    var evidence: EvidenceKind

    static let columns = "i.id, i.code, i.title, i.weight, i.evidence"

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        code = try row.decode("code")
        title = try row.decode("title")
        weight = try row.decode("weight")
        evidence = try row.decode("evidence")
    }

    static let tableColumns = ["code", "title", "weight", "evidence"]
    var tableRow: [ReplyValue] { [.string(code), .string(title), .decimal("\(weight)"), .string(evidence.rawValue)] }
}
