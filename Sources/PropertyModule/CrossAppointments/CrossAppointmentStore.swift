import WorkbenchKit
import WorkbenchPostgres

/// Cross-appointment 交叉任职 lookups.
enum CrossAppointmentStore {
    static let columns = """
        a.id, x.code AS complex_code, m.name AS company_name, a.person_name, a.member_id, a.party_side, a.party_post, a.company_post,
        a.starts_on, a.ends_on, a.end_reason
        """
    static let joins = "JOIN property.complexes x ON x.id = a.complex_id JOIN property.companies m ON m.id = a.company_id"

    enum Queries {
        static let insert = PostgresStatement(
            "property.crossapp.insert",
            """
            INSERT INTO property.cross_appointments (complex_id, company_id, person_name, member_id, party_side, party_post, company_post, \
            starts_on, ends_on)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
            """
        )
        static let find = PostgresStatement(
            "property.crossapp.find",
            "SELECT \(columns) FROM property.cross_appointments a \(joins) WHERE a.id = $1 FOR UPDATE OF a"
        )
        static let end = PostgresStatement(
            "property.crossapp.end", "UPDATE property.cross_appointments SET ends_on = $2, end_reason = $3 WHERE id = $1"
        )
        /// Terms in force on `$2` at complex `$1`.
        static let current = PostgresStatement(
            "property.crossapp.current",
            """
            SELECT \(columns) FROM property.cross_appointments a \(joins)
            WHERE a.complex_id = $1 AND a.starts_on <= $2 AND (a.ends_on IS NULL OR a.ends_on >= $2) ORDER BY a.id
            """
        )
        /// `$2` complex, `$3` company, `$4` scope path, `$5` in force on `$6` only.
        static let list = PostgresStatement(
            "property.crossapp.list",
            """
            SELECT \(columns) FROM property.cross_appointments a \(joins) JOIN organizations.units c ON c.id = x.community_id
            WHERE a.id > $1
              AND ($2::bigint IS NULL OR a.complex_id = $2)
              AND ($3::bigint IS NULL OR a.company_id = $3)
              AND ($4::text IS NULL OR c.path OPERATOR(public.<@) $4::public.ltree)
              AND (NOT $5::boolean OR (a.starts_on <= $6 AND (a.ends_on IS NULL OR a.ends_on >= $6)))
            ORDER BY a.id
            LIMIT $7
            """
        )
        /// Complexes served on `$3` with no cross-appointment with their serving company in
        /// force then, in scope `$2`.
        static let gaps = PostgresStatement(
            "property.crossapp.gaps",
            """
            SELECT x.id, x.code, x.name, c.code AS community_code, m.name AS company_name, x.homes
            FROM property.complexes x
            JOIN organizations.units c ON c.id = x.community_id
            JOIN property.service_contracts s ON s.complex_id = x.id AND s.starts_on <= $3 AND (s.ends_on IS NULL OR s.ends_on >= $3)
            JOIN property.companies m ON m.id = s.company_id
            WHERE x.id > $1
              AND ($2::text IS NULL OR c.path OPERATOR(public.<@) $2::public.ltree)
              AND NOT EXISTS (SELECT 1 FROM property.cross_appointments a
                              WHERE a.complex_id = x.id AND a.company_id = s.company_id
                                AND a.starts_on <= $3 AND (a.ends_on IS NULL OR a.ends_on >= $3))
            ORDER BY x.id
            LIMIT $4
            """
        )
    }

    /// The columns of a cross-appointment in a reply (`crossapp list`, `complex show`).
    static let replyColumns = ["id", "complex", "person", "side", "party_post", "company", "company_post", "from", "until"]

    /// A cross-appointment row (selected with ``columns``) as reply values.
    static func replyRow(_ row: PostgresRow) throws -> [ReplyValue] {
        let side: PartySide = try row.decode("party_side")
        return [
            .int(try row.decode("id", as: Int64.self)), .string(try row.decode("complex_code", as: String.self)),
            .string(try row.decode("person_name", as: String.self)),
            .string(side.rawValue), .string(try row.decode("party_post", as: String.self)),
            .string(try row.decode("company_name", as: String.self)), .string(try row.decode("company_post", as: String.self)),
            .date(try row.decode("starts_on", as: CalendarDate.self)), .date(try row.decode("ends_on", as: CalendarDate?.self)),
        ]
    }
}
