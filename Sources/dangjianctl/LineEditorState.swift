/// The line being edited at the prompt, as a pure state machine: a buffer of characters, a
/// cursor, and the position in the history. ``handle(_:)`` applies one key and says what
/// the editor should do next; nothing here touches a terminal, so every key's effect can be
/// tested on its own.
///
/// The buffer holds grapheme clusters (`Character`), so the cursor never stops inside one:
/// a CJK character, an emoji or a letter with its combining accent moves and deletes as
/// one.
struct LineEditorState: Equatable, Sendable {
    /// What the editor does after a key.
    enum Outcome: Equatable, Sendable {
        /// Redraw the line and read the next key.
        case edit
        /// The operator pressed Enter: this is the line.
        case submit(String)
        /// Ctrl-C: the line is abandoned; show a fresh prompt.
        case cancel
        /// Ctrl-D on an empty line: leave.
        case endOfInput
        /// Clear the screen, then redraw.
        case clearScreen
        /// The key does nothing here (Backspace at the start): ring the bell.
        case bell
    }

    /// The line's characters.
    private(set) var buffer: [Character]
    /// The cursor, as an index into ``buffer`` (0…count).
    private(set) var cursor: Int
    /// Earlier lines, oldest first.
    private(set) var history: [String]
    /// Which history entry is shown, nil while editing a new line.
    private(set) var historyIndex: Int?
    /// The new line being written before the operator went up into the history, so Down
    /// past the newest entry brings it back.
    private var draft: [Character] = []

    /// Starts an empty line with `history` to browse.
    init(history: [String] = [], text: String = "") {
        self.history = history
        self.buffer = Array(text)
        self.cursor = buffer.count
        self.historyIndex = nil
    }

    /// The line's text.
    var text: String { String(buffer) }

    /// Applies `key`.
    mutating func handle(_ key: EditorKey) -> Outcome {
        switch key {
        case .text(let text):
            insert(text)
        case .enter:
            let line = self.text
            reset()
            return .submit(line)
        case .backspace:
            guard cursor > 0 else { return .bell }
            buffer.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            guard cursor < buffer.count else { return .bell }
            buffer.remove(at: cursor)
        case .left:
            guard cursor > 0 else { return .bell }
            cursor -= 1
        case .right:
            guard cursor < buffer.count else { return .bell }
            cursor += 1
        case .home:
            cursor = 0
        case .end:
            cursor = buffer.count
        case .up:
            return showHistory(at: (historyIndex ?? history.count) - 1)
        case .down:
            guard let historyIndex else { return .bell }
            return showHistory(at: historyIndex + 1)
        case .killLine:
            buffer.removeAll()
            cursor = 0
        case .killToEnd:
            buffer.removeSubrange(cursor...)
        case .deleteWord:
            var start = cursor
            while start > 0, buffer[start - 1] == " " { start -= 1 }
            while start > 0, buffer[start - 1] != " " { start -= 1 }
            buffer.removeSubrange(start..<cursor)
            cursor = start
        case .interrupt:
            reset()
            return .cancel
        case .endOfInput:
            if buffer.isEmpty { return .endOfInput }
            guard cursor < buffer.count else { return .bell }
            buffer.remove(at: cursor)
        case .clearScreen:
            return .clearScreen
        }
        return .edit
    }

    /// Replaces the lines browsed with Up and Down, after the caller added one.
    mutating func replaceHistory(_ entries: [String]) {
        history = entries
        historyIndex = nil
    }

    /// Inserts `text` at the cursor. Text that joins with its neighbours (a combining mark
    /// after a letter) merges into their grapheme, and the cursor ends after the insertion.
    private mutating func insert(_ text: String) {
        let before = String(buffer[..<cursor])
        let after = String(buffer[cursor...])
        let targetScalars = before.unicodeScalars.count + text.unicodeScalars.count
        buffer = Array(before + text + after)
        var scalars = 0
        cursor = 0
        while cursor < buffer.count, scalars < targetScalars {
            scalars += buffer[cursor].unicodeScalars.count
            cursor += 1
        }
    }

    /// Shows history entry `index`, or the draft when `index` is past the newest entry.
    private mutating func showHistory(at index: Int) -> Outcome {
        guard index >= 0 else { return .bell }
        if historyIndex == nil {
            guard index < history.count else { return .bell }
            draft = buffer
        }
        if index >= history.count {
            buffer = draft
            historyIndex = nil
        } else {
            buffer = Array(history[index])
            historyIndex = index
        }
        cursor = buffer.count
        return .edit
    }

    /// Empties the line for the next prompt.
    private mutating func reset() {
        buffer.removeAll()
        cursor = 0
        historyIndex = nil
        draft.removeAll()
    }
}
