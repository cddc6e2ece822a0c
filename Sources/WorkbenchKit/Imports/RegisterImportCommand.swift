/// The `import` command of a register: the rows form, `dry_run=` and `update=`, an importer
/// built for the invocation (``RegisterImporter``) run in the command's transaction, and a
/// ten-minute time limit.
public enum RegisterImportCommand {
    /// `<register> import` for rows that are `add`'s arguments.
    ///
    /// - Parameters:
    ///   - module: The module's alias as typed (`prop`), for the help.
    ///   - path: The command's path (`"company import"`).
    ///   - noun: What a row is, plural (`companies`), for the synopsis and help.
    ///   - add: The register's `add` command, whose arguments the columns are.
    ///   - matching: How a row finds its record and what `update=true` changes, for the help.
    ///   - ignoring: Columns of the register's `list` that may stay in the file.
    ///   - example: The command's example.
    ///   - importer: The importer for one invocation and its `update=`.
    public static func make<Importer: RegisterImporter>(
        module: String, _ path: String, noun: String, add: CommandSpec, matching: String, ignoring: Set<String>, example: String,
        importer: @escaping @Sendable (Invocation, _ update: Bool) -> Importer
    ) -> CommandSpec {
        let addName = ([module] + add.path).joined(separator: " ")
        return CommandSpec(
            path, synopsis: "Add many \(noun) at once from a register, all or none (the rows form)",
            help: """
                Reads the rows of a register (dangjianctl \(module) \(path) FILE.csv|FILE.xlsx \
                sends a spreadsheet's first sheet): a header naming the columns of '\(addName)' by key, by Chinese name or both, \
                then one row each. Every row runs through '\(addName)' with its rules; refused rows are named with their column \
                and nothing changes. \(matching) dry_run=true checks and counts only. The columns of its list command that are not \
                read (\(ignoring.sorted().joined(separator: ", "))) may stay in the file.
                """,
            arguments: [
                .optional("dry_run", .bool, default: "false", help: "Check and count only; change nothing"),
                .optional("update", .bool, default: "false", help: "Update existing \(noun) where the file differs"),
            ],
            mutates: true,
            examples: [example]
        ) { invocation in
            guard let rows = invocation.rows else { throw WorkbenchError.syntax("\(path) reads rows") }
            return try await importer(invocation, try invocation.arguments.bool("update")).run(
                rows, dryRun: try invocation.arguments.bool("dry_run"), now: invocation.now, timeZone: invocation.timeZone,
                in: invocation.database
            ).reply
        }
        .takingRows(RowsSpec(columnsOf: add, ignoring: ignoring))
        .withTimeLimit(.seconds(600))
    }

    /// `<register> import` of a coded register (``CodedRegisterImport``).
    public static func make<Register: CodedRegister>(
        module: String, _ path: String, noun: String, add: CommandSpec, matching: String, ignoring: Set<String>, example: String,
        register: @escaping @Sendable (Invocation) -> Register
    ) -> CommandSpec {
        make(module: module, path, noun: noun, add: add, matching: matching, ignoring: ignoring, example: example) { invocation, update in
            CodedRegisterImport(register(invocation), update: update)
        }
    }
}
