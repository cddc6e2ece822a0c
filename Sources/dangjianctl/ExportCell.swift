import Foundation

/// One cell of an exported table, with the kind of value the daemon said the column holds.
enum ExportCell: Equatable, Sendable {
    case empty
    case integer(Int64)
    case number(Double)
    case bool(Bool)
    case text(String)
    /// A calendar day.
    case date(year: Int, month: Int, day: Int)
    /// A moment, as the daemon wrote it in its time zone.
    case timestamp(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double)

    /// The cell for a JSON value of a column of `type` (the JSON table's `types`).
    init(json value: Any?, type: String) {
        switch value {
        case nil, is NSNull:
            self = .empty
        case let number as NSNumber where type == "bool":
            self = .bool(number.boolValue)
        case let number as NSNumber:
            if type == "int", let integer = Int64(exactly: number.doubleValue) {
                self = .integer(integer)
            } else {
                self = .number(number.doubleValue)
            }
        case let text as String:
            self = Self.parsed(text, type: type) ?? .text(text)
        case let list as [Any]:
            self = .text(list.map { Self(json: $0, type: "string").text }.joined(separator: "、"))
        default:
            self = .text("\(value!)")
        }
    }

    /// `2026-01-31` as a date, `2026-01-31 09:30` or `2026-01-31T09:30:00+08:00` as a timestamp
    /// (the clock time as written), for columns of those types.
    private static func parsed(_ text: String, type: String) -> ExportCell? {
        let digits = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        switch type {
        case "date" where digits.count == 3:
            return .date(year: digits[0], month: digits[1], day: digits[2])
        case "timestamp" where digits.count >= 5:
            return .timestamp(
                year: digits[0], month: digits[1], day: digits[2], hour: digits[3], minute: digits[4],
                second: digits.count > 5 && text.count > 16 && text[text.index(text.startIndex, offsetBy: 16)] == ":" ? Double(digits[5]) : 0
            )
        default:
            return nil
        }
    }

    /// The cell as text (CSV, column widths).
    var text: String {
        switch self {
        case .empty: ""
        case .integer(let value): String(value)
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .bool(let value): value ? "true" : "false"
        case .text(let value): value
        case .date(let year, let month, let day): String(format: "%04d-%02d-%02d", year, month, day)
        case .timestamp(let year, let month, let day, let hour, let minute, let second):
            second == 0
                ? String(format: "%04d-%02d-%02d %02d:%02d", year, month, day, hour, minute)
                : String(format: "%04d-%02d-%02d %02d:%02d:%02.0f", year, month, day, hour, minute, second)
        }
    }
}
