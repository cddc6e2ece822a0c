/// Turns reply text into something safe and legible on a terminal.
///
/// Table cells, record values and text lines arrive escaped (`\\`, `\t`, `\n`, `\r`, `\xHH`
/// for other controls); for display a backslash becomes
/// itself, a newline becomes `↵`, a tab `⇥` and a carriage return `␍`, so every cell stays
/// on one line and its display width is what the terminal shows. Any other control
/// character, in cells, record values or text lines, becomes `�`, so a value can never move
/// the cursor or change the terminal's colours.
enum CellText {
    /// Shown for a newline inside a cell.
    static let newlineMark: Character = "↵"
    /// Shown for a tab inside a cell.
    static let tabMark: Character = "⇥"
    /// Shown for a carriage return inside a cell.
    static let carriageReturnMark: Character = "␍"
    /// Shown for any other control character.
    static let replacement: Character = "\u{FFFD}"

    /// The display form of an escaped TSV cell. An unknown escape such as `\x` is kept as
    /// written.
    static func display(_ escaped: some StringProtocol) -> String {
        guard escaped.contains(where: { $0 == "\\" || isControl($0) }) else { return String(escaped) }
        var result = ""
        var characters = escaped.makeIterator()
        while let character = characters.next() {
            guard character == "\\" else {
                result.append(isControl(character) ? replacement : character)
                continue
            }
            switch characters.next() {
            case "\\": result.append("\\")
            case "n": result.append(newlineMark)
            case "t": result.append(tabMark)
            case "r": result.append(carriageReturnMark)
            case let other?:
                result.append("\\")
                result.append(isControl(other) ? replacement : other)
            case nil: result.append("\\")
            }
        }
        return result
    }

    /// `text` with control characters replaced by `�`.
    static func sanitized(_ text: some StringProtocol) -> String {
        guard text.contains(where: isControl) else { return String(text) }
        return String(text.map { isControl($0) ? replacement : $0 })
    }

    /// Whether `character` is (or starts with) a C0 or C1 control character or DEL.
    private static func isControl(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        return first.value < 0x20 || (0x7F...0x9F).contains(first.value)
    }
}
