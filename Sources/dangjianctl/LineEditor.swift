#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads lines at a prompt on a terminal, with editing and history, without readline.
///
/// The terminal is in raw mode (``TerminalMode``) only while a line is being read, so
/// replies print with the terminal's usual settings. Keys are decoded by ``KeyDecoder``
/// and applied by ``LineEditorState``; after each key the line is redrawn in place: carriage
/// return, prompt, the visible part of the line (``LineWindow``), clear to end of line,
/// cursor to its column. Keys that arrive after Enter (a pasted block of lines) are kept
/// for the next line.
final class LineEditor {
    /// The prompt, such as `dangjian> `.
    let prompt: String
    /// The line being edited.
    private var state: LineEditorState
    /// Turns input bytes into keys.
    private var decoder = KeyDecoder()
    /// Keys read but not applied yet (those after an Enter).
    private var pendingKeys: [EditorKey] = []
    /// Where keys come from.
    private let input: Int32
    /// Where the line is drawn.
    private let output: Int32
    /// How long to wait for the rest of an escape sequence before taking Escape alone.
    private let escapeWaitMilliseconds: Int32 = 50

    /// Creates an editor reading keys from `input` and drawing on `output`.
    init(prompt: String, history: [String], input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        self.prompt = prompt
        self.state = LineEditorState(history: history)
        self.input = input
        self.output = output
    }

    /// Replaces the lines browsed with Up and Down.
    func setHistory(_ entries: [String]) {
        state.replaceHistory(entries)
    }

    /// Reads one line; nil at end of input (Ctrl-D on an empty line).
    func readLine() -> String? {
        guard TerminalMode.enterRawMode() else { return Self.readPlainLine(prompt: prompt, output: output) }
        defer { TerminalMode.leaveRawMode() }
        refresh()
        while true {
            if pendingKeys.isEmpty {
                guard let bytes = readKeys() else {
                    draw("\n")
                    return nil
                }
                pendingKeys = decoder.keys(from: bytes)
            }
            while !pendingKeys.isEmpty {
                let key = pendingKeys.removeFirst()
                switch state.handle(key) {
                case .edit:
                    if pendingKeys.isEmpty { refresh() }
                case .submit(let line):
                    refresh(state: LineEditorState(text: line))
                    draw("\n")
                    return line
                case .cancel:
                    draw("^C\n")
                    refresh()
                case .endOfInput:
                    draw("\n")
                    return nil
                case .clearScreen:
                    draw("\u{1B}[H\u{1B}[2J")
                    refresh()
                case .bell:
                    draw("\u{07}")
                }
            }
        }
    }

    /// Reads the next bytes from the terminal; nil at end of file or on an error. While an
    /// escape sequence is incomplete, waits only briefly for the rest.
    private func readKeys() -> [UInt8]? {
        while true {
            if decoder.isWaiting,
                POSIXIO.waitFor(input, events: Int16(POLLIN), milliseconds: escapeWaitMilliseconds) == 0
            {
                decoder.flush()
                continue
            }
            guard let bytes = try? POSIXIO.readSome(input, limit: 4096, what: "reading the terminal"), !bytes.isEmpty
            else { return nil }
            return bytes
        }
    }

    /// Redraws the prompt and the line, and puts the cursor in place.
    private func refresh(state shown: LineEditorState? = nil) {
        let shown = shown ?? state
        let promptWidth = DisplayWidth.of(prompt)
        let columns = TerminalMode.columns(output) - promptWidth - 1
        let window = LineWindow(buffer: shown.buffer, cursor: shown.cursor, columns: columns)
        var text = "\r" + prompt + window.visible + "\u{1B}[K\r"
        let cursorColumn = promptWidth + window.cursorColumn
        if cursorColumn > 0 { text += "\u{1B}[\(cursorColumn)C" }
        draw(text)
    }

    /// Writes `text` to the terminal.
    private func draw(_ text: String) {
        try? POSIXIO.writeAll(output, text.utf8, what: "writing to the terminal")
    }

    /// Reads a line without editing, when the terminal cannot be put in raw mode.
    private static func readPlainLine(prompt: String, output: Int32) -> String? {
        try? POSIXIO.writeAll(output, prompt.utf8, what: "writing to the terminal")
        return Swift.readLine(strippingNewline: true)
    }
}
