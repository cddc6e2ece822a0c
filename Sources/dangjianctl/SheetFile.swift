import CSV
import Foundation

/// A register read from a spreadsheet for an import: `.csv` (any RFC 4180 file in UTF-8, with
/// or without Excel's byte-order mark) through CSV.swift, `.xlsx` (the first sheet) through
/// ``XLSXSheetReader``. The first row is the header; blank rows are skipped; each data row
/// remembers the line (CSV) or row (workbook) it came from, for messages.
struct SheetFile: Equatable, Sendable {
    /// The header's cells.
    var header: [String]
    /// The data rows, each with its place in the file.
    var rows: [(line: Int, cells: [String])]

    static func == (lhs: SheetFile, rhs: SheetFile) -> Bool {
        lhs.header == rhs.header && lhs.rows.map(\.line) == rhs.rows.map(\.line) && lhs.rows.map(\.cells) == rhs.rows.map(\.cells)
    }

    /// Reads `path` by its extension.
    static func read(_ path: String) throws(ClientError) -> SheetFile {
        guard let format = ExportFormat(path: path) else {
            throw ClientError.export("\(path): an import reads a .csv or .xlsx file")
        }
        switch format {
        case .csv:
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ClientError.export("cannot read \(path): no such file, or not readable")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ClientError.export("\(path) is not UTF-8 text; save it as CSV UTF-8 and run again")
            }
            return try csv(text, path: path)
        case .xlsx:
            return try table(XLSXSheetReader.firstSheet(of: path).map { ($0.row, $0.cells) }, path: path)
        }
    }

    /// A CSV file's rows (the byte-order mark dropped).
    static func csv(_ text: String, path: String) throws(ClientError) -> SheetFile {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: false)
        } catch {
            throw ClientError.export("\(path) is not CSV: \(error)")
        }
        var records: [(Int, [String])] = []
        var line = 1
        while let record = reader.next() {
            records.append((line, record))
            line += 1 + record.reduce(0) { $0 + $1.filter(\.isNewline).count }
        }
        if let error = reader.error { throw ClientError.export("\(path): not CSV near line \(line): \(error)") }
        return try table(records, path: path)
    }

    /// The header and the non-blank rows of `records`, each padded to the header's width.
    private static func table(_ records: [(Int, [String])], path: String) throws(ClientError) -> SheetFile {
        let filled = records.filter { !$0.1.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
        guard let header = filled.first else { throw ClientError.export("\(path) is empty: it needs a header row and rows") }
        let width = header.1.count
        var rows: [(line: Int, cells: [String])] = []
        for (line, cells) in filled.dropFirst() {
            if cells.count > width, !cells[width...].allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
                throw ClientError.export("\(path):\(line): \(cells.count) cells, more than the header's \(width) columns")
            }
            rows.append((line, Array((cells + Array(repeating: "", count: max(0, width - cells.count))).prefix(width))))
        }
        return SheetFile(header: header.1.map { $0.trimmingCharacters(in: .whitespaces) }, rows: rows)
    }
}
