import Foundation
import PackagePlugin

/// Build-tool plugin: turns `Sources/<Target>/Migrations/NNNN_name.sql` into a generated
/// `EmbeddedMigrations.swift` in the target, defining `EmbeddedMigrations.all: [Migration]`.
///
/// The target must list `exclude: ["Migrations"]` (the SQL files are inputs of this plugin,
/// not sources or resources) and depend on `WorkbenchPostgres`.
@main
struct EmbedMigrations: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let target = target as? any SourceModuleTarget else { return [] }
        let directory = target.directoryURL.appending(path: "Migrations")
        let files = ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "sql" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) migration(s) of \(target.name)",
                executable: try context.tool(named: "EmbedMigrationsTool").url,
                arguments: [target.name, output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
