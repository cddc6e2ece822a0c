import Testing

@testable import dangjian_bench

@Suite("pgbench scripts of the captured statements")
struct SameWorkScriptsTests {
    static func statement(_ sql: String, _ parameters: [String?] = []) -> LoggedStatement {
        LoggedStatement(pid: 7, sql: sql, preparedName: parameters.isEmpty ? nil : "s", parameters: parameters)
    }

    static func read(_ kind: RequestKind, _ value: String) -> StatementCapture.Unit {
        StatementCapture.Unit(
            group: kind.rawValue,
            invocations: [
                CapturedInvocation(
                    kind: kind, line: "\(kind.rawValue) unit=\(value)", status: 200, fields: [:],
                    statements: [statement("SELECT id FROM organizations.units WHERE code = $1 AND ($2::bigint IS NULL)", [value, nil])]
                )
            ]
        )
    }

    /// A report whose INSERT … RETURNING made case 2371, and its accept.
    static let lifecycle = StatementCapture.Unit(
        group: StatementCapture.lifecycleGroup,
        invocations: [
            CapturedInvocation(
                kind: .caseReport, line: "grid case report grid=G1 description=a:b", status: 201, fields: ["id": "2371", "code": "GC-2026-002371"],
                statements: [
                    statement("BEGIN"),
                    statement(
                        "INSERT INTO grids.cases (grid_id, reported_at) SELECT $1, $2 RETURNING id, code, due_at", ["11", "2026-12-03 16:11:56+08"]),
                    statement("INSERT INTO grids.case_events (case_id, at) VALUES ($1, $2)", ["2371", "2026-12-03 16:11:56+08"]),
                    statement(
                        "INSERT INTO workbench.audit_log (arguments, summary) VALUES ($1::jsonb, $2)",
                        [#"{"grid": "G1"}"#, "case GC-2026-002371 reported"]),
                    statement("COMMIT"),
                ]
            ),
            CapturedInvocation(
                kind: .caseAccept, line: "grid case accept case=2371", status: 200, fields: [:],
                statements: [
                    statement("BEGIN"),
                    statement("UPDATE grids.cases SET status = $2 WHERE id = $1", ["2371", "accepted"]),
                    statement("SELECT 1 FROM grids.cases WHERE code = $1", ["GC-2026-002371"]),
                    statement("COMMIT;"),
                ]
            ),
        ]
    )

    static func type(_ sql: String, _ number: Int) -> String? {
        if sql.hasPrefix("INSERT INTO grids.cases") { return ["bigint", "timestamp with time zone"][number - 1] }
        if sql.hasPrefix("UPDATE") { return ["bigint", "text"][number - 1] }
        if sql.contains("$2::bigint") { return ["text", "bigint"][number - 1] }
        return nil
    }

    @Test("A lifecycle takes the new case's id with \\gset and works on it in every later statement")
    func lifecycleReplaysOnItsOwnCase() throws {
        let scripts = try SameWorkScripts(units: [Self.lifecycle], shares: [StatementCapture.lifecycleGroup: 1], parameterType: Self.type)
        let text = try #require(scripts.scripts.first?.text)
        #expect(text.contains("RETURNING id, code, due_at\n\\gset u1_\n"), "\(text)")
        #expect(
            text.contains("INSERT INTO grids.cases (grid_id, reported_at) SELECT (:v1::bigint), (:v2::timestamp with time zone) RETURNING"), "\(text)"
        )
        #expect(text.contains("VALUES (:u1_id, :v2)"), "\(text)")
        #expect(text.contains("UPDATE grids.cases SET status = (:v5::text) WHERE id = (:u1_id::bigint);"), "\(text)")
        #expect(text.contains("WHERE code = :u1_code;"), "\(text)")
        #expect(text.hasSuffix("COMMIT;\n"), "a statement's own semicolon is not doubled: \(text)")
        #expect(text.components(separatedBy: "BEGIN;").count == 3)
        #expect(!text.contains("a:b"), "the request line's colon is out of the comment: \(text)")
        // The ids the daemon made are never replayed as values; text that merely mentions one is.
        #expect(!scripts.variables.map(\.value).contains("2371"))
        #expect(scripts.variables.map(\.value).contains("case GC-2026-002371 reported"))
        #expect(scripts.scripts.first?.commands == 2)
    }

    @Test("Weights give each group its share of the commands, NULLs keep their type, values become one variable each")
    func weightsAndVariables() throws {
        let units = [Self.read(.unitShow, "A"), Self.read(.unitShow, "B"), Self.read(.caseShow, "A"), Self.lifecycle]
        let shares = [RequestKind.unitShow.rawValue: 0.4, RequestKind.caseShow.rawValue: 0.4, StatementCapture.lifecycleGroup: 0.2]
        let scripts = try SameWorkScripts(units: units, shares: shares, parameterType: Self.type)
        // unit show: 0.4 over two scripts; case show: 0.4 in one; lifecycle 0.2 over 2 commands.
        #expect(scripts.scripts.map(\.weight) == [2_000, 2_000, 4_000, 1_000])
        let commands: [Double] = scripts.scripts.map { Double($0.weight * $0.commands) }
        let readShare: Double = commands.prefix(3).reduce(0, +) / commands.reduce(0, +)
        #expect(abs(readShare - 0.8) < 1e-9)
        #expect(scripts.scripts[0].text.contains("WHERE code = (:v1::text) AND (NULL::bigint::bigint IS NULL);"), "\(scripts.scripts[0].text)")
        #expect(scripts.scripts[2].text.contains("(:v1::text)"), "the same value is the same variable")
        #expect(Set(scripts.variables.map(\.name)).count == scripts.variables.count)
    }

    @Test("More samples than pgbench takes scripts are refused")
    func tooManyScripts() {
        let units = (0...SameWorkScripts.maximumScripts).map { Self.read(.unitShow, "U\($0)") }
        #expect(throws: BenchError.self) { try SameWorkScripts(units: units, shares: [RequestKind.unitShow.rawValue: 1], parameterType: Self.type) }
    }

    static let returning: [(sql: String, columns: [String])] = [
        ("INSERT INTO t (a) VALUES ($1) RETURNING id, code, due_at", ["id", "code", "due_at"]),
        ("UPDATE grids.cases k SET a = 1 RETURNING k.due_at", ["due_at"]),
        ("INSERT INTO t VALUES (1) returning lower(code) AS lowered, \"Id\"", ["lowered", "id"]),
        ("WITH x AS (INSERT INTO t VALUES (1) RETURNING id) SELECT coalesce(id, 0) FROM x", []),
        ("SELECT 1", []),
    ]

    @Test("The columns a RETURNING clause names", arguments: returning.indices)
    func returningColumns(index: Int) {
        let (sql, columns) = Self.returning[index]
        #expect(SameWorkScripts.returningColumns(sql) == columns, "\(sql)")
    }
}
