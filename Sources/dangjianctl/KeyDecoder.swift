/// Decodes the bytes a terminal in raw mode sends into ``EditorKey`` values.
///
/// Handles UTF-8 (a character may arrive split over several reads), control keys
/// (Ctrl-A … Ctrl-W), and the escape sequences xterm-compatible terminals send for arrows,
/// Home, End and Delete in both normal (`ESC [`) and application (`ESC O`) cursor mode.
/// Unknown sequences and invalid bytes are dropped. A lone Escape is held until more input
/// arrives or ``flush()`` is called after a short pause.
struct KeyDecoder: Sendable {
    /// Bytes of a key not complete yet.
    private var pending: [UInt8] = []

    /// Creates a decoder with nothing pending.
    init() {}

    /// Whether bytes of an unfinished key are held (an escape sequence or a UTF-8
    /// character): the caller should wait briefly for the rest, then ``flush()``.
    var isWaiting: Bool { !pending.isEmpty }

    /// Decodes `bytes` (with anything held from before) into keys; consecutive printable
    /// characters come as one ``EditorKey/text(_:)``.
    mutating func keys(from bytes: some Sequence<UInt8>) -> [EditorKey] {
        pending.append(contentsOf: bytes)
        var keys: [EditorKey] = []
        var index = 0
        while index < pending.count {
            guard let (key, length) = Self.decode(pending[index...]) else { break }
            index += length
            guard let key else { continue }
            if case .text(let more) = key, case .text(let text)? = keys.last {
                keys[keys.count - 1] = .text(text + more)
            } else {
                keys.append(key)
            }
        }
        pending.removeSubrange(..<index)
        return keys
    }

    /// Gives up waiting for the rest of a held sequence: a lone Escape (or a cut-off
    /// sequence) is dropped.
    mutating func flush() {
        pending.removeAll()
    }

    /// Decodes the key at the start of `bytes`: nil when more bytes are needed, else the
    /// key (nil for one that is ignored) and how many bytes it took.
    private static func decode(_ bytes: ArraySlice<UInt8>) -> (EditorKey?, Int)? {
        let first = bytes[bytes.startIndex]
        switch first {
        case 0x1B: return decodeEscape(bytes)
        case 0x01: return (.home, 1)
        case 0x02: return (.left, 1)
        case 0x03: return (.interrupt, 1)
        case 0x04: return (.endOfInput, 1)
        case 0x05: return (.end, 1)
        case 0x06: return (.right, 1)
        case 0x08, 0x7F: return (.backspace, 1)
        case 0x0A, 0x0D: return (.enter, 1)
        case 0x0B: return (.killToEnd, 1)
        case 0x0C: return (.clearScreen, 1)
        case 0x0E: return (.down, 1)
        case 0x10: return (.up, 1)
        case 0x15: return (.killLine, 1)
        case 0x17: return (.deleteWord, 1)
        case 0x20..<0x7F: return (.text(String(UnicodeScalar(first))), 1)
        case 0x00..<0x20: return (nil, 1)
        default: return decodeUTF8(bytes)
        }
    }

    /// Decodes one UTF-8 character (lead byte 0x80 and up).
    private static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> (EditorKey?, Int)? {
        let first = bytes[bytes.startIndex]
        let length: Int
        switch first {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (nil, 1)
        }
        let available = bytes.prefix(length)
        // A byte that cannot continue the character ends it early: drop the lead byte.
        if available.dropFirst().contains(where: { $0 & 0xC0 != 0x80 }) { return (nil, 1) }
        guard available.count == length else { return nil }
        var decoder = UTF8()
        var iterator = available.makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return (nil, 1) }
        if (0x80...0x9F).contains(scalar.value) { return (nil, length) }
        return (.text(String(scalar)), length)
    }

    /// Decodes an escape sequence: `ESC [ … final` (CSI) or `ESC O x` (SS3).
    private static func decodeEscape(_ bytes: ArraySlice<UInt8>) -> (EditorKey?, Int)? {
        guard bytes.count >= 2 else { return nil }
        let second = bytes[bytes.startIndex + 1]
        switch second {
        case UInt8(ascii: "["):
            // CSI: parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, one final byte 0x40–0x7E.
            var index = bytes.startIndex + 2
            while index < bytes.endIndex, (0x20...0x3F).contains(bytes[index]) { index += 1 }
            guard index < bytes.endIndex else { return nil }
            let final = bytes[index]
            let length = index - bytes.startIndex + 1
            guard (0x40...0x7E).contains(final) else { return (nil, length) }
            let parameters = String(decoding: bytes[(bytes.startIndex + 2)..<index], as: UTF8.self)
            return (csiKey(final: final, parameters: parameters), length)
        case UInt8(ascii: "O"):
            guard bytes.count >= 3 else { return nil }
            return (ss3Key(bytes[bytes.startIndex + 2]), 3)
        default:
            // Alt+key and the like: drop the Escape, keep the key.
            return (nil, 1)
        }
    }

    /// The key a CSI sequence stands for.
    private static func csiKey(final: UInt8, parameters: String) -> EditorKey? {
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "~"):
            switch parameters.split(separator: ";").first {
            case "1", "7": return .home
            case "4", "8": return .end
            case "3": return .delete
            default: return nil
            }
        default: return nil
        }
    }

    /// The key an SS3 sequence stands for.
    private static func ss3Key(_ final: UInt8) -> EditorKey? {
        switch final {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        case UInt8(ascii: "H"): .home
        case UInt8(ascii: "F"): .end
        default: nil
        }
    }
}
