/// How replies are written: text (readable, TSV tables) or JSON (one line per reply).
///
/// A connection starts in text form; `format json` switches it, and `--json` at the end of
/// a request switches one reply.
public enum ReplyFormat: String, Sendable, Codable, CaseIterable {
    /// `NNN-` lines, TSV tables, `key: value` records.
    case text
    /// One line: `NNN {…}`.
    case json
}
