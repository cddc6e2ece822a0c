import Foundation
import WorkbenchPostgres

/// The capture phase of `run`: sends samples of each command of the mix through the control
/// socket with statement logging on, and reads back from the server's log the statements the
/// daemon executed for each one.
///
/// Before each command the bench runs a marker query (`SELECT 'dangjian-bench capture <k>'`)
/// on its own connection and waits for the command's reply before the next marker. The daemon
/// logs a statement before executing it and replies only after its last one, so everything a
/// backend of the daemon's database logged between marker k and marker k+1 belongs to
/// command k, however the driver batches statements on the wire. A command whose statements
/// came from more than one backend (a background job ran meanwhile), from a connection the
/// pool opened during it (its session set-up would be counted), or that failed, is sampled
/// again with other targets.
struct StatementCapture {
    /// The statements of one sample: a read, or a case's whole lifecycle.
    struct Unit: Equatable, Sendable {
        /// The command, or ``StatementCapture/lifecycleGroup``.
        var group: String
        var invocations: [CapturedInvocation]
    }

    /// What a capture found.
    struct Result: Sendable {
        var units: [Unit]
        /// Samples not used, by reason.
        var discarded: [String: Int]
    }

    static let lifecycleGroup = "case lifecycle"
    static let markerText = "dangjian-bench capture "

    var socketPath: String
    var workload: Workload
    var mix: CommandMix
    /// Samples wanted of each read, and lifecycles wanted.
    var samplesPerGroup: Int
    var seed: UInt64

    /// The groups the mix needs.
    var groups: [String] {
        var groups: [String] = []
        if mix != .write { groups += RequestGenerator.readShares.map(\.kind.rawValue) }
        if mix != .read { groups.append(Self.lifecycleGroup) }
        return groups
    }

    private enum Planned {
        case read(RequestKind)
        case lifecycle
    }

    /// One request sent during the capture: its marker number, what it was and its reply.
    private struct Sent {
        var marker: Int
        var request: RequestGenerator.Request
        var reply: ReplyScanner.Reply
    }

    /// Runs the capture with `connection` (a superuser's, on the daemon's database).
    func run(on connection: PostgresConnection) throws -> Result {
        let client = try ControlSocketClient(path: socketPath, keepsFields: true)
        var generator = RequestGenerator(client: 100_000, seed: seed, workload: workload, mix: mix)
        let database = try connection.execute(PostgresStatement(unnamed: "SELECT current_database()"), []).single().decode(at: 0, as: String.self)
        // One unlogged round first: the daemon's pool opens its connections and prepares its
        // statements as it would in the load's warm-up.
        var unmarked = 0
        for group in groups {
            for _ in 0..<2 { _ = try send(plan(group), generator: &generator, client: client, connection: nil, marker: &unmarked) }
        }
        var known = Set(
            try connection.execute(
                PostgresStatement(unnamed: "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"), []
            ).map { try $0.decode(at: 0, as: Int32.self) }
        )

        let settings = StatementLogSettings(connection: connection)
        var units: [String: [Unit]] = [:]
        var discarded: [String: Int] = [:]
        do {
            try settings.apply()
            var marker = 0
            var sent: [[Sent]] = []
            var groupOfSample: [String] = []
            for round in 0..<3 {
                // Later rounds ask for a few more than are missing, as some may be discarded again.
                let extra = round == 0 ? 0 : 2
                let missing = groups.map { ($0, samplesPerGroup - (units[$0]?.count ?? 0)) }.filter { $0.1 > 0 }.map { ($0.0, $0.1 + extra) }
                if missing.isEmpty { break }
                let firstNew = sent.count
                // Interleave the groups, so that a disturbance hits several groups a little.
                for index in 0..<(missing.map(\.1).max() ?? 0) {
                    for (group, count) in missing where index < count {
                        let requests = try send(plan(group), generator: &generator, client: client, connection: connection, marker: &marker)
                        sent.append(requests)
                        groupOfSample.append(group)
                    }
                }
                // A last marker closes the last command's window.
                marker += 1
                try mark(marker, on: connection)
                let statements = ServerLog.statements(in: ServerLog.records(in: try settings.readLog(), database: database))
                let windows = Self.windows(statements, ownPID: connection.backendPID)
                guard !windows.isEmpty else {
                    throw BenchError(
                        "the server's log has none of the capture's marker queries: it is not written to the file the bench reads "
                            + "(the server's standard error, or logging_collector's file); capture needs the log in a file"
                    )
                }
                // Earlier rounds were judged already; their windows are judged again only to
                // learn the backends they used.
                for (sample, requests) in sent.enumerated() {
                    var invocations: [CapturedInvocation] = []
                    var reason: String?
                    for request in requests {
                        let statements = windows[request.marker] ?? []
                        let pids = Set(statements.map(\.pid))
                        if reason == nil {
                            if !(200..<300).contains(request.reply.status) {
                                reason = "refused (\(request.reply.status) \(request.reply.errorCode ?? ""))"
                            } else if statements.contains(where: \.failed) {
                                reason = "a statement failed"
                            } else if pids.count > 1 {
                                reason = "statements from several backends"
                            } else if let pid = pids.first, !known.contains(pid) {
                                reason = "a connection opened during the command"
                            }
                        }
                        known.formUnion(pids)
                        invocations.append(
                            CapturedInvocation(
                                kind: request.request.kind, line: request.request.line, status: request.reply.status, fields: request.reply.fields,
                                statements: statements
                            )
                        )
                    }
                    guard sample >= firstNew else { continue }
                    let group = groupOfSample[sample]
                    if reason == nil && group == Self.lifecycleGroup && invocations.count != RequestGenerator.steps.count + 1 {
                        reason = "a report without its case id"
                    }
                    if let reason {
                        discarded[reason, default: 0] += 1
                    } else if (units[group]?.count ?? 0) < samplesPerGroup {
                        units[group, default: []].append(Unit(group: group, invocations: invocations))
                    }
                }
            }
            try settings.restore()
        } catch {
            do {
                try settings.restore()
            } catch {
                throw BenchError(
                    "\(error); the logging settings could not be put back: run as a superuser: \(StatementLogSettings.manualReset)"
                )
            }
            throw error
        }
        let result = groups.flatMap { units[$0] ?? [] }
        for group in groups where (units[group]?.count ?? 0) == 0 {
            throw BenchError(
                "no usable sample of '\(group)' was captured (discarded: "
                    + "\(discarded.map { "\($0.key): \($0.value)" }.sorted().joined(separator: ", ")))"
            )
        }
        return Result(units: result, discarded: discarded)
    }

    /// The daemon's statements between each marker and the next, by marker number.
    static func windows(_ statements: [LoggedStatement], ownPID: Int32) -> [Int: [LoggedStatement]] {
        var windows: [Int: [LoggedStatement]] = [:]
        var current: Int?
        for statement in statements {
            if statement.pid == ownPID {
                if let range = statement.sql.range(of: "'" + markerText), let number = Int(statement.sql[range.upperBound...].prefix { $0.isNumber })
                {
                    current = number
                    windows[number] = windows[number] ?? []
                }
                continue
            }
            if let current { windows[current, default: []].append(statement) }
        }
        return windows
    }

    // MARK: Sending

    private func plan(_ group: String) -> Planned {
        group == Self.lifecycleGroup ? .lifecycle : .read(RequestKind(rawValue: group) ?? .unitShow)
    }

    /// Sends one sample (a read, or a report and its four steps); with a `connection`, each
    /// request after a marker numbered from `marker`.
    private func send(
        _ planned: Planned, generator: inout RequestGenerator, client: ControlSocketClient, connection: PostgresConnection?, marker: inout Int
    ) throws -> [Sent] {
        var sent: [Sent] = []
        func exchange(_ request: RequestGenerator.Request) throws -> ReplyScanner.Reply {
            if let connection {
                marker += 1
                try mark(marker, on: connection)
            }
            try client.send(request.line + "\n")
            let reply = try client.nextReply()
            sent.append(Sent(marker: marker, request: request, reply: reply))
            return reply
        }
        switch planned {
        case .read(let kind):
            _ = try exchange(generator.read(kind))
        case .lifecycle:
            let reply = try exchange(generator.report())
            guard reply.status == 201, let id = reply.createdID else { return sent }
            for step in RequestGenerator.steps.indices {
                guard (200..<300).contains(try exchange(RequestGenerator.step(step, case: id)).status) else { break }
            }
        }
        return sent
    }

    private func mark(_ number: Int, on connection: PostgresConnection) throws {
        _ = try connection.executeScript("SELECT '\(Self.markerText)\(number)'")
    }
}
