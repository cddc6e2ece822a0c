import Testing
import WorkbenchControl
import WorkbenchKit
import WorkbenchPostgres
import WorkbenchTestSupport

@Suite("Error-mapping stage: every kind of error becomes a reply")
struct ErrorMappingStageTests {
    struct Case: @unchecked Sendable, CustomTestStringConvertible {
        var name: String
        var error: any Error
        var status: Int
        var code: String
        var message: String?
        var testDescription: String { name }
    }

    struct Surprise: Error {}

    static let friendly = WorkbenchError.conflict("notes.duplicate_title", "a note with this title exists; choose another title")

    static let cases: [Case] = [
        Case(
            name: "a module's refusal passes through", error: WorkbenchError.ruleRefused("notes.refused", "no"), status: 422, code: "notes.refused",
            message: "no"),
        Case(
            name: "a named constraint gets the module's error",
            error: PostgresError(code: .server, message: "duplicate key", sqlState: .uniqueViolation, constraint: "notes_title_key"),
            status: 409, code: "notes.duplicate_title", message: friendly.message
        ),
        Case(
            name: "another unique violation is a generic duplicate",
            error: PostgresError(code: .server, message: "duplicate key", sqlState: .uniqueViolation, constraint: "other_key"),
            status: 409, code: "database.duplicate", message: nil
        ),
        Case(
            name: "a constraint whose comment states its rule gets it, naming the argument",
            error: PostgresError(
                code: .server, message: "new row violates check constraint", sqlState: .checkViolation,
                detail: "Failing row contains (1, 驿站01).", constraint: "stations_code_form", schema: "stations"
            ),
            status: 400, code: "stations.stations_code_form", message: "code: a station code starts with a letter"
        ),
        Case(
            name: "a rule about a record's state is a 422",
            error: PostgresError(
                code: .server, message: "check", sqlState: .checkViolation, constraint: "stations_closing_whole", schema: "stations"),
            status: 422, code: "stations.stations_closing_whole", message: "a closed station has its closing day and reason"
        ),
        Case(
            name: "the same name in another schema is not that rule",
            error: PostgresError(code: .server, message: "check", sqlState: .checkViolation, constraint: "stations_code_form", schema: "grids"),
            status: 422, code: "database.rule_refused", message: nil
        ),
        Case(
            name: "a duplicate by a commented unique constraint is a 409 naming the argument",
            error: PostgresError(
                code: .server, message: "duplicate key", sqlState: .uniqueViolation, constraint: "stations_code_key", schema: "stations"),
            status: 409, code: "stations.stations_code_key", message: "code: another station has this code"
        ),
        Case(
            name: "a pool timeout is 503", error: PostgresError(code: .poolTimeout, message: "busy"), status: 503, code: "database.busy", message: nil
        ),
        Case(
            name: "cancellation is 503 command.cancelled", error: CancellationError(), status: 503, code: "command.cancelled",
            message: "the command was cancelled (the daemon is stopping); nothing was changed"
        ),
        Case(name: "anything else is an internal error with a reference", error: Surprise(), status: 500, code: "internal", message: nil),
    ]

    static let catalog = ConstraintCatalog(rules: [
        ConstraintRule(schema: "stations", name: "stations_code_form", kind: .check, comment: "code: a station code starts with a letter")!,
        ConstraintRule(
            schema: "stations", name: "stations_closing_whole", kind: .check, comment: "-: a closed station has its closing day and reason")!,
        ConstraintRule(schema: "stations", name: "stations_code_key", kind: .uniqueness, comment: "code: another station has this code")!,
    ])

    @Test(arguments: cases)
    func mapsErrors(_ check: Case) async throws {
        let table = try CommandTable(
            modules: [
                (
                    ModuleDescriptor(id: "notes", alias: "note", title: "笔记", summary: ""),
                    [CommandSpec("add", synopsis: "Add") { _ in .message("never") }]
                )
            ]
        )
        let stage = ErrorMappingStage(constraintErrors: ["notes": ["notes_title_key": Self.friendly]], catalog: Self.catalog)
        let (outcome, _) = await StageProbe().run([stage], try StageProbe.resolved("notes add", in: table)) { _, _ in throw check.error }
        let error = try #require(outcome.workbenchError)
        #expect(error.status.code == check.status)
        #expect(error.code == check.code)
        if let message = check.message { #expect(error.message.hasSuffix(message)) }
        #expect(!error.message.contains("Failing row"))
        if check.code.hasPrefix("stations.stations_code") { #expect(error.argument == "code") }
        if check.code == "internal" {
            #expect(error.message.hasPrefix("internal error (reference "))
            #expect(!error.message.contains("Surprise"), "no internals in a reply")
        }
    }
}
