import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the first worksheet of an `.xlsx` workbook as text cells: ZIPFoundation opens the
/// archive and Foundation's XML parser reads its parts (the workbook's sheet list and
/// relationships, the shared strings, the cell styles and the sheet), so neither the zip
/// container nor XML is read by hand. Numbers come back as written (`12`, `1.5`), a cell
/// styled as a date or date-time as `2026-01-31` or `2026-01-31 09:30`, booleans as
/// true/false, formulas as their cached results.
enum XLSXSheetReader {
    /// The rows of the first sheet, each with its row number.
    static func firstSheet(of path: String) throws(ClientError) -> [(row: Int, cells: [String])] {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw ClientError.export("cannot read \(path) as a workbook (.xlsx): \(error)")
        }
        func part(_ name: String) throws(ClientError) -> Data? {
            guard let entry = archive[name] else { return nil }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            } catch {
                throw ClientError.export("\(path): cannot read \(name): \(error)")
            }
            return data
        }
        guard let workbook = try part("xl/workbook.xml"), let relationships = try part("xl/_rels/workbook.xml.rels") else {
            throw ClientError.export("\(path) is not an Excel workbook (no xl/workbook.xml)")
        }
        let first = XMLElements(data: workbook, names: ["sheet"]).elements.first
        guard let sheetID = first?["r:id"] else { throw ClientError.export("\(path) has no worksheet") }
        let target = XMLElements(data: relationships, names: ["Relationship"]).elements.first { $0["Id"] == sheetID }?["Target"] ?? ""
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheet = try part(sheetPath) else { throw ClientError.export("\(path): the first sheet \(sheetPath) is missing") }
        let strings = try part("xl/sharedStrings.xml").map(SharedStrings.read) ?? []
        let dateStyles = try part("xl/styles.xml").map(DateStyles.read) ?? []
        return SheetCells.read(sheet, strings: strings, dateStyles: dateStyles)
    }

    /// Every element with one of `names`, with its attributes, in document order.
    private final class XMLElements: NSObject, XMLParserDelegate {
        var elements: [[String: String]] = []
        private let names: Set<String>

        init(data: Data, names: Set<String>) {
            self.names = names
            super.init()
            let parser = XMLParser(data: data)
            parser.delegate = self
            parser.parse()
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
        ) {
            if names.contains(name) { elements.append(attributes) }
        }
    }

    /// `xl/sharedStrings.xml`: each `<si>`'s text (its runs joined).
    private final class SharedStrings: NSObject, XMLParserDelegate {
        private var strings: [String] = []
        private var current: String?
        private var inText = false

        static func read(_ data: Data) -> [String] {
            let reader = SharedStrings()
            let parser = XMLParser(data: data)
            parser.delegate = reader
            parser.parse()
            return reader.strings
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
        ) {
            if name == "si" { current = "" }
            if name == "t" { inText = true }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current? += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "t" { inText = false }
            if name == "si" {
                strings.append(current ?? "")
                current = nil
            }
        }
    }

    /// `xl/styles.xml`: which cell styles (`s=` indexes into `cellXfs`) show a date, and
    /// whether with a time.
    private final class DateStyles: NSObject, XMLParserDelegate {
        private var formats: [Int: String] = [:]
        private var styles: [Int] = []
        private var inCellXfs = false

        /// For each style index: nil (not a date), false (a date), true (a date and time).
        static func read(_ data: Data) -> [Bool?] {
            let reader = DateStyles()
            let parser = XMLParser(data: data)
            parser.delegate = reader
            parser.parse()
            return reader.styles.map { id in
                if (14...17).contains(id) { return false }
                if (18...22).contains(id) || (45...47).contains(id) { return true }
                guard let code = reader.formats[id]?.lowercased() else { return nil }
                let bare = code.replacingOccurrences(of: #"\[[^\]]*\]|"[^"]*""#, with: "", options: .regularExpression)
                guard bare.contains("y") || bare.contains("d") else { return nil }
                return bare.contains("h") || bare.contains("s")
            }
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
        ) {
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { formats[id] = code }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs: styles.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "cellXfs" { inCellXfs = false }
        }
    }

    /// A worksheet's cells as text rows.
    private final class SheetCells: NSObject, XMLParserDelegate {
        private let strings: [String]
        private let dateStyles: [Bool?]
        private var rows: [(row: Int, cells: [String])] = []
        private var cells: [Int: String] = [:]
        private var rowNumber = 0
        private var cell: (column: Int, type: String, style: Int)?
        private var value = ""
        private var inValue = false

        init(strings: [String], dateStyles: [Bool?]) {
            self.strings = strings
            self.dateStyles = dateStyles
        }

        static func read(_ data: Data, strings: [String], dateStyles: [Bool?]) -> [(row: Int, cells: [String])] {
            let reader = SheetCells(strings: strings, dateStyles: dateStyles)
            let parser = XMLParser(data: data)
            parser.delegate = reader
            parser.parse()
            return reader.rows
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
        ) {
            switch name {
            case "row":
                rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
                cells = [:]
            case "c":
                // `B2` names column 1; a cell without a reference follows the one before it.
                let reference = attributes["r"] ?? ""
                let letters = reference.prefix { $0.isLetter }.uppercased().unicodeScalars
                let column = letters.isEmpty ? (cells.keys.max().map { $0 + 1 } ?? 0) : letters.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
                cell = (column, attributes["t"] ?? "n", attributes["s"].flatMap(Int.init) ?? 0)
                value = ""
            case "v", "t":
                inValue = cell != nil
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inValue { value += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "v", "t":
                inValue = false
            case "c":
                if let cell { cells[cell.column] = text(of: value, type: cell.type, style: cell.style) }
                cell = nil
            case "row":
                let width = (cells.keys.max() ?? -1) + 1
                rows.append((rowNumber, (0..<width).map { cells[$0] ?? "" }))
            default: break
            }
        }

        /// The text a cell shows for the import.
        private func text(of value: String, type: String, style: Int) -> String {
            switch type {
            case "s": return Int(value).flatMap { $0 < strings.count ? strings[$0] : nil } ?? ""
            case "b": return value == "1" ? "true" : "false"
            case "inlineStr", "str", "e": return value
            default:
                guard let number = Double(value) else { return value }
                if style < dateStyles.count, let withTime = dateStyles[style] { return Self.date(serial: number, withTime: withTime) }
                if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
                return value
            }
        }

        /// Excel's day number (1900 system; day 0 is 1899-12-30) as a day, with its time.
        static func date(serial: Double, withTime: Bool) -> String {
            let seconds = (serial * 86_400).rounded()
            let date = Date(timeIntervalSince1970: seconds - 25_569 * 86_400)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
            return withTime ? day + String(format: " %02d:%02d", parts.hour ?? 0, parts.minute ?? 0) : day
        }
    }
}
