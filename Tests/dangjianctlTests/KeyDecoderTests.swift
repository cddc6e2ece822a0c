import Testing

@testable import dangjianctl

@Suite("Decoding terminal key bytes")
struct KeyDecoderTests {
    private func decode(_ bytes: [UInt8]) -> [EditorKey] {
        var decoder = KeyDecoder()
        return decoder.keys(from: bytes)
    }

    /// Bytes a terminal sends, and the keys they mean.
    private static let cases: [([UInt8], [EditorKey])] = [
        (Array("ping".utf8), [EditorKey.text("ping")]),
        (Array("党建".utf8), [.text("党建")]),
        ([0x0D], [.enter]), ([0x0A], [.enter]),
        ([0x7F], [.backspace]), ([0x08], [.backspace]),
        ([0x01], [.home]), ([0x05], [.end]), ([0x02], [.left]), ([0x06], [.right]),
        ([0x10], [.up]), ([0x0E], [.down]),
        ([0x15], [.killLine]), ([0x0B], [.killToEnd]), ([0x17], [.deleteWord]),
        ([0x03], [.interrupt]), ([0x04], [.endOfInput]), ([0x0C], [.clearScreen]),
        ([0x1B, 0x5B, 0x41], [.up]), ([0x1B, 0x5B, 0x42], [.down]),
        ([0x1B, 0x5B, 0x43], [.right]), ([0x1B, 0x5B, 0x44], [.left]),
        ([0x1B, 0x5B, 0x48], [.home]), ([0x1B, 0x5B, 0x46], [.end]),
        ([0x1B, 0x4F, 0x48], [.home]), ([0x1B, 0x4F, 0x46], [.end]), ([0x1B, 0x4F, 0x41], [.up]),
        (Array("\u{1B}[1~".utf8), [.home]), (Array("\u{1B}[7~".utf8), [.home]),
        (Array("\u{1B}[4~".utf8), [.end]), (Array("\u{1B}[8~".utf8), [.end]),
        (Array("\u{1B}[3~".utf8), [.delete]),
        (Array("\u{1B}[1;5C".utf8), [.right]),  // Ctrl-Right: treated as Right
        (Array("\u{1B}[5~".utf8), []),  // Page Up: ignored
        (Array("a\u{1B}[Db".utf8), [.text("a"), .left, .text("b")]),
        ([0x09], []),  // Tab: ignored
        ([0xFF, 0x41], [.text("A")]),  // an invalid byte is dropped
    ]

    @Test(arguments: cases)
    func keys(bytes: [UInt8], expected: [EditorKey]) {
        #expect(decode(bytes) == expected)
    }

    @Test func characterSplitAcrossReads() {
        var decoder = KeyDecoder()
        let bytes = Array("党".utf8)
        #expect(decoder.keys(from: bytes[0..<1]).isEmpty)
        #expect(decoder.isWaiting)
        #expect(decoder.keys(from: bytes[1..<2]).isEmpty)
        #expect(decoder.keys(from: bytes[2..<3]) == [.text("党")])
        #expect(!decoder.isWaiting)
    }

    @Test func escapeSequenceSplitAcrossReads() {
        var decoder = KeyDecoder()
        #expect(decoder.keys(from: [0x1B]).isEmpty)
        #expect(decoder.keys(from: [0x5B]).isEmpty)
        #expect(decoder.keys(from: [0x33]).isEmpty)
        #expect(decoder.keys(from: [0x7E]) == [.delete])
    }

    @Test func loneEscapeIsDroppedOnFlush() {
        var decoder = KeyDecoder()
        #expect(decoder.keys(from: [0x1B]).isEmpty)
        #expect(decoder.isWaiting)
        decoder.flush()
        #expect(!decoder.isWaiting)
        #expect(decoder.keys(from: Array("x".utf8)) == [.text("x")])
    }

    @Test func pastedLinesKeepTheirEnters() {
        #expect(decode(Array("ping\rwhoami\r".utf8)) == [.text("ping"), .enter, .text("whoami"), .enter])
    }
}
