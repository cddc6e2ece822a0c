import WorkbenchKit
import WorkbenchPostgres

/// Complex lookups and contract changes.
enum ComplexStore {
    enum Queries {
        /// `$1` id, `$2` code, `$3` the day.
        static let find = PostgresStatement(
            "property.complex.find",
            Complex.selection(dayParameter: 3)
                + " WHERE x.id = CASE WHEN $1::bigint IS NULL THEN (SELECT id FROM property.complexes WHERE code = $2) ELSE $1::bigint END"
        )
        /// The complexes whose codes are among `$1`, with their contracts on `$2`.
        static let findByCodes = PostgresStatement(
            "property.complex.find_by_codes", Complex.selection(dayParameter: 2) + " WHERE x.code = ANY($1::text[])"
        )
        static let findForUpdate = PostgresStatement("property.complex.find_for_update", find.sql + " FOR UPDATE OF x")
        static let insert = PostgresStatement(
            "property.complex.insert",
            """
            INSERT INTO property.complexes (code, name, address, community_id, grid_id, grid_code, branch_id, homes, owners_committee, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id
            """
        )
        /// Ends the contract in force on `$2` that started before it, the day before `$2`.
        static let endContractBefore = PostgresStatement(
            "property.complex.end_contract_before",
            """
            UPDATE property.service_contracts SET ends_on = $2::date - 1
            WHERE complex_id = $1 AND starts_on < $2 AND (ends_on IS NULL OR ends_on >= $2)
            RETURNING company_id
            """
        )
        static let insertContract = PostgresStatement(
            "property.complex.insert_contract",
            "INSERT INTO property.service_contracts (complex_id, company_id, starts_on, ends_on, recorded_by) VALUES ($1, $2, $3, $4, $5) "
                + "RETURNING id"
        )
        static let contracts = PostgresStatement(
            "property.complex.contracts",
            """
            SELECT m.name, m.credit_code, s.starts_on, s.ends_on FROM property.service_contracts s JOIN property.companies m ON m.id = s.company_id
            WHERE s.complex_id = $1 ORDER BY s.starts_on
            """
        )
        /// `$2` scope path, `$3` company id, `$4` grid id, `$5` served on the day (null: both),
        /// `$6` owners' committee, `$7` the day, `$8` limit.
        static let list = PostgresStatement(
            "property.complex.list",
            Complex.selection(dayParameter: 7) + """

                WHERE x.id > $1
                  AND ($2::text IS NULL OR c.path OPERATOR(public.<@) $2::public.ltree)
                  AND ($3::bigint IS NULL OR k.company_id = $3)
                  AND ($4::bigint IS NULL OR x.grid_id = $4)
                  AND ($5::boolean IS NULL OR (k.company_id IS NOT NULL) = $5)
                  AND ($6::boolean IS NULL OR x.owners_committee = $6)
                ORDER BY x.id
                LIMIT $8
                """
        )
    }

    /// The complex named by `text` (id or code) with its contract on `day`, or a 404 naming `argument`.
    static func find(
        _ text: String, argument: String = "complex", on day: CalendarDate, forUpdate: Bool = false, in session: PostgresSession
    ) async throws -> Complex {
        let reference = RecordReference(text)
        return try Complex(
            row: try await session.row(
                forUpdate ? Queries.findForUpdate : Queries.find, for: reference, [day],
                orElse: WorkbenchError(
                    status: .notFound, code: PropertyErrorCode.complexNotFound,
                    message: "no complex with \(reference) (\(argument)=); list them with 'prop complex list scope=<community>'", argument: argument
                )
            )
        )
    }

    /// Puts `company` in charge of `complex` from `from`: a contract in force then that
    /// started earlier ends the day before. Returns the id of the company whose contract
    /// ended, if any.
    @discardableResult
    static func assign(
        complex: Int64, company: Int64, from: CalendarDate, until: CalendarDate?, by actor: String, in session: PostgresSession
    ) async throws -> Int64? {
        let ended = try await session.queryOptionalRow(Queries.endContractBefore, [complex, from])
        try await session.execute(Queries.insertContract, [complex, company, from, until, actor])
        return try ended?.decode("company_id")
    }
}
