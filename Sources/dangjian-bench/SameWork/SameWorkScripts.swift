import Foundation

/// pgbench scripts made of the captured statements: one script per captured sample, weighted
/// so that each command of the mix gets its share of the commands pgbench runs.
///
/// The daemon binds its values as untyped parameters of prepared statements, and pgbench's
/// `-M prepared` does the same with variables: each `$n` becomes a variable whose value is
/// given with `-D vK=…` (one variable per distinct value), so pgbench sends the daemon's own
/// statements with the same values as bound parameters. pgbench makes a new parameter of each
/// occurrence of a variable, where the daemon's `$n` was one parameter with one type, so each
/// occurrence is cast to the type the server inferred for the daemon's parameter:
/// `(:vK::bigint)`. A NULL cannot be a pgbench variable and becomes `NULL::<type>`. In a
/// case's lifecycle the id (and any other column) that the report's `INSERT … RETURNING`
/// returned and the daemon's reply showed is taken with `\gset`, and every later value equal
/// to it becomes that variable, so each replay works on its own new case.
struct SameWorkScripts: Sendable {
    /// One pgbench script.
    struct Script: Equatable, Sendable {
        /// The captured group it belongs to (a command, or a case's lifecycle).
        var group: String
        var text: String
        /// pgbench's `@weight`.
        var weight: Int
        /// Daemon commands the script stands for.
        var commands: Int
    }

    var scripts: [Script]
    /// The `-D` variables, in order of first use.
    var variables: [(name: String, value: String)]

    /// pgbench accepts at most this many scripts.
    static let maximumScripts = 128

    /// Scripts from captured `units`; `shares` is each group's share of the mix's commands, and
    /// `parameterType(sql, n)` the type of parameter n of a statement (nil: left untyped).
    init(units: [StatementCapture.Unit], shares: [String: Double], parameterType: (String, Int) -> String?) throws {
        guard units.count <= Self.maximumScripts else {
            throw BenchError(
                "\(units.count) captured samples make more scripts than pgbench takes (\(Self.maximumScripts)); use fewer --same-work-samples")
        }
        var names: [String: String] = [:]
        var variables: [(name: String, value: String)] = []
        func variable(for value: String) -> String {
            if let name = names[value] { return name }
            let name = "v\(variables.count + 1)"
            names[value] = name
            variables.append((name, value))
            return name
        }
        let unitsPerGroup = Dictionary(grouping: units, by: \.group).mapValues(\.count)
        var rawWeights: [Double] = []
        var scripts: [Script] = []
        for (unitIndex, unit) in units.enumerated() {
            var text = "-- \(Self.commentSafe(unit.group)), captured from dangjiand\n"
            // Values a returned column stands for, once the statement that returned it ran.
            var substitutions: [String: String] = [:]
            for invocation in unit.invocations {
                text += "-- \(Self.commentSafe(invocation.line))\n"
                var returningTaken = !substitutions.isEmpty
                for statement in invocation.statements {
                    let rewritten = PgbenchSQL.rewrite(statement.sql) { number in
                        guard number >= 1, number <= statement.parameters.count else { return "$\(number)" }
                        let type = parameterType(statement.sql, number)
                        guard let value = statement.parameters[number - 1] else { return type.map { "NULL::\($0)" } ?? "NULL" }
                        let name = substitutions[value] ?? variable(for: value)
                        return type.map { "(:\(name)::\($0))" } ?? ":" + name
                    }
                    var sql = Substring(rewritten)
                    while let last = sql.last, last.isWhitespace || last == ";" { sql = sql.dropLast() }
                    guard !sql.isEmpty else { continue }
                    // The first INSERT … RETURNING of a command that created a record with
                    // fields the reply shows.
                    let prefix = "u\(unitIndex + 1)_"
                    let columns = returningTaken ? [] : Self.returningColumns(statement.sql).filter { invocation.fields[$0]?.isEmpty == false }
                    if !columns.isEmpty, statement.sql.uppercased().contains("INSERT") {
                        text += sql + "\n\\gset \(prefix)\n"
                        for column in columns { substitutions[invocation.fields[column]!] = prefix + column }
                        returningTaken = true
                    } else {
                        text += sql + ";\n"
                    }
                }
            }
            let commands = max(1, unit.invocations.count)
            scripts.append(Script(group: unit.group, text: text, weight: 0, commands: commands))
            rawWeights.append((shares[unit.group] ?? 0) / Double(commands) / Double(unitsPerGroup[unit.group] ?? 1))
        }
        // Integer weights, the smallest about 1,000 so that rounding moves shares by < 0.1 %.
        let smallest = rawWeights.filter { $0 > 0 }.min() ?? 1
        for index in scripts.indices {
            scripts[index].weight = rawWeights[index] > 0 ? max(1, Int((rawWeights[index] / smallest * 1_000).rounded())) : 0
        }
        self.scripts = scripts.filter { $0.weight > 0 }
        self.variables = variables
    }

    /// The script files, named as pgbench is given them, and the pgbench arguments that run
    /// them (`-f file@weight`, `-D name=value`).
    func arguments(directory: URL) throws -> [String] {
        var arguments: [String] = []
        for (index, script) in scripts.enumerated() {
            let file = directory.appendingPathComponent(String(format: "script-%03d.sql", index))
            try script.text.write(to: file, atomically: true, encoding: .utf8)
            arguments += ["-f", "\(file.path)@\(script.weight)"]
        }
        for (name, value) in variables { arguments += ["-D", "\(name)=\(value)"] }
        return arguments
    }

    /// Writes the scripts to `directory` with `arguments.txt`, pgbench's arguments one per
    /// line (values with a newline are written escaped as `\n`).
    func save(in directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let lines = try arguments(directory: directory).map { $0.replacingOccurrences(of: "\n", with: "\\n") }
        try (lines.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("arguments.txt"), atomically: true, encoding: .utf8)
    }

    /// The names of the columns a statement's last `RETURNING` clause returns (its aliases),
    /// lowercased; only names pgbench can use in a variable.
    static func returningColumns(_ sql: String) -> [String] {
        guard let range = sql.range(of: "RETURNING", options: [.caseInsensitive, .backwards]) else { return [] }
        var items: [String] = []
        var depth = 0
        var current = ""
        for character in sql[range.upperBound...] {
            switch character {
            case "(": depth += 1
            case ")":
                depth -= 1
                // The RETURNING of a statement inside parentheses (a CTE): not what this one returns.
                if depth < 0 { return [] }
            case "," where depth == 0:
                items.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        items.append(current)
        return items.compactMap { item in
            let words = item.split { $0.isWhitespace }
            guard var name = words.last.map(String.init) else { return nil }
            if let dot = name.lastIndex(of: ".") { name = String(name[name.index(after: dot)...]) }
            name = name.trimmingCharacters(in: CharacterSet(charactersIn: "\";")).lowercased()
            guard let first = name.unicodeScalars.first, first == "_" || ("a"..."z").contains(first),
                name.unicodeScalars.allSatisfy({ $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) })
            else { return nil }
            return name
        }
    }

    /// Text for a `--` comment line: one line, with no colon pgbench could take for a variable.
    private static func commentSafe(_ text: String) -> String {
        String(text.map { $0 == ":" || $0.isNewline || $0 == "\\" ? " " : $0 })
    }
}
