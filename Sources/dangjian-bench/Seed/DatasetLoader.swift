import Foundation
import WorkbenchPostgres

/// Loads a generated dataset into a database the daemon has migrated: the organisation tree,
/// grids, members, cases and case events, with COPY: the tree and grids in one transaction each,
/// members and cases in batches over several connections.
///
/// The rows bypass the daemon's commands (no audit rows, no request ids): this is test data
/// for the benchmark, shaped by the same rules the commands and the database constraints
/// enforce. The constraints and triggers of each table still check every row.
struct DatasetLoader {
    /// What a load wrote.
    struct Outcome: Sendable {
        var seconds: Double
        /// Rows now in each table touched, whole table.
        var tableCounts: [(table: String, rows: Int)]
    }

    var shape: DatasetShape
    var seed: UInt64
    /// The instant the dataset is "now": recent cases are open, with clocks relative to it.
    var asOf: Date
    /// The daemon's time zone offset, for the year in case codes (Asia/Shanghai: +8 h).
    var utcOffsetSeconds: Int64
    /// Connections loading members and cases at once.
    var jobs: Int
    /// Opens one more connection to the same database.
    var connect: @Sendable () throws -> PostgresConnection

    /// Members or cases per batch (and per transaction).
    static let batchSize = 50_000
    /// Events a generated case has at most (report, accept, two escalations, start, warning or
    /// overdue, resolve, confirm), which sizes each batch's block of event ids.
    static let eventsPerCaseAtMost = 10

    /// The tables the load writes, in load order.
    static let tables = ["organizations.units", "grids.grids", "organizations.members", "grids.cases", "grids.case_events"]

    func load(into connection: PostgresConnection) throws -> Outcome {
        let started = ContinuousClock.now
        try checkSchema(connection)
        let first = try firstFreeIDs(connection)
        _ = try connection.executeScript("SET synchronous_commit = off")
        let plan = OrganisationPlan(shape: shape, seed: seed, firstUnitID: first.unit, firstGridID: first.grid)
        try transaction(connection) {
            var bar = ProgressBar(label: "units", total: plan.unitCount)
            var done = 0
            for level in plan.levels {
                done += try connection.copyIn(
                    "COPY organizations.units (id, code, name, kind, parent_id, established_on, secretary) FROM STDIN"
                ) { rows in
                    for unit in level {
                        rows.row {
                            $0.int(unit.id); $0.text(unit.code); $0.text(unit.name); $0.literal(unit.kind); $0.int(unit.parentID)
                            $0.literal("2018-03-01"); $0.text(unit.secretary)
                        }
                        try rows.flushIfFull()
                    }
                }
                bar.update(done)
            }
            bar.finish(done)
        }
        try transaction(connection) {
            let bar = ProgressBar(label: "grids", total: plan.grids.count)
            let stored = try connection.copyIn(
                "COPY grids.grids (id, code, name, level, community_id, branch_id, latitude, longitude, households, established_on) FROM STDIN"
            ) { rows in
                for grid in plan.grids {
                    rows.row {
                        $0.int(grid.id); $0.text(grid.code); $0.text(grid.name); $0.literal("basic"); $0.int(grid.communityID)
                        $0.int(grid.branchID); $0.literal(Self.degrees(grid.latitude)); $0.literal(Self.degrees(grid.longitude))
                        $0.int(grid.households); $0.literal("2018-03-01")
                    }
                    try rows.flushIfFull()
                }
            }
            bar.finish(stored)
        }
        try loadInParallel(plan, first: first)
        _ = try connection.executeScript(
            """
            SELECT setval(pg_get_serial_sequence('organizations.units', 'id'), (SELECT max(id) FROM organizations.units));
            SELECT setval(pg_get_serial_sequence('organizations.members', 'id'), (SELECT max(id) FROM organizations.members));
            SELECT setval(pg_get_serial_sequence('grids.grids', 'id'), (SELECT max(id) FROM grids.grids));
            SELECT setval(pg_get_serial_sequence('grids.case_events', 'id'), (SELECT max(id) FROM grids.case_events));
            SELECT setval('grids.case_number', (SELECT max(id) FROM grids.cases));
            ANALYZE organizations.units, organizations.members, grids.grids, grids.cases, grids.case_events
            """
        )
        // Every batch of members rewrote most rows of the per-unit counts (their trigger runs
        // once per COPY), leaving the table several times its size: rewrite it compactly, since
        // reads of a district sum all of its rows.
        _ = try connection.executeScript("VACUUM (FULL, ANALYZE) organizations.unit_counts")
        var counts: [(String, Int)] = []
        for table in Self.tables {
            let rows = try connection.execute(PostgresStatement(unnamed: "SELECT count(*) FROM \(table)"), [])
            counts.append((table, try rows.single().decode(at: 0, as: Int.self)))
        }
        let elapsed = ContinuousClock.now - started
        return Outcome(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18, tableCounts: counts)
    }

    // MARK: Members and cases, in parallel

    /// Members and cases in batches of ``batchSize``, each batch one transaction, spread over
    /// ``jobs`` connections: one backend per core instead of one for everything.
    ///
    /// Every batch draws from its own random stream and owns a fixed block of ids, so the rows
    /// do not depend on which connection loads which batch or in what order.
    private func loadInParallel(_ plan: OrganisationPlan, first: FirstIDs) throws {
        var batches: [SeedBatch] = []
        for start in stride(from: 0, to: shape.members, by: Self.batchSize) {
            batches.append(.members(start..<min(shape.members, start + Self.batchSize)))
        }
        for start in stride(from: 0, to: shape.cases, by: Self.batchSize) {
            batches.append(.cases(start..<min(shape.cases, start + Self.batchSize)))
        }
        let queue = SeedBatchQueue(batches)
        let done = DispatchGroup()
        for _ in 0..<jobs {
            done.enter()
            Thread.detachNewThread { [self] in
                defer { done.leave() }
                do {
                    let connection = try connect()
                    defer { connection.close() }
                    _ = try connection.executeScript("SET synchronous_commit = off")
                    while let batch = queue.next() {
                        try transaction(connection) {
                            switch batch {
                            case .members(let range): try loadMembers(range, plan, firstID: first.member, connection)
                            case .cases(let range): try loadCases(range, plan, first: first, connection, queue: queue)
                            }
                        }
                        queue.finished(batch)
                    }
                } catch {
                    queue.fail(error)
                }
            }
        }
        var bar = ProgressBar(label: "members", total: shape.members)
        var caseBar: ProgressBar?
        while done.wait(timeout: .now() + 0.1) == .timedOut {
            let progress = queue.progress
            if progress.members < shape.members {
                bar.update(progress.members)
            } else {
                if caseBar == nil {
                    bar.finish(progress.members)
                    caseBar = ProgressBar(label: "cases", total: shape.cases)
                }
                caseBar?.update(progress.cases)
            }
        }
        if let failure = queue.failure { throw failure }
        let progress = queue.progress
        if caseBar == nil { bar.finish(progress.members) }
        (caseBar ?? ProgressBar(label: "cases", total: shape.cases)).finish(progress.cases)
        ProgressBar(label: "case events", total: progress.events).finish(progress.events)
    }

    private func loadMembers(_ range: Range<Int>, _ plan: OrganisationPlan, firstID: Int64, _ connection: PostgresConnection) throws {
        var random = SeedRandom(seed: seed, stream: "members-\(range.lowerBound)")
        let asOfDay = Int(asOf.timeIntervalSince1970 / 86_400)
        try connection.copyIn(
            """
            COPY organizations.members (id, name, phone, status, joined_on, unit_id, work_unit, residence_id, is_mobile, left_on, leave_reason)
            FROM STDIN
            """
        ) { rows in
            for index in range {
                let draw = random.unit()
                let unitID: Int64
                var residenceID: Int64?
                var workUnit: String?
                if draw < 0.8, !plan.buildingGroups.isEmpty {
                    let group = random.pick(plan.buildingGroups)
                    unitID = group.id
                    residenceID = group.communityID
                } else if draw < 0.92 {
                    unitID = random.pick(plan.unitBranchIDs)
                    workUnit = "驻区单位"
                    residenceID = random.pick(plan.communityIDs)
                } else {
                    unitID = random.pick(plan.gridBranchIDs)
                }
                let joined = asOfDay - random.within(200...(60 * 365))
                let left = random.chance(0.02) ? min(asOfDay, joined + random.within(30...3_000)) : nil
                let name = ChineseNames.person(&random)
                let phone = "1" + String(3 + random.below(7)) + String(100_000_000 + random.below(900_000_000))
                let probationary = asOfDay - joined < 365 && random.chance(0.5)
                let mobile = random.chance(0.05)
                rows.row {
                    $0.int(firstID + Int64(index)); $0.text(name); $0.literal(phone); $0.literal(probationary ? "probationary" : "formal")
                    $0.literal(CopyValues.date(days: joined)); $0.int(unitID); $0.text(workUnit); $0.int(residenceID); $0.bool(mobile)
                    $0.literal(left.map { CopyValues.date(days: $0) }); $0.literal(left == nil ? nil : "transferred_out")
                }
                try rows.flushIfFull()
            }
        }
    }

    /// One batch of cases with one COPY, then their events with another (events reference
    /// the cases). The batch's events take ids from a block of ``eventsPerCaseAtMost`` per case.
    private func loadCases(
        _ range: Range<Int>, _ plan: OrganisationPlan, first: FirstIDs, _ connection: PostgresConnection, queue: SeedBatchQueue
    ) throws {
        var random = SeedRandom(seed: seed, stream: "cases-\(range.lowerBound)")
        let asOfSeconds = Int64(asOf.timeIntervalSince1970.rounded(.down))
        let history: Int64 = 3 * 365 * 86_400
        var nextEventID = first.event + Int64(range.lowerBound) * Int64(Self.eventsPerCaseAtMost)
        var eventText: [UInt8] = []
        var events = CopyTextWriter { eventText.append(contentsOf: $0) }
        try connection.copyIn(
            """
            COPY grids.cases (id, code, grid_id, community_id, category, source, reporter, description, latitude, longitude, urgency,
                              start_level, level, department, status, assignee, reported_at, clock_started_at, warn_at, due_at, warned,
                              overdue_noted, escalated_to, missed_deadlines, reopens, resolved_at, resolved_on_time, closed_at,
                              cancel_reason, updated_at)
            FROM STDIN
            """
        ) { rows in
            for index in range {
                // Ids rise with the report time, as they do when cases are reported one by one.
                let age = history - history * Int64(index) / Int64(shape.cases) - Int64(random.below(600))
                let item = CaseHistory(
                    id: first.caseID + Int64(index), grid: random.pick(plan.grids), asOf: asOfSeconds, ageSeconds: max(0, age),
                    utcOffsetSeconds: utcOffsetSeconds, &random
                )
                precondition(item.events.count <= Self.eventsPerCaseAtMost, "a case has more events than its id block holds")
                rows.row { Self.write(item, to: &$0) }
                for event in item.events {
                    events.row {
                        $0.int(nextEventID); $0.int(item.id); $0.literal(CopyValues.timestamp(event.at)); $0.literal(CopyValues.timestamp(event.at))
                        $0.literal(event.kind); $0.text(event.actor); $0.literal(event.fromStatus); $0.literal(event.toStatus)
                        $0.literal(event.fromLevel); $0.literal(event.toLevel); $0.text(event.note)
                    }
                    nextEventID += 1
                }
                try rows.flushIfFull()
            }
        }
        try events.flush()
        let stored = try connection.copyIn(
            "COPY grids.case_events (id, case_id, at, recorded_at, kind, actor, from_status, to_status, from_level, to_level, note) FROM STDIN"
        ) { rows in
            try rows.raw(eventText)
        }
        queue.addEvents(stored)
    }

    private static func write(_ item: CaseHistory, to row: inout CopyTextWriter) {
        row.int(item.id); row.literal(item.code); row.int(item.grid.id); row.int(item.grid.communityID); row.text(item.category)
        row.literal(item.source); row.text(item.reporter); row.text(item.description); row.literal(item.latitude.map(degrees))
        row.literal(item.longitude.map(degrees)); row.literal(item.urgent ? "urgent" : "normal")
        row.literal(CaseHistory.levels[item.startLevel]); row.literal(CaseHistory.levels[item.level]); row.text(item.department)
        row.literal(item.status); row.text(item.assignee); row.literal(CopyValues.timestamp(item.reportedAt))
        row.literal(item.clockStartedAt.map(CopyValues.timestamp)); row.literal(item.warnAt.map(CopyValues.timestamp))
        row.literal(item.dueAt.map(CopyValues.timestamp)); row.bool(item.warned); row.bool(item.overdueNoted)
        row.literal("{" + item.escalatedTo.joined(separator: ",") + "}"); row.int(item.missedDeadlines); row.int(0)
        row.literal(item.resolvedAt.map(CopyValues.timestamp)); row.literal(item.resolvedOnTime.map { $0 ? "t" : "f" })
        row.literal(item.closedAt.map(CopyValues.timestamp)); row.text(item.cancelReason); row.literal(CopyValues.timestamp(item.updatedAt))
    }

    // MARK: Set-up

    private func checkSchema(_ connection: PostgresConnection) throws {
        let missing = BenchError("the database has no organizations and grids schema yet; start dangjiand on it once so it applies its migrations")
        // Two statements: a query naming a table that does not exist fails before it runs.
        let catalogue = try connection.execute(
            PostgresStatement(unnamed: "SELECT to_regclass('workbench.schema_migrations') IS NOT NULL"), []
        )
        guard try catalogue.single().decode(at: 0, as: Bool.self) else { throw missing }
        let modules = try connection.execute(
            PostgresStatement(
                unnamed: "SELECT count(DISTINCT module) FROM workbench.schema_migrations WHERE module IN ('organizations', 'grids')"
            ),
            []
        )
        guard try modules.single().decode(at: 0, as: Int.self) == 2 else {
            throw missing
        }
        let existing = try connection.execute(
            PostgresStatement(unnamed: "SELECT 1 FROM organizations.units WHERE code = $1"), [OrganisationPlan.cityCode]
        )
        guard existing.isEmpty else {
            throw BenchError(
                "a benchmark dataset (\(OrganisationPlan.cityCode)) is already loaded in this database; seed a fresh database "
                    + "(deploy/dev bench does) instead of adding a second copy"
            )
        }
    }

    typealias FirstIDs = (unit: Int64, grid: Int64, member: Int64, caseID: Int64, event: Int64)

    private func firstFreeIDs(_ connection: PostgresConnection) throws -> FirstIDs {
        let row = try connection.execute(
            PostgresStatement(
                unnamed: """
                    SELECT (SELECT COALESCE(max(id), 0) + 1 FROM organizations.units),
                           (SELECT COALESCE(max(id), 0) + 1 FROM grids.grids),
                           (SELECT COALESCE(max(id), 0) + 1 FROM organizations.members),
                           GREATEST((SELECT COALESCE(max(id), 0) FROM grids.cases),
                                    (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM grids.case_number)) + 1,
                           (SELECT COALESCE(max(id), 0) + 1 FROM grids.case_events)
                    """
            ),
            []
        ).single()
        return (
            try row.decode(at: 0, as: Int64.self), try row.decode(at: 1, as: Int64.self), try row.decode(at: 2, as: Int64.self),
            try row.decode(at: 3, as: Int64.self), try row.decode(at: 4, as: Int64.self)
        )
    }

    private func transaction(_ connection: PostgresConnection, _ body: () throws -> Void) throws {
        _ = try connection.executeScript("BEGIN")
        do {
            try body()
            _ = try connection.executeScript("COMMIT")
        } catch {
            _ = try? connection.executeScript("ROLLBACK")
            throw error
        }
    }

    /// Six decimals (about 0.1 m), as the daemon shows coordinates.
    static func degrees(_ value: Double) -> String {
        String(format: "%.6f", value)
    }
}
