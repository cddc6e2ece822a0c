import Testing
import WorkbenchControl
import WorkbenchKit

@Suite("Lookup and statistics stages")
struct LookupAndStatisticsStageTests {
    static let table = try! CommandTable(
        modules: [
            (ModuleDescriptor(id: "notes", alias: "note", title: "笔记", summary: ""), [CommandSpec("list", synopsis: "List") { _ in .message("x") }])
        ],
        topLevel: [CommandSpec("audit tail", synopsis: "Audit", role: .admin) { _ in .message("x") }],
        builtIns: [CommandSpec(local: "ping", synopsis: "Ping", operands: .noWords, isOpenToAnyone: true) { _ in .message("pong") }]
    )

    struct Lookup: Sendable, CustomTestStringConvertible {
        var line: String
        /// The qualified name found, or nil for 401.
        var found: String?
        var testDescription: String { line }
    }

    @Test(arguments: [
        Lookup(line: "ping", found: "ping"),
        Lookup(line: "ping extra", found: "ping"),
        Lookup(line: "\"ping\"", found: nil),
        Lookup(line: "note list", found: "notes list"),
        Lookup(line: "audit tail n=3", found: "audit tail"),
        Lookup(line: "bogus", found: nil),
        Lookup(line: "notes", found: nil),
    ])
    func findsTheCommand(_ lookup: Lookup) async throws {
        let probe = StageProbe()
        let (outcome, _) = await probe.run([LookupStage(table: Self.table)], try StageProbe.request(lookup.line))
        if let found = lookup.found {
            #expect(probe.reached.first?.command?.qualifiedName == found)
        } else {
            #expect(outcome.workbenchError?.status.code == 401)
            #expect(outcome.workbenchError?.code == "command.unknown")
        }
    }

    @Test func statisticsCountRepliesAndRefusalsButNotBlankLines() async throws {
        let statistics = ControlStatistics()
        let stages: [any CommandMiddleware] = [StatisticsStage(statistics: statistics), SessionStage(), LookupStage(table: Self.table)]
        let probe = StageProbe()
        for line in ["ping", "bogus", "  ", "ping", "\"open"] {
            _ = await probe.run(stages, CommandRequest(frame: .line(line), caller: StageProbe.admin))
        }
        _ = await probe.run(stages, CommandRequest(frame: .tooLong(bytes: 70_000), caller: StageProbe.admin))
        _ = await probe.run(stages, CommandRequest(frame: .line("ping"), caller: StageProbe.admin)) { _, _ in throw CancellationError() }
        let snapshot = statistics.snapshot
        #expect(snapshot.requests == 6)
        #expect(snapshot.clientErrors == 3)
        #expect(snapshot.serverErrors == 1)
    }
}
