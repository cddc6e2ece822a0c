import Testing

@testable import dangjianctl

@Suite("Fitting the line on the terminal")
struct LineWindowTests {
    @Test(arguments: [
        // text, cursor, columns, visible, cursor column
        ("ping", 4, 20, "ping", 4),
        ("ping", 0, 20, "ping", 0),
        ("党建工作", 2, 20, "党建工作", 4),
        ("党建工作", 4, 20, "党建工作", 8),
        ("abcdefghij", 10, 5, "ghij", 4),  // cursor at the end: the tail, and room for the cursor
        ("abcdefghij", 0, 5, "abcde", 0),  // cursor at the start: the head
        ("abcdefghij", 5, 5, "bcdef", 4),  // cursor in the middle: scrolled just enough
        ("党建工作检查", 6, 7, "作检查", 6),  // wide characters are never cut in half
        ("党建工作检查", 0, 7, "党建工", 0),
        ("a党b", 1, 2, "党", 0),  // the cursor's own character must fit
    ])
    func window(text: String, cursor: Int, columns: Int, visible: String, cursorColumn: Int) {
        let window = LineWindow(buffer: Array(text), cursor: cursor, columns: columns)
        #expect(window.visible == visible)
        #expect(window.cursorColumn == cursorColumn)
        #expect(DisplayWidth.of(window.visible) <= columns)
    }
}
