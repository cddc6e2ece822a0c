import Foundation
public import WorkbenchKit
import WorkbenchPostgres

extension CalendarCommands {
    /// `calendar import <<N` (admin): many days at once, in one transaction, through the rows
    /// form (columns date, kind, name). Every row is checked by the rules of `calendar set`
    /// first; one refused row refuses the import and changes nothing.
    static var importDays: CommandSpec {
        CommandSpec(
            "calendar import",
            synopsis: "Set many holidays and make-up working days at once, all or none (the rows form)",
            help: """
                Sends the days as rows after the request line: 'calendar import <<N', then N lines, a header naming
                the columns date, kind and name (in any order) and one tab-separated line per day. Every row is
                checked as 'calendar set' checks one day; a refused row is a 4xx naming the row and the column, and
                nothing is changed. Otherwise all are set in one transaction: new days added, existing ones renamed
                or re-kinded. dangjianctl calendar import FILE sends a file of date,kind,name lines this way.
                """,
            arguments: [],
            role: .admin,
            mutates: true
        ) { invocation in
            try await importRows(invocation)
        }
        .takingRows(
            RowsSpec(
                columns: [
                    .init("date", help: "the day, YYYY-MM-DD"), .init("kind", help: "holiday or workday"),
                    .init("name", help: "what it is, e.g. 国庆节"),
                ],
                maximumRows: 5_000
            )
        )
    }

    /// One checked row.
    private struct Day {
        var day: CalendarDate
        var kind: String
        var name: String
    }

    private static func importRows(_ invocation: Invocation) async throws -> Reply {
        guard let rows = invocation.rows else { throw WorkbenchError.syntax("calendar import reads rows") }
        var days: [Day] = []
        var seen: [CalendarDate: Int] = [:]
        for number in rows.rows.indices.map({ $0 + 1 }) {
            func refused(
                _ column: String, _ message: String, status: ReplyStatus = .badRequest, code: String = WorkbenchErrorCode.argumentInvalid
            ) -> WorkbenchError {
                WorkbenchError(status: status, code: code, message: "row \(number), column \(column): \(message)", argument: column)
            }
            let text = rows.value("date", row: number) ?? ""
            guard let day = CalendarDate(text.trimmingCharacters(in: .whitespaces)), ArgumentType.dateRange.contains(day) else {
                throw refused(
                    "date",
                    "\"\(text)\" is not a date as YYYY-MM-DD from \(ArgumentType.dateRange.lowerBound) to \(ArgumentType.dateRange.upperBound)")
            }
            let kind = (rows.value("kind", row: number) ?? "").trimmingCharacters(in: .whitespaces)
            guard kind == "holiday" || kind == "workday" else { throw refused("kind", "\"\(kind)\" is not holiday or workday") }
            if let first = seen[day] { throw refused("date", "\(day) is also row \(first); give each day once") }
            seen[day] = number
            do {
                days.append(Day(day: day, kind: kind, name: try checked(day: day, kind: kind, name: rows.value("name", row: number) ?? "")))
            } catch let error as WorkbenchError {
                throw refused(error.argument ?? "date", error.message, status: error.status, code: error.code)
            }
        }
        guard !days.isEmpty else { throw WorkbenchError.syntax("the rows hold no day: send at least one row after the header") }
        let changed = try await invocation.database.query(
            Queries.importDays, [days.map(\.day.description), days.map(\.kind), days.map(\.name)]
        )
        var added = 0
        var updated = 0
        for row in changed {
            if try row.decode("added", as: Bool.self) { added += 1 } else { updated += 1 }
        }
        let unchanged = days.count - added - updated
        let years = Set(days.map(\.day.year)).sorted().map(String.init).joined(separator: ", ")
        return .record(
            [
                ("rows", .int(Int64(days.count))), ("added", .int(Int64(added))), ("changed", .int(Int64(updated))),
                ("unchanged", .int(Int64(unchanged))),
                ("years", .string(years)),
            ],
            summary: "imported \(days.count) day\(days.count == 1 ? "" : "s") of \(years): \(added) added, \(updated) changed, \(unchanged) unchanged"
        )
    }
}
