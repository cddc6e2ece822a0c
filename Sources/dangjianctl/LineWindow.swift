/// The part of the line that fits on the terminal after the prompt, and where the cursor is
/// within it.
///
/// A line wider than the space left scrolls sideways: it shows from the start when the
/// cursor fits, else just enough of the text before the cursor to keep the cursor on
/// screen. Widths are display widths (``DisplayWidth``), so a wide character is never cut
/// in half.
struct LineWindow: Equatable, Sendable {
    /// The characters to draw.
    var visible: String
    /// The cursor's column, counted from the first drawn character.
    var cursorColumn: Int

    /// Lays out `buffer` with the cursor at `cursor` in `columns` columns (at least 2).
    init(buffer: [Character], cursor: Int, columns: Int) {
        let columns = max(columns, 2)
        let widths = buffer.map { DisplayWidth.of($0) }
        // Room for the cursor itself: the character under it, or one blank at the end.
        let cursorWidth = cursor < widths.count ? max(widths[cursor], 1) : 1
        var start = 0
        var beforeCursor = widths[..<cursor].reduce(0, +)
        while start < cursor, beforeCursor + cursorWidth > columns {
            beforeCursor -= widths[start]
            start += 1
        }
        var end = start
        var used = 0
        while end < buffer.count, used + widths[end] <= columns {
            used += widths[end]
            end += 1
        }
        visible = String(buffer[start..<end])
        cursorColumn = beforeCursor
    }
}
