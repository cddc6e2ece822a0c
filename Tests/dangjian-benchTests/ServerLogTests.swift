import Testing

@testable import dangjian_bench

/// The server-log reader on text PostgreSQL 15 wrote while `dangjian-bench run` captured a
/// real daemon (`org unit show`, `grid case show`, and a case's `grid case resolve`), with a
/// line of another database and one written with the old prefix mixed in.
@Suite("Statements from the server log")
struct ServerLogTests {
    static let captured = #"""
        djcap|27936|djtest|LOG:  statement: SELECT 'dangjian-bench capture 1'
        djcap|27691|djtest|LOG:  execute organizations.unit.find: SELECT u.id, u.code, u.name, u.kind, u.subtype, u.parent_id, p.code AS \#
        parent_code, u.path::text AS path,
        	u.established_on, u.dissolved_on, u.secretary, u.phone FROM organizations.units u LEFT JOIN organizations.units p ON p.id = u.parent_id
        	WHERE u.id = COALESCE($1::bigint, (SELECT id FROM organizations.units WHERE code = $2))
        djcap|27691|djtest|DETAIL:  parameters: $1 = NULL, $2 = 'BENCH-D1-S01-R42-P'
        djcap|27691|djtest|LOG:  execute organizations.unit.counts: SELECT (SELECT count(*) FROM organizations.units c WHERE c.parent_id = \#
        $1 AND c.dissolved_on IS NULL) AS children,
        	       (SELECT count(*) FROM organizations.members m WHERE m.unit_id = $1 AND m.left_on IS NULL) AS members,
        	       (SELECT count(*) FROM organizations.members m JOIN organizations.units u ON u.id = m.unit_id
        	        WHERE u.path OPERATOR(public.<@) $2::public.ltree AND m.left_on IS NULL) AS members_in_subtree
        djcap|27691|djtest|DETAIL:  parameters: $1 = '87', $2 = '1.2.3.86.87'
        djcap|27936|djtest|LOG:  statement: SELECT 'dangjian-bench capture 2'
        djcap|27691|djtest|LOG:  execute grids.case.find: SELECT k.id, k.code, k.grid_id, g.code AS grid_code, k.community_id, k.category, \#
        k.source, k.reporter, k.description,
        	k.latitude, k.longitude, k.urgency, k.start_level, k.level, k.department, k.status, k.assignee, k.reported_at,
        	k.clock_started_at, k.warn_at, k.due_at, k.escalated_to, k.missed_deadlines, k.reopens, k.resolved_at,
        	k.resolved_on_time, k.closed_at, k.cancel_reason FROM grids.cases k JOIN grids.grids g ON g.id = k.grid_id
        	WHERE k.id = COALESCE($1::bigint, (SELECT id FROM grids.cases WHERE code = $2))
        djcap|27691|djtest|DETAIL:  parameters: $1 = '1922', $2 = NULL
        djcap|27691|djtest|LOG:  execute grids.case.timeline: SELECT id, at, recorded_at, kind, actor, from_status, to_status, from_level, \#
        to_level, note
        	FROM grids.case_events WHERE case_id = $1 ORDER BY at, id
        djcap|27691|djtest|DETAIL:  parameters: $1 = '1922'
        djcap|27936|djtest|LOG:  statement: SELECT 'dangjian-bench capture 3'
        djcap|31337|other_db|LOG:  statement: SELECT 1
        	FROM somewhere_else
        2026-12-03 08:11:56.093 UTC [27948] LOG:  a line with the old prefix
        djcap|27936|djtest|LOG:  statement: SELECT 'dangjian-bench capture 26'
        djcap|27691|djtest|LOG:  statement: BEGIN
        djcap|27691|djtest|LOG:  execute grids.case.find_for_update: SELECT k.id, k.code, k.grid_id, g.code AS grid_code, k.community_id, \#
        k.category, k.source, k.reporter, k.description,
        	k.latitude, k.longitude, k.urgency, k.start_level, k.level, k.department, k.status, k.assignee, k.reported_at,
        	k.clock_started_at, k.warn_at, k.due_at, k.escalated_to, k.missed_deadlines, k.reopens, k.resolved_at,
        	k.resolved_on_time, k.closed_at, k.cancel_reason FROM grids.cases k JOIN grids.grids g ON g.id = k.grid_id
        	WHERE k.id = COALESCE($1::bigint, (SELECT id FROM grids.cases WHERE code = $2)) FOR UPDATE OF k
        djcap|27691|djtest|DETAIL:  parameters: $1 = '2005', $2 = NULL
        djcap|27691|djtest|LOG:  execute grids.case.transition: SELECT to_status FROM grids.case_transitions WHERE from_status = $1 AND action = $2
        djcap|27691|djtest|DETAIL:  parameters: $1 = 'in_progress', $2 = 'resolve'
        djcap|27691|djtest|LOG:  execute grids.case.resolve: UPDATE grids.cases
        	SET status = 'resolved', resolved_at = $2, resolved_on_time = ($2 <= due_at AND missed_deadlines = 0),
        	    clock_started_at = NULL, warn_at = NULL, due_at = NULL, warned = false, overdue_noted = false
        	WHERE id = $1
        djcap|27691|djtest|DETAIL:  parameters: $1 = '2005', $2 = '2026-12-03 16:11:00.192317+08'
        djcap|27691|djtest|LOG:  execute grids.case.event: INSERT INTO grids.case_events (case_id, at, kind, actor, from_status, to_status, \#
        from_level, to_level, note)
        	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        djcap|27691|djtest|DETAIL:  parameters: $1 = '2005', $2 = '2026-12-03 16:11:00.192317+08', $3 = 'resolved', $4 = 'root', $5 = \#
        'in_progress', $6 = 'resolved', $7 = 'complex', $8 = 'complex', $9 = '已处置'
        djcap|27691|djtest|LOG:  execute grids.case.find: SELECT k.id, k.code, k.grid_id, g.code AS grid_code, k.community_id, k.category, \#
        k.source, k.reporter, k.description,
        	k.latitude, k.longitude, k.urgency, k.start_level, k.level, k.department, k.status, k.assignee, k.reported_at,
        	k.clock_started_at, k.warn_at, k.due_at, k.escalated_to, k.missed_deadlines, k.reopens, k.resolved_at,
        	k.resolved_on_time, k.closed_at, k.cancel_reason FROM grids.cases k JOIN grids.grids g ON g.id = k.grid_id
        	WHERE k.id = COALESCE($1::bigint, (SELECT id FROM grids.cases WHERE code = $2))
        djcap|27691|djtest|DETAIL:  parameters: $1 = '2005', $2 = NULL
        djcap|27691|djtest|LOG:  execute workbench.audit.append: INSERT INTO workbench.audit_log
        	    (peer_pid, peer_uid, peer_user, role, module, command, arguments, request_id, reply_status, reply_code,
        	     summary, duration_ms)
        	VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12)
        djcap|27691|djtest|DETAIL:  parameters: $1 = '27934', $2 = '0', $3 = 'root', $4 = 'admin', $5 = 'grids', $6 = 'case resolve', $7 = \#
        '{"case": "2005", "note": "已处置"}', $8 = NULL, $9 = '200', $10 = NULL, $11 = 'GC-2026-002005 resolved at complex', $12 = '2.449'
        djcap|27691|djtest|LOG:  statement: COMMIT
        djcap|27936|djtest|LOG:  statement: SELECT 'dangjian-bench capture 27'
        """#

    @Test("The capture's windows hold each command's statements, in order, with their values")
    func windowsOfARealCapture() throws {
        let statements = ServerLog.statements(in: ServerLog.records(in: Self.captured, database: "djtest"))
        #expect(!statements.contains { $0.sql.contains("somewhere_else") || $0.sql.contains("SELECT 1") })
        let windows = StatementCapture.windows(statements, ownPID: 27936)
        let show = try #require(windows[1])
        #expect(show.map(\.preparedName) == ["organizations.unit.find", "organizations.unit.counts"])
        #expect(show[0].parameters == [nil, "BENCH-D1-S01-R42-P"])
        #expect(show[1].parameters == ["87", "1.2.3.86.87"])
        #expect(show[1].sql.hasPrefix("SELECT (SELECT count(*) FROM organizations.units c WHERE c.parent_id = $1"))
        #expect(
            show[1].sql.contains("\n       (SELECT count(*) FROM organizations.members m WHERE m.unit_id = $1"), "a tab after each newline is dropped"
        )
        let caseShow = try #require(windows[2])
        #expect(caseShow.map(\.preparedName) == ["grids.case.find", "grids.case.timeline"])
        #expect(caseShow.allSatisfy { $0.pid == 27691 && !$0.failed })
        #expect(windows[3]?.isEmpty == true, "the other database's statement and the old-prefix line are in no window")
        let resolve = windows[26] ?? []
        #expect(
            resolve.map { $0.preparedName ?? $0.sql } == [
                "BEGIN", "grids.case.find_for_update", "grids.case.transition", "grids.case.resolve", "grids.case.event", "grids.case.find",
                "workbench.audit.append", "COMMIT",
            ])
        #expect(resolve[4].parameters.last == "已处置")
        #expect(resolve[6].parameters[6] == #"{"case": "2005", "note": "已处置"}"#)
    }

    static let parameterCases: [(text: String, values: [String?]?)] = [
        ("$1 = '5', $2 = NULL", ["5", nil]),
        ("$1 = 'it''s', $2 = ''", ["it's", ""]),
        ("$1 = 'a'', $2 = ''b', $2 = 'c'", ["a', $2 = 'b", "c"]),
        ("$1 = 'line one\nline two'", ["line one\nline two"]),
        ("$1 = 'NULL'", ["NULL"]),
        ("$1 = 'cut off...", nil),
        ("$2 = 'out of order'", nil),
        ("Key (id)=(5) already exists.", nil),
    ]

    @Test("Bound values are read with quotes undoubled and NULL apart", arguments: parameterCases.indices)
    func parameters(index: Int) {
        let (text, values) = Self.parameterCases[index]
        #expect(ServerLog.parameters(text) == values, "\(text)")
    }

    @Test("Values attach to their own backend's statement; errors mark it failed; cursors and other details are left out")
    func interleavedBackends() {
        let text = """
            djcap|1|db|LOG:  execute <unnamed>: SELECT $1
            djcap|2|db|LOG:  execute S_1/C_2: UPDATE t SET a = $1
            djcap|1|db|DETAIL:  parameters: $1 = 'one'
            djcap|2|db|DETAIL:  parameters: $1 = 'two'
            djcap|2|db|ERROR:  duplicate key value violates unique constraint "t_pkey"
            djcap|2|db|DETAIL:  Key (a)=(two) already exists.
            djcap|2|db|STATEMENT:  UPDATE t SET a = $1
            djcap|1|db|LOG:  execute fetch from S_3/C_4: SELECT 2
            djcap|1|db|LOG:  statement: BEGIN; SELECT 3
            """
        let statements = ServerLog.statements(in: ServerLog.records(in: text, database: "db"))
        #expect(
            statements == [
                LoggedStatement(pid: 1, sql: "SELECT $1", preparedName: "<unnamed>", parameters: ["one"]),
                LoggedStatement(pid: 2, sql: "UPDATE t SET a = $1", preparedName: "S_1/C_2", parameters: ["two"], failed: true),
                LoggedStatement(pid: 1, sql: "BEGIN; SELECT 3", preparedName: nil),
            ])
    }
}
