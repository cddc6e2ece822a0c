import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// Recording and reading evaluations.
enum EvaluationStore {
    enum Queries {
        static let standing = PostgresStatement(
            "property.evaluation.standing",
            "SELECT id FROM property.evaluations WHERE company_id = $1 AND quarter = $2 AND superseded_at IS NULL FOR UPDATE"
        )
        static let nextID = PostgresStatement(
            "property.evaluation.next_id", "SELECT nextval(pg_get_serial_sequence('property.evaluations', 'id')) AS id"
        )
        static let supersede = PostgresStatement(
            "property.evaluation.supersede", "UPDATE property.evaluations SET superseded_at = $2, superseded_by = $3 WHERE id = $1"
        )
        static let insert = PostgresStatement(
            "property.evaluation.insert",
            """
            INSERT INTO property.evaluations (id, company_id, quarter, checklist_version, evaluator, note, recorded_at)
            OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7)
            """
        )
        /// Every item of the pinned version at once: `$3` codes, `$4` kinds, `$5` outcomes,
        /// `$6` evidence ('' for none).
        static let insertItems = PostgresStatement(
            "property.evaluation.insert_items",
            """
            INSERT INTO property.evaluation_items (evaluation_id, checklist_version, item_code, kind, outcome, evidence)
            SELECT $1, $2, code, kind, outcome, NULLIF(evidence, '')
            FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS t(code, kind, outcome, evidence)
            """
        )
        static let find = PostgresStatement(
            "property.evaluation.find",
            """
            SELECT e.id, e.company_id, m.name AS company_name, m.credit_code, e.quarter, e.checklist_version, e.evaluator, e.note, e.recorded_at,
                   e.superseded_at, e.superseded_by
            FROM property.evaluations e JOIN property.companies m ON m.id = e.company_id
            WHERE e.id = CASE WHEN $1::bigint IS NULL
                         THEN (SELECT id FROM property.evaluations WHERE company_id = $2 AND quarter = $3 AND superseded_at IS NULL)
                         ELSE $1::bigint END
            """
        )
        static let items = PostgresStatement(
            "property.evaluation.items",
            """
            SELECT ei.item_code, ei.kind, ei.outcome, ei.evidence, i.weight, i.title
            FROM property.evaluation_items ei JOIN property.checklist_items i ON i.version = ei.checklist_version AND i.code = ei.item_code
            WHERE ei.evaluation_id = $1 ORDER BY i.position
            """
        )
        /// `$2` quarter, `$3` company, `$4` include superseded.
        static let list = PostgresStatement(
            "property.evaluation.list",
            """
            SELECT e.id, m.name AS company_name, m.credit_code, e.quarter, e.checklist_version, e.evaluator, e.recorded_at, e.superseded_by,
                   coalesce(sum(i.weight) FILTER (WHERE ei.outcome = 'met'), 0) AS positive_points,
                   coalesce(sum(i.weight) FILTER (WHERE ei.outcome = 'violated'), 0) AS deductions,
                   coalesce(string_agg(ei.item_code, ',' ORDER BY i.position) FILTER (WHERE ei.outcome = 'violated'), '') AS violated
            FROM property.evaluations e
            JOIN property.companies m ON m.id = e.company_id
            JOIN property.evaluation_items ei ON ei.evaluation_id = e.id
            JOIN property.checklist_items i ON i.version = ei.checklist_version AND i.code = ei.item_code
            WHERE e.id > $1
              AND ($2::text IS NULL OR e.quarter = $2)
              AND ($3::bigint IS NULL OR e.company_id = $3)
              AND ($4::boolean OR e.superseded_at IS NULL)
            GROUP BY e.id, m.name, m.credit_code
            ORDER BY e.id
            LIMIT $5
            """
        )
    }

    /// The outcome of each item of `checklist` given the codes met and violated and the
    /// evidence by code; a code the checklist does not have, or of the wrong kind, is a 400
    /// naming the argument.
    static func outcomes(
        checklist: Checklist, met: [String], violated: [String], evidence: [String: String], metArgument: String = "met"
    ) throws -> [(item: ChecklistItem, outcome: String, evidence: String)] {
        func check(_ codes: [String], kind: ChecklistItem.Kind, argument: String) throws {
            for code in codes {
                guard let item = checklist.item(code) else {
                    throw WorkbenchError.invalidArgument(
                        argument, code: PropertyErrorCode.evaluationUnknownItem,
                        "\(code) is not an item of checklist \(checklist.version); its \(kind.rawValue) items are "
                            + checklist.items(kind).map(\.code).joined(separator: ", ")
                    )
                }
                guard item.kind == kind else {
                    throw WorkbenchError.invalidArgument(
                        argument, code: PropertyErrorCode.evaluationWrongItemKind,
                        "\(code) is a \(item.kind.rawValue) item; list it under \(item.kind == .positive ? "met=" : "violated=")"
                    )
                }
            }
        }
        try check(met, kind: .positive, argument: metArgument)
        try check(violated, kind: .negative, argument: "violated")
        for code in evidence.keys where checklist.item(code) == nil {
            throw WorkbenchError.invalidArgument(
                "evidence", code: PropertyErrorCode.evaluationUnknownItem,
                "\(code) is not an item of checklist \(checklist.version); items are \(checklist.items.map(\.code).joined(separator: ", "))"
            )
        }
        return checklist.items.map { item in
            let outcome =
                item.kind == .positive ? (met.contains(item.code) ? "met" : "not_met") : (violated.contains(item.code) ? "violated" : "clear")
            return (item, outcome, evidence[item.code] ?? "")
        }
    }

    /// Reads `P01: 台账齐全; N02: 8月电梯困人` into evidence by item code.
    static func evidence(_ text: String?) throws -> [String: String] {
        guard let text else { return [:] }
        var notes: [String: String] = [:]
        for part in text.split(whereSeparator: { $0 == ";" || $0 == "；" }) {
            let pieces = part.split(maxSplits: 1, whereSeparator: { $0 == ":" || $0 == "：" })
            let code = pieces.first.map { $0.trimmingCharacters(in: .whitespaces).uppercased() } ?? ""
            let note = pieces.count == 2 ? pieces[1].trimmingCharacters(in: .whitespaces) : ""
            guard pieces.count == 2, !code.isEmpty, !note.isEmpty else {
                throw WorkbenchError.invalidArgument(
                    "evidence", code: PropertyErrorCode.evaluationEvidenceForm, "'\(part)' is not '<item>: <evidence>'; separate items with ';'"
                )
            }
            guard ArgumentType.length(of: note) <= 500 else {
                throw WorkbenchError.invalidArgument(
                    "evidence", code: PropertyErrorCode.evaluationEvidenceForm, "the evidence for \(code) is longer than 500 characters")
            }
            notes[code] = note
        }
        return notes
    }
}
