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
    /// Districts, for the single-command timings of `org unit show` and `org stats`.
    var districtCodes: [String]

    static let sampleSize = 5_000

    /// Reads the sample from the database `connection` reaches: of the whole benchmark city,
    /// or of the subtree of the organisation `root` names (a street, for scoped callers).
    static func load(from connection: PostgresConnection, under root: String = OrganisationPlan.cityCode) throws -> Workload {
        func codes(_ sql: String) throws -> [String] {
            try connection.execute(PostgresStatement(unnamed: sql), [root, sampleSize]).map {
                try $0.decode(at: 0, as: String.self)
            }
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
        let districts = try codes(
            "SELECT code FROM organizations.units WHERE path OPERATOR(public.<@) \(city) AND kind = 'district' ORDER BY code LIMIT $2"
        )
        let grids = try codes(
            """
            SELECT g.code FROM grids.grids g JOIN organizations.units u ON u.id = g.community_id
            WHERE u.path OPERATOR(public.<@) \(city) ORDER BY md5(g.code) LIMIT $2
            """
        )
        let count = try connection.execute(
            PostgresStatement(
                unnamed: """
                    SELECT count(*) FROM grids.cases k JOIN organizations.units u ON u.id = k.community_id
                    WHERE u.path OPERATOR(public.<@) \(city)
                    """
            ),
            [root]
        ).single().decode(at: 0, as: Int.self)
        // A large table: about 1 % of its pages, the same ones each time (REPEATABLE). A small
        // one (where 1 % of the pages may be none): every case, in a fixed shuffled order.
        let source = count >= 200_000 ? "grids.cases k TABLESAMPLE SYSTEM (1) REPEATABLE (20260301)" : "grids.cases k"
        let order = count >= 200_000 ? "k.id" : "md5(k.id::text)"
        let sample = try connection.execute(
            PostgresStatement(
                unnamed: """
                    SELECT k.id FROM \(source) JOIN organizations.units u ON u.id = k.community_id
                    WHERE u.path OPERATOR(public.<@) \(city) ORDER BY \(order) LIMIT $2
                    """
            ),
            [root, sampleSize]
        ).map { try $0.decode(at: 0, as: Int64.self) }
        guard !units.isEmpty, !communities.isEmpty, !grids.isEmpty, !sample.isEmpty else {
            if root != OrganisationPlan.cityCode {
                throw BenchError("no organisation \(root) with communities, grids and cases in the benchmark dataset")
            }
            throw BenchError("no benchmark dataset in this database; load one first with 'dangjian-bench seed --scale 1'")
        }
        return Workload(
            unitCodes: units, communityCodes: communities, gridCodes: grids, caseIDs: sample, caseCount: count, streetCodes: streets,
            districtCodes: districts)
    }
}
