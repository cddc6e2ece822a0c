import Foundation

/// Small helpers for writing SVG by hand: escaped text and short numbers.
enum SVGText {
    /// `text` safe inside an element or a double-quoted attribute.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n", "\r", "\t": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// A coordinate with one decimal (`123.4`).
    static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    /// `x,y x,y …` for a polygon's points attribute.
    static func points(_ points: [(x: Double, y: Double)]) -> String {
        points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
    }
}
