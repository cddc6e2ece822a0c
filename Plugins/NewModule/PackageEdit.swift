import Foundation

/// One change to a file outside the module: inserted at a marker line, so that a module
/// author never edits the package, the catalog or the code list by hand.
enum PackageEdit {
    /// `line` above the line holding `marker`, indented like it.
    case insert(before: String, String)
    /// `import <module>` among the file's imports, in order.
    case importModule(String)
    /// `line` at the end of the file.
    case appendLine(String)

    /// What to do by hand when the file has no marker.
    var instruction: String {
        switch self {
        case .insert(let marker, let text): "add \(text.split(separator: "\n").first ?? "") … above “\(marker)”"
        case .importModule(let module): "add import \(module)"
        case .appendLine(let line): "add \(line)"
        }
    }

    /// The file's new text; nil when its marker is missing; the text itself when the
    /// change is there already.
    func apply(to text: String) -> String? {
        var lines = text.components(separatedBy: "\n")
        switch self {
        case .insert(let marker, let block):
            guard let at = lines.firstIndex(where: { $0.contains(marker) }) else { return nil }
            let indent = String(lines[at].prefix { $0 == " " })
            let added = block.components(separatedBy: "\n").map { indent + $0 }
            if lines.contains(where: { $0 == added[0] }) && added.count == 1 { return text }
            if added.count > 1, text.contains(added[1].trimmingCharacters(in: .whitespaces)) { return text }
            lines.insert(contentsOf: added, at: at)
        case .importModule(let module):
            let imports = lines.indices.filter { lines[$0].hasPrefix("import ") || lines[$0].hasPrefix("public import ") }
            guard let last = imports.last else { return nil }
            func name(_ line: String) -> String { String(line.split(separator: " ").last ?? "") }
            if imports.contains(where: { name(lines[$0]) == module }) { return text }
            let at = imports.first { name(lines[$0]) > module } ?? last + 1
            lines.insert("import \(module)", at: at)
        case .appendLine(let line):
            if lines.contains(line) { return text }
            while lines.last == "" { lines.removeLast() }
            lines += [line, ""]
        }
        return lines.joined(separator: "\n")
    }
}
