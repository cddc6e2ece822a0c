import CoreModule
import Testing
import WorkbenchControl
import WorkbenchKit
import WorkbenchPostgres
import WorkbenchTestSupport

@Suite("Access stage: roles, and the audit of refusals")
struct AccessStageTests {
    static func table() throws -> CommandTable {
        let answer: CommandSpec.Handler = { _ in .message("ran") }
        let local: CommandSpec.LocalHandler = { _ in .message("ran") }
        return try CommandTable(
            modules: [
                (
                    ModuleDescriptor(id: "notes", alias: "note", title: "笔记", summary: ""),
                    [
                        CommandSpec("list", synopsis: "List", run: answer),
                        CommandSpec("add", synopsis: "Add", mutates: true, run: answer),
                    ]
                )
            ],
            topLevel: [CommandSpec("audit tail", synopsis: "Audit", role: .admin, run: answer)],
            builtIns: [
                CommandSpec(local: "ping", synopsis: "Ping", operands: .noWords, isOpenToAnyone: true, run: local),
                CommandSpec(local: "status", synopsis: "Status", operands: .noWords, run: local),
            ]
        )
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var line: String
        var caller: Caller
        /// The refusal's message, or nil when the command may run.
        var refusal: String?
        var audited: Bool
        var testDescription: String { "\(line) as \(caller.userName)" }
    }

    static let operatorCaller = Caller(pid: 2, uid: 1000, gid: 1000, userName: "operator1", role: .operator)

    static let cases: [Case] = [
        Case(line: "ping", caller: StageProbe.stranger, refusal: nil, audited: false),
        Case(line: "ping", caller: StageProbe.viewer, refusal: nil, audited: false),
        Case(
            line: "status", caller: StageProbe.stranger,
            refusal: "'status' needs role viewer; you (user nobody, uid 65534) have no role; 'whoami' shows your credentials",
            audited: false
        ),
        Case(line: "status", caller: StageProbe.viewer, refusal: nil, audited: false),
        Case(line: "note list", caller: StageProbe.viewer, refusal: nil, audited: false),
        Case(
            line: "notes list", caller: StageProbe.stranger, refusal: "'notes list' needs role viewer; you (user nobody, uid 65534) have no role",
            audited: true),
        Case(
            line: "notes add", caller: StageProbe.viewer, refusal: "'notes add' needs role operator; you (user viewer1, uid 1001) have role viewer",
            audited: true),
        Case(line: "notes add", caller: operatorCaller, refusal: nil, audited: false),
        Case(
            line: "audit tail", caller: operatorCaller, refusal: "'audit tail' needs role admin; you (user operator1, uid 1000) have role operator",
            audited: true),
        Case(line: "audit tail", caller: StageProbe.admin, refusal: nil, audited: false),
    ]

    @Test func rolesDecideAndDatabaseCommandRefusalsAreAudited() async throws {
        let table = try Self.table()
        try await TestCluster.withPool(size: 2) { pool, _ in
            try await MigrationRunner(pool: pool, logger: TestCluster.logger).migrate([CoreModule.moduleMigrations])
            for check in Self.cases {
                let probe = StageProbe()
                let request = try StageProbe.resolved(check.line, in: table, as: check.caller)
                let (outcome, _) = await probe.run([AccessStage(pool: pool)], request)
                if let refusal = check.refusal {
                    let error = try #require(outcome.workbenchError, "\(check.testDescription) should be refused")
                    #expect(error.status == .forbidden)
                    #expect(error.code == "access.denied")
                    #expect(error.message == refusal)
                    #expect(probe.reached.isEmpty)
                } else {
                    #expect(outcome.reply == .message("reached"), "\(check.testDescription) should pass")
                }
            }
            let rows = try await pool.withConnection { session in
                try await session.query(
                    PostgresStatement(unnamed: "SELECT command, peer_user FROM workbench.audit_log WHERE reply_status = 403 ORDER BY id")
                ).map { "\(try $0.decode("command", as: String.self)) \(try $0.decode("peer_user", as: String.self))" }
            }
            #expect(
                rows
                    == Self.cases.filter(\.audited).map {
                        "\($0.line.split(separator: " ").dropFirst($0.line.hasPrefix("note") ? 1 : 0).joined(separator: " ")) \($0.caller.userName)"
                    })
        }
    }
}
