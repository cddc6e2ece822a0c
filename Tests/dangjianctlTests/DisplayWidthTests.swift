import Testing

@testable import dangjianctl

@Suite("Display width")
struct DisplayWidthTests {
    @Test(arguments: [
        ("", 0),
        ("ping", 4),
        ("status=open", 11),
        ("党建", 4),  // CJK ideographs
        ("党建 work", 9),
        ("第一党支部", 10),
        ("！", 2),  // FULLWIDTH EXCLAMATION MARK
        ("ＡＢＣ", 6),  // fullwidth Latin
        ("。、「」", 8),  // CJK punctuation
        ("ひらがな", 8),  // Hiragana
        ("한국어", 6),  // Hangul syllables
        ("e\u{301}", 1),  // e + COMBINING ACUTE ACCENT
        ("a\u{300}\u{301}\u{302}", 1),  // stacked combining marks
        ("\u{1100}\u{1161}\u{11A8}", 2),  // conjoining Hangul jamo L+V+T: one syllable
        ("a\u{200B}b", 2),  // zero-width space
        ("😀", 2),  // emoji presentation
        ("👍🏽", 2),  // emoji + skin tone modifier
        ("👨‍👩‍👧", 2),  // ZWJ family sequence
        ("🇨🇳", 2),  // flag: two regional indicators
        ("❤️", 2),  // text-default heart made emoji by VS16
        ("·…", 2),  // East Asian Ambiguous counts 1
        ("↵⇥␍", 3),  // the marks used for escapes in cells
        ("\u{7}\u{1B}", 0),  // control characters
        ("Ω", 1),
    ])
    func width(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test(arguments: [
        (Unicode.Scalar(0x41)!, 1),
        (Unicode.Scalar(0x4E00)!, 2),  // first CJK unified ideograph
        (Unicode.Scalar(0x9FFF)!, 2),
        (Unicode.Scalar(0x3000)!, 2),  // IDEOGRAPHIC SPACE
        (Unicode.Scalar(0x303F)!, 1),  // IDEOGRAPHIC HALF FILL SPACE is narrow
        (Unicode.Scalar(0xFF01)!, 2),
        (Unicode.Scalar(0xFF61)!, 1),  // HALFWIDTH IDEOGRAPHIC FULL STOP
        (Unicode.Scalar(0xFFE0)!, 2),  // FULLWIDTH CENT SIGN
        (Unicode.Scalar(0x20000)!, 2),  // CJK Extension B
        (Unicode.Scalar(0x0301)!, 0),
        (Unicode.Scalar(0x00AD)!, 1),  // soft hyphen
        (Unicode.Scalar(0x1160)!, 0),  // Hangul medial vowel filler
        (Unicode.Scalar(0x0085)!, 0),  // C1 control
        (Unicode.Scalar(0x00E9)!, 1),
    ])
    func scalarWidth(scalar: Unicode.Scalar, expected: Int) {
        #expect(DisplayWidth.of(scalar) == expected)
    }

    @Test func wideRangesAreSortedAndDisjoint() {
        let ranges = EastAsianWideRanges.ranges
        for (previous, next) in zip(ranges, ranges.dropFirst()) {
            #expect(previous.upperBound < next.lowerBound, "\(previous) overlaps or precedes \(next)")
        }
    }

    @Test func binarySearchFindsEveryRangeEdgeAndNothingBetween() {
        let ranges = EastAsianWideRanges.ranges
        for range in ranges {
            #expect(EastAsianWideRanges.contains(range.lowerBound))
            #expect(EastAsianWideRanges.contains(range.upperBound))
        }
        for (previous, next) in zip(ranges, ranges.dropFirst()) where previous.upperBound + 1 < next.lowerBound {
            #expect(!EastAsianWideRanges.contains(previous.upperBound + 1))
            #expect(!EastAsianWideRanges.contains(next.lowerBound - 1))
        }
        #expect(!EastAsianWideRanges.contains(0x41))
        #expect(!EastAsianWideRanges.contains(0x10FFFF))
    }
}
