import WorkbenchPostgres

/// What the load clients pick their targets from: a sample of the seeded district read once
/// from the database before the run.
struct Workload: Sendable {
    /// Organisations to show: a fixed sample across every level of the benchmark city.
    var unitCodes: [String]
    /// Communities, whose trees are shown.
    var communityCodes: [String]
    /// Grids, whose cases are listed and in which cases are reported.
    var gridCodes: [String]
    /// Cases to show: a sample of existing ids (ids have gaps where a report was refused).
    var caseIDs: [Int64]
    /// How many cases the benchmark city has.
    var caseCount: Int
    /// Streets, for the single-command timings of `grid case overdue` and `grid stats`.
    var streetCodes: [String]

    static let sampleSize = 5_000

    /// Reads the sample from the database `connection` reaches.
    static func load(from connection: PostgresConnection) throws -> Workload {
        func codes(_ sql: String) throws -> [String] {
            try connection.execute(PostgresStatement(unnamed: sql), [OrganisationPlan.cityCode, sampleSize]).map { try $0.decode(at: 0, as: String.self) }
        }
        let city = "(SELECT path FROM organizations.units WHERE code = $1)"
        let units = try codes(
            "SELECT code FROM organizations.units WHERE path OPERATOR(public.<@) \(city) ORDER BY md5(code) LIMIT $2"
        )
        let communities = try codes(
            "SELECT code FROM organizations.units WHERE path OPERATOR(public.<@) \(city) AND kind = 'community' ORDER BY md5(code) LIMIT $2"
        )
        let streets = try codes(
            "SELECT code FROM organizations.units WHERE path OPERATOR(public.<@) \(city) AND kind = 'street' ORDER BY code LIMIT $2"
        )
        let grids = try codes(
            """
            SELECT g.code FROM grids.grids g JOIN organizations.units u ON u.id = g.community_id
            WHERE u.path OPERATOR(public.<@) \(city) ORDER BY md5(g.code) LIMIT $2
            """
        )
        // About 1 % of the table's pages, the same ones each time (REPEATABLE), filtered to the city.
        let sample = try connection.execute(
            PostgresStatement(
                unnamed: """
                    SELECT k.id FROM grids.cases k TABLESAMPLE SYSTEM (1) REPEATABLE (20260301)
                    JOIN organizations.units u ON u.id = k.community_id
                    WHERE u.path OPERATOR(public.<@) \(city) ORDER BY k.id LIMIT $2
                    """
            ),
            [OrganisationPlan.cityCode, sampleSize]
        ).map { try $0.decode(at: 0, as: Int64.self) }
        let count = try connection.execute(
            PostgresStatement(
                unnamed: """
                    SELECT count(*) FROM grids.cases k JOIN organizations.units u ON u.id = k.community_id
                    WHERE u.path OPERATOR(public.<@) \(city)
                    """
            ),
            [OrganisationPlan.cityCode]
        ).single().decode(at: 0, as: Int.self)
        guard !units.isEmpty, !communities.isEmpty, !grids.isEmpty, !sample.isEmpty else {
            throw BenchError("no benchmark dataset in this database; load one first with 'dangjian-bench seed --scale 1'")
        }
        return Workload(unitCodes: units, communityCodes: communities, gridCodes: grids, caseIDs: sample, caseCount: count, streetCodes: streets)
    }
}
