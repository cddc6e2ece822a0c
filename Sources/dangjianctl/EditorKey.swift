/// A key press the line editor understands, decoded from terminal input by ``KeyDecoder``.
enum EditorKey: Equatable, Sendable {
    /// Printable text (one character, or several when pasted).
    case text(String)
    /// Enter (CR or LF).
    case enter
    /// Backspace or Ctrl-H: delete before the cursor.
    case backspace
    /// Delete: delete under the cursor.
    case delete
    /// Left arrow or Ctrl-B.
    case left
    /// Right arrow or Ctrl-F.
    case right
    /// Home or Ctrl-A.
    case home
    /// End or Ctrl-E.
    case end
    /// Up arrow or Ctrl-P: the previous history entry.
    case up
    /// Down arrow or Ctrl-N: the next history entry.
    case down
    /// Ctrl-U: delete the whole line.
    case killLine
    /// Ctrl-K: delete from the cursor to the end.
    case killToEnd
    /// Ctrl-W: delete the word before the cursor.
    case deleteWord
    /// Ctrl-C: abandon the line.
    case interrupt
    /// Ctrl-D: end of input on an empty line, else delete under the cursor.
    case endOfInput
    /// Ctrl-L: clear the screen.
    case clearScreen
}
