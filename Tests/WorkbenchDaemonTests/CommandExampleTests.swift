import Foundation
import Testing
import WorkbenchControl
import WorkbenchDaemon
import WorkbenchKit
import WorkbenchPostgres
import WorkbenchTestSupport

/// Every `examples` line of every command the daemon serves (the ones `help` shows) names
/// that command and binds: no example teaches an argument that does not exist or a value the
/// command refuses.
@Suite("Every command's examples bind")
struct CommandExampleTests {
    @Test func everyExampleNamesItsCommandAndBinds() async throws {
        try await TestCluster.withPool { pool, _ in
            let builder = WorkbenchBuilder(
                modules: ModuleCatalog.all, pool: pool, timeZone: TimeZone(identifier: "Asia/Shanghai")!, commandTimeout: .seconds(30),
                version: "test", logger: { _ in TestCluster.logger }
            )
            try await builder.migrate()
            let table = try await builder.build().table
            var checked = 0
            var failures: [String] = []
            for command in table.allCommands {
                for example in command.examples {
                    checked += 1
                    do {
                        let words = try CommandLineTokenizer.tokenize(example[...])
                        let (resolved, consumed) = try table.resolve(words)
                        guard resolved.qualifiedName == command.qualifiedName else {
                            failures.append("\(command.qualifiedName): '\(example)' names '\(resolved.qualifiedName)'")
                            continue
                        }
                        let rest = words.dropFirst(consumed)
                        if command.operands != nil {
                            _ = try ArgumentBinder.operands(rest, of: command)
                        } else {
                            _ = try ArgumentBinder.bind(rest, to: command, now: Date(), timeZone: TimeZone(identifier: "Asia/Shanghai")!)
                        }
                    } catch let error as WorkbenchError {
                        failures.append("\(command.qualifiedName): '\(example)': \(error.code) \(error.message)")
                    }
                }
            }
            #expect(checked > 100, "the examples were found")
            #expect(failures.isEmpty, "examples that do not bind:\n\(failures.joined(separator: "\n"))")
        }
    }
}
