/// Collects bytes as they arrive and hands out complete newline-terminated lines.
///
/// Lines are returned without their `\n` (and without a `\r` before it). Bytes after the
/// last newline stay buffered until more arrive or ``takeRemainder()`` is called at end
/// of input.
struct LineBuffer: Sendable {
    /// The bytes received and not yet handed out.
    private var storage: [UInt8] = []
    /// Where the next line starts.
    private var start = 0
    /// Where to continue looking for a newline: everything before it was already searched.
    private var searched = 0

    /// Creates an empty buffer.
    init() {}

    /// Whether bytes of an unfinished line are buffered.
    var hasPartialLine: Bool { start < storage.count }

    /// Adds bytes.
    mutating func append(_ bytes: some Sequence<UInt8>) {
        storage.append(contentsOf: bytes)
    }

    /// The next complete line, or nil when no newline has arrived yet.
    mutating func nextLine() -> [UInt8]? {
        guard let newline = storage[searched...].firstIndex(of: UInt8(ascii: "\n")) else {
            searched = storage.count
            return nil
        }
        var end = newline
        if end > start, storage[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = Array(storage[start..<end])
        start = newline + 1
        searched = start
        compactIfWorthwhile()
        return line
    }

    /// The buffered bytes of an unfinished line (nil when there are none), emptying the
    /// buffer; for the last line of input that lacks a newline.
    mutating func takeRemainder() -> [UInt8]? {
        guard hasPartialLine else { return nil }
        var line = Array(storage[start...])
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        storage.removeAll()
        start = 0
        searched = 0
        return line
    }

    /// Drops consumed bytes once they are at least half of the storage, so appending stays
    /// amortised O(1) per byte.
    private mutating func compactIfWorthwhile() {
        guard start > 4096, start * 2 >= storage.count else { return }
        storage.removeSubrange(..<start)
        searched -= start
        start = 0
    }
}
