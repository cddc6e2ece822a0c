import WorkbenchPostgres

/// Queries that summarise a member's activity across the module's areas, and the set-wise
/// writes of `member import`.
enum MemberQueries {
    /// Adds the members of parallel arrays: names, phones, statuses, joining days, units,
    /// in-service units, residences, mobile flags.
    static let insertMany = PostgresStatement(
        "organizations.member.insert_many",
        """
        INSERT INTO organizations.members (name, phone, status, joined_on, unit_id, work_unit, residence_id, is_mobile)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::bigint[], $6::text[], $7::bigint[], $8::boolean[])
        """
    )
    /// Updates members `$1` with parallel arrays: phones, statuses, in-service units,
    /// residences, mobile flags (a null leaves a value as it is).
    static let updateMany = PostgresStatement(
        "organizations.member.update_many",
        """
        UPDATE organizations.members m
        SET phone = coalesce(f.phone, m.phone), status = f.status, work_unit = coalesce(f.work_unit, m.work_unit),
            residence_id = coalesce(f.residence_id, m.residence_id), is_mobile = f.is_mobile
        FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::boolean[])
             AS f (id, phone, status, work_unit, residence_id, is_mobile)
        WHERE m.id = f.id
        """
    )
    /// The current members of the units `$1`, to match a file's rows against.
    static let currentOfUnits = PostgresStatement(
        "organizations.member.current_of_units",
        """
        SELECT id, name, unit_id, joined_on, phone, status, work_unit, residence_id, is_mobile
        FROM organizations.members WHERE unit_id = ANY($1::bigint[]) AND left_on IS NULL
        """
    )
    static let summary = PostgresStatement(
        "organizations.member.summary",
        """
        SELECT (SELECT c.code FROM organizations.reports r JOIN organizations.units c ON c.id = r.community_id
                WHERE r.member_id = $1 AND r.ended_on IS NULL) AS reports_to,
               (SELECT COALESCE(sum(h.hours), 0) FROM organizations.service_hours h JOIN organizations.reports r ON r.id = h.report_id
                WHERE r.member_id = $1) AS service_hours,
               (SELECT COALESCE(sum(p.points), 0) FROM organizations.points p WHERE p.member_id = $1) AS points
        """
    )
}
