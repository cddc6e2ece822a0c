public import Foundation

/// Reads the rows of a register import with the single command's own rules: each row is
/// bound as the arguments of the register's `add` command (`org unit add`), so every cell is
/// checked by the same argument types, ranges and messages as when an operator types it.
/// A blank cell is an argument left out (its default applies).
public enum RowBinding {
    /// The arguments row `row` (from 1) of `rows` gives `command`.
    ///
    /// - Throws: The ``WorkbenchError`` the command would answer, naming the argument (the
    ///   column).
    public static func arguments(
        ofRow row: Int, in rows: RequestRows, as command: CommandSpec, now: Date, timeZone: TimeZone
    ) throws(WorkbenchError) -> Arguments {
        var words: [CommandLineTokenizer.Word] = []
        for (index, column) in rows.columns.enumerated() {
            let value = rows.rows[row - 1][index]
            guard !value.allSatisfy(\.isWhitespace) else { continue }
            let text = column + "=" + value
            words.append(.init(text: text, wasQuoted: true, assignmentIndex: text.index(text.startIndex, offsetBy: column.count)))
        }
        return try ArgumentBinder.bind(words, to: command, now: now, timeZone: timeZone).arguments
    }
}
