import CoreModule
import Foundation
import Testing
import WorkbenchDaemon
import WorkbenchKit
import WorkbenchPostgres
import WorkbenchTestSupport

/// Every named statement of every module is listed in its `<Module>+Statements.swift`, its
/// name is unique in the process, and PostgreSQL prepares it against a fully migrated
/// database: a typo in a column, a missing cast or a statement left behind by a migration
/// fails here rather than when an operator first runs the command.
@Suite("Every named statement prepares")
struct NamedStatementTests {
    static let modules: [any WorkbenchModule.Type] = [CoreModule.self] + ModuleCatalog.all

    /// The names written as `PostgresStatement("name", …)` in a module's sources: exact names,
    /// and patterns for names built with interpolation (`stations.visit.stats_by_\(rawValue)`).
    /// The core's include the working calendar's reads, which modules call through WorkbenchKit.
    static func sourceNames(of module: any WorkbenchModule.Type) throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var folders = [root.appendingPathComponent(module.migrationsDirectory).deletingLastPathComponent()]
        if module == CoreModule.self { folders.append(root.appendingPathComponent("Sources/WorkbenchKit/Calendar")) }
        let files = try folders.flatMap { folder in
            try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)).compactMap { $0 as? URL }
        }
        var names: [String] = []
        let pattern = try Regex(#"PostgresStatement\(\s*"([^"]+)""#)
        for file in files where file.pathExtension == "swift" && !file.lastPathComponent.hasSuffix("+Statements.swift") {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let name = match.output[1].substring { names.append(String(name)) }
            }
        }
        return names
    }

    /// Whether `name` is `written`, or matches it where `written` interpolates.
    static func matches(_ name: String, _ written: String) -> Bool {
        guard written.contains("\\(") else { return name == written }
        let parts = written.components(separatedBy: "\\(").enumerated().map { index, part in
            index == 0 ? part : String(part[part.index(after: part.firstIndex(of: ")") ?? part.startIndex)...])
        }
        let regex = "^" + parts.map(NSRegularExpression.escapedPattern(for:)).joined(separator: ".+") + "$"
        return name.range(of: regex, options: .regularExpression) != nil
    }

    @Test func everyModuleListsTheStatementsItsSourcesName() throws {
        var seen: [String: String] = [:]
        for module in Self.modules {
            let written = try Self.sourceNames(of: module)
            #expect(!written.isEmpty, "\(module.id): the scan found its statements")
            let listed = module.statements.compactMap(\.name)
            for name in written where !listed.contains(where: { Self.matches($0, name) }) {
                Issue.record("\(module.id): \(name) is not in \(String(describing: module))+Statements.swift")
            }
            for name in listed where !written.contains(where: { Self.matches(name, $0) }) {
                Issue.record("\(module.id): \(name) is listed but its sources do not name it")
            }
            for name in listed {
                if let other = seen.updateValue(module.id, forKey: name) {
                    Issue.record("\(name) is named twice (\(other), \(module.id)): a prepared statement's name is unique per connection")
                }
            }
        }
    }

    @Test func everyStatementPreparesAgainstAMigratedDatabase() async throws {
        try await ModuleHarness.with(ModuleCatalog.all) { harness in
            let statements = Self.modules.flatMap { $0.statements }
            #expect(statements.count > 250)
            try await harness.pool.withConnection { session in
                for (index, statement) in statements.enumerated() {
                    do {
                        _ = try await session.executeScript("PREPARE named_statement_test_\(index) AS \(statement.sql)")
                        _ = try await session.executeScript("DEALLOCATE named_statement_test_\(index)")
                    } catch {
                        Issue.record("\(statement.name ?? "?") does not prepare: \(error)")
                    }
                }
            }
        }
    }
}
