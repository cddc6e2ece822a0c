import Testing
import WorkbenchControl
import WorkbenchDaemon
import WorkbenchKit
import WorkbenchPostgres
import WorkbenchTestSupport

/// Every rule the database enforces answers like the command's own checks: each CHECK, UNIQUE
/// and EXCLUDE constraint of every module (and the core) is mapped in Swift or states its rule
/// in its comment (`argument: message`), naming an argument one of the module's commands takes.
@Suite("Every database constraint has a friendly refusal")
struct ConstraintRuleCoverageTests {
    @Test func everyCheckAndUniqueConstraintIsMapped() async throws {
        try await ModuleHarness.with(ModuleCatalog.all) { harness in
            let schemas = ["workbench"] + ModuleCatalog.all.map { $0.id }
            let entries = try await harness.pool.withConnection { session in
                try await ConstraintCatalog.entries(schemas: schemas, on: session)
            }
            #expect(entries.count > 100, "the walk found the constraints")
            var unmapped: [String] = []
            var unknownArguments: [String] = []
            for entry in entries {
                let module = harness.modules[entry.schema]
                if module?.constraintErrors[entry.name] != nil { continue }
                guard let rule = entry.rule else {
                    unmapped.append("\(entry.schema).\(entry.table) \(entry.name) \(entry.definition)")
                    continue
                }
                if let argument = rule.argument {
                    let commands = module?.commands ?? []
                    let names = Set(commands.flatMap { $0.arguments.map(\.name) } + [ArgumentBinder.requestIDName])
                    if !names.contains(argument) {
                        unknownArguments.append("\(entry.schema).\(entry.name) names \(argument)")
                    }
                }
            }
            #expect(unmapped.isEmpty, "constraints without a Swift mapping or an 'argument: message' comment:\n\(unmapped.joined(separator: "\n"))")
            #expect(unknownArguments.isEmpty, "comments naming no argument of the module's commands:\n\(unknownArguments.joined(separator: "\n"))")
        }
    }
}
