import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

/// Company lookups and changes.
enum CompanyStore {
    /// The kinds of Party organisation a company's own organisation may be.
    static let partyKinds = ["two_new", "joint", "branch"]

    enum Queries {
        static let find = PostgresStatement(
            "property.company.find",
            "SELECT \(Company.columns) FROM property.companies m \(Company.joins) WHERE m.id = CASE WHEN $1::bigint IS NULL THEN (SELECT id FROM "
                + "property.companies WHERE credit_code = $2) ELSE $1::bigint END"
        )
        /// The companies whose credit codes are among `$1` (a register import's rows).
        static let findByCodes = PostgresStatement(
            "property.company.find_by_codes",
            "SELECT \(Company.columns) FROM property.companies m \(Company.joins) WHERE m.credit_code = ANY($1::text[])"
        )
        static let findForUpdate = PostgresStatement("property.company.find_for_update", find.sql + " FOR UPDATE OF m")
        static let findForShare = PostgresStatement("property.company.find_for_share", find.sql + " FOR SHARE OF m")
        static let insert = PostgresStatement(
            "property.company.insert",
            """
            INSERT INTO property.companies (credit_code, name, contact_name, contact_phone, party_unit_id, stars, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id
            """
        )
        static let update = PostgresStatement(
            "property.company.update",
            """
            UPDATE property.companies SET name = $2, contact_name = $3, contact_phone = $4, party_unit_id = $5, stars = $6, updated_at = $7
            WHERE id = $1
            """
        )
        static let rate = PostgresStatement(
            "property.company.rate",
            "INSERT INTO property.star_ratings (company_id, stars, rated_on, reason, rated_by) VALUES ($1, $2, $3, $4, $5)"
        )
        static let ratings = PostgresStatement(
            "property.company.ratings",
            "SELECT stars, rated_on, reason, rated_by FROM property.star_ratings WHERE company_id = $1 ORDER BY id"
        )
        /// Complexes the company serves on `$2`.
        static let servedComplexes = PostgresStatement(
            "property.company.served_complexes",
            """
            SELECT x.code, x.name, s.starts_on, s.ends_on FROM property.service_contracts s JOIN property.complexes x ON x.id = s.complex_id
            WHERE s.company_id = $1 AND s.starts_on <= $2 AND (s.ends_on IS NULL OR s.ends_on >= $2)
            ORDER BY x.code
            """
        )
        static let complaintCounts = PostgresStatement(
            "property.company.complaint_counts",
            """
            SELECT count(*) FILTER (WHERE status IN ('filed', 'acknowledged')) AS open,
                   count(*) FILTER (WHERE status IN ('filed', 'acknowledged') AND due_at < $2) AS overdue,
                   count(*) AS total
            FROM property.complaints WHERE company_id = $1
            """
        )
        /// `$2` name part, `$3` covered (null: both), `$4` stars, `$5` scope path, `$6` today.
        static let list = PostgresStatement(
            "property.company.list",
            """
            SELECT \(Company.columns),
                   (SELECT count(*) FROM property.service_contracts s
                    WHERE s.company_id = m.id AND s.starts_on <= $6 AND (s.ends_on IS NULL OR s.ends_on >= $6)) AS complexes
            FROM property.companies m \(Company.joins)
            WHERE m.id > $1
              AND ($2::text IS NULL OR m.name LIKE '%' || $2 || '%')
              AND ($3::boolean IS NULL OR (m.party_unit_id IS NOT NULL) = $3)
              AND ($4::integer IS NULL OR m.stars = $4)
              AND ($5::text IS NULL OR EXISTS (
                    SELECT 1 FROM property.service_contracts s JOIN property.complexes x ON x.id = s.complex_id
                    JOIN organizations.units c ON c.id = x.community_id
                    WHERE s.company_id = m.id AND s.starts_on <= $6 AND (s.ends_on IS NULL OR s.ends_on >= $6)
                      AND c.path OPERATOR(public.<@) $5::public.ltree))
            ORDER BY m.id
            LIMIT $7
            """
        )
        static let uncoveredCount = PostgresStatement(
            "property.company.uncovered_count", "SELECT count(*) FROM property.companies WHERE party_unit_id IS NULL"
        )
    }

    /// The company named by `text` (id or credit code), or a 404 naming `argument`.
    static func find(_ text: String, argument: String = "company", lock: RowLock = .none, in session: PostgresSession) async throws -> Company {
        let reference = CompanyReference.parse(text)
        let statement = lock.statement(plain: Queries.find, share: Queries.findForShare, update: Queries.findForUpdate)
        return try Company(
            row: try await session.row(
                statement, for: reference,
                orElse: WorkbenchError(
                    status: .notFound, code: PropertyErrorCode.companyNotFound,
                    message: "no property company with \(reference) (\(argument)=); list them with 'prop company list name=<part>'",
                    argument: argument
                )
            )
        )
    }

    /// The credit code in `text`, or a 400 naming `argument` that says what is wrong.
    static func creditCode(_ text: String, argument: String = "credit_code") throws -> CreditCode {
        do {
            return try CreditCode(validating: text)
        } catch {
            throw WorkbenchError.invalidArgument(
                argument, code: PropertyErrorCode.companyCreditCodeInvalid, "\(text) is not a valid credit code: \(error)")
        }
    }

    /// The company's own Party organisation: an active two-new, joint or ordinary branch.
    static func partyOrganisation(
        _ text: String, argument: String = "party_org", in session: PostgresSession
    ) async throws -> OrganizationDirectory.Organization {
        let unit = try await OrganizationDirectory.activeUnit(text, argument: argument, in: session)
        guard partyKinds.contains(unit.kind) else {
            throw WorkbenchError(
                status: .unprocessable, code: PropertyErrorCode.companyPartyOrgKind,
                message:
                    "\(unit.label) is a \(unit.kind); a company's own Party organisation is a \(partyKinds.joined(separator: ", ")) organisation",
                argument: argument
            )
        }
        return unit
    }
}
