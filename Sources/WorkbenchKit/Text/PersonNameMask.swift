/// How a person's name is shown to callers below admin: the first character, then one `*`
/// for each further character (王小明 → 王**, 欧阳娜娜 → 欧***).
///
/// A one-character name still gets one `*`, so the masked form never is the whole name.
public enum PersonNameMask {
    /// `name` masked; an empty name stays empty.
    public static func masked(_ name: String) -> String {
        guard let first = name.first else { return "" }
        return String(first) + String(repeating: "*", count: max(1, name.count - 1))
    }
}
