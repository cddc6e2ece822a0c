import Foundation

/// The items of a list an operator types in one argument, separated as Chinese and Latin
/// input methods type them: `充电,饮水`, `充电，饮水` or `充电、饮水`.
public enum ListText {
    /// `,`, `，` and `、`.
    public static let separators: Set<Character> = [",", "，", "、"]

    /// The items of `text` in the order given, trimmed, empty ones dropped.
    public static func items(_ text: some StringProtocol) -> [String] {
        text.split(whereSeparator: { separators.contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
