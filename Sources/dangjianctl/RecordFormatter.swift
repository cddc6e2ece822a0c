/// Lays out a record reply: one `key: value` line per field, the values lined up and shown
/// in their display form (``CellText/display(_:)``: an escaped newline in a value is `↵`).
///
/// ```
/// id:     42
/// name:   第一党支部
/// parent: 7
/// ```
enum RecordFormatter {
    /// The record's lines.
    static func lines(_ fields: [(key: String, value: String)]) -> [String] {
        let keys = fields.map { CellText.sanitized($0.key) }
        let width = keys.map(DisplayWidth.of).max() ?? 0
        return zip(keys, fields).map { key, field in
            let value = CellText.display(field.value)
            if value.isEmpty { return key + ":" }
            return key + ":" + String(repeating: " ", count: width - DisplayWidth.of(key) + 1) + value
        }
    }
}
