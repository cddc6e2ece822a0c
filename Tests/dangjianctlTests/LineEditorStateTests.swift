import Testing

@testable import dangjianctl

@Suite("Line editor state machine")
struct LineEditorStateTests {
    /// Applies `keys` in order and returns the state and the last outcome.
    private func apply(_ keys: [EditorKey], to start: LineEditorState = LineEditorState()) -> (LineEditorState, LineEditorState.Outcome?) {
        var state = start
        var outcome: LineEditorState.Outcome?
        for key in keys { outcome = state.handle(key) }
        return (state, outcome)
    }

    @Test(arguments: [
        // keys, expected text, expected cursor
        ([EditorKey.text("ping")], "ping", 4),
        ([.text("党建")], "党建", 2),
        ([.text("党建"), .left, .text("x")], "党x建", 2),
        ([.text("党建工作"), .left, .left, .backspace], "党工作", 1),
        ([.text("党建工作"), .home, .delete], "建工作", 0),
        ([.text("abc"), .home, .right, .text("党")], "a党bc", 2),
        ([.text("abc"), .left, .left, .end, .text("d")], "abcd", 4),
        ([.text("grid case list"), .killLine], "", 0),
        ([.text("grid case list"), .left, .left, .left, .left, .killToEnd], "grid case ", 10),
        ([.text("grid case list"), .deleteWord], "grid case ", 10),
        ([.text("grid case  "), .deleteWord], "grid ", 5),
        ([.text("e"), .text("\u{301}")], "e\u{301}", 1),  // a combining mark joins its letter
        ([.text("ab"), .left, .text("\u{301}")], "a\u{301}b", 1),
        ([.text("x"), .endOfInput], "x", 1),  // Ctrl-D at the end of a non-empty line: nothing to delete
        ([.text("xy"), .home, .endOfInput], "y", 0),  // Ctrl-D deletes under the cursor
    ])
    func editing(keys: [EditorKey], text: String, cursor: Int) {
        let (state, _) = apply(keys)
        #expect(state.text == text)
        #expect(state.cursor == cursor)
    }

    @Test(arguments: [
        ([EditorKey.backspace], LineEditorState.Outcome.bell),
        ([.left], .bell),
        ([.text("a"), .right], .bell),
        ([.delete], .bell),
        ([.endOfInput], .endOfInput),
        ([.text("a"), .killLine, .endOfInput], .endOfInput),
        ([.clearScreen], .clearScreen),
        ([.down], .bell),
        ([.up], .bell),
    ])
    func outcomes(keys: [EditorKey], expected: LineEditorState.Outcome) {
        #expect(apply(keys).1 == expected)
    }

    @Test func enterSubmitsTheWholeLineWhereverTheCursorIs() {
        let (state, outcome) = apply([.text("grid case list"), .home, .enter])
        #expect(outcome == .submit("grid case list"))
        #expect(state.text.isEmpty)
        #expect(state.cursor == 0)
    }

    @Test func ctrlCAbandonsTheLine() {
        let (state, outcome) = apply([.text("org unit delete id=1"), .interrupt])
        #expect(outcome == .cancel)
        #expect(state.text.isEmpty)
    }

    @Test func historyUpAndDown() {
        let start = LineEditorState(history: ["ping", "grid case list", "党建 status"])
        var (state, _) = apply([.text("draft"), .up], to: start)
        #expect(state.text == "党建 status")
        #expect(state.cursor == 9)
        #expect(state.historyIndex == 2)
        (state, _) = apply([.up, .up], to: state)
        #expect(state.text == "ping")
        #expect(apply([.up], to: state).1 == .bell)  // nothing older
        (state, _) = apply([.down], to: state)
        #expect(state.text == "grid case list")
        (state, _) = apply([.down, .down], to: state)
        #expect(state.text == "draft")  // past the newest entry: the line being written
        #expect(state.historyIndex == nil)
        #expect(apply([.down], to: state).1 == .bell)
    }

    @Test func editingARecalledLineSubmitsTheEditNotTheEntry() {
        let start = LineEditorState(history: ["grid case show id=4"])
        let (state, outcome) = apply([.up, .backspace, .text("2"), .enter], to: start)
        #expect(outcome == .submit("grid case show id=2"))
        #expect(state.history == ["grid case show id=4"])
        #expect(state.historyIndex == nil)
    }

    @Test func replacedHistoryIsBrowsedFromTheNewest() {
        var state = LineEditorState(history: ["a"])
        state.replaceHistory(["a", "b"])
        _ = state.handle(.up)
        #expect(state.text == "b")
    }
}
