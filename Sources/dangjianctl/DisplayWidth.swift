/// How many terminal columns text takes, as a terminal draws it.
///
/// - East Asian Wide and Fullwidth characters (CJK ideographs such as 党建, kana, Hangul,
///   fullwidth forms such as ！, CJK punctuation such as 。) and emoji that present as emoji
///   take 2 columns.
/// - Combining marks, format characters (zero-width space, joiners, direction marks),
///   variation selectors, Hangul medial and final jamo and control characters take 0.
/// - Everything else takes 1, including East Asian Ambiguous characters (·, …, Greek,
///   Cyrillic), as in a terminal that is not set to treat them as wide.
///
/// A grapheme cluster (a `Character`) takes the sum of its scalars' widths, capped at 2, so a
/// flag (two regional indicators), an emoji ZWJ sequence or a conjoined Hangul syllable takes
/// 2, and a text-style emoji made emoji-style by U+FE0F takes 2 as well.
enum DisplayWidth {
    /// The columns `text` takes.
    static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// The columns one grapheme cluster takes: 0, 1 or 2.
    static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first { return of(only) }
        if scalars.contains("\u{FE0F}"), let first = scalars.first, first.properties.isEmoji { return 2 }
        return min(2, scalars.reduce(0) { $0 + of($1) })
    }

    /// The columns one scalar takes on its own: 0, 1 or 2.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if value < 0xA0 { return 0 }  // DEL and the C1 controls
        if isZeroWidth(scalar) { return 0 }
        if EastAsianWideRanges.contains(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Whether `scalar` takes no column: it combines with, or formats, its neighbours.
    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD: return false  // the soft hyphen is shown as a hyphen by terminals
        case 0x1160...0x11FF, 0xD7B0...0xD7FF: return true  // Hangul medial vowels and final consonants
        case 0x200B: return true  // zero-width space
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }
}
