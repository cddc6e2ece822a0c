public import Configuration
import Foundation

extension ConfigReader {
    /// A list of words at `key`: a YAML sequence, or comma-separated text (as environment
    /// variables give lists). Blanks around words are dropped; nil when the key is absent or
    /// the list is empty.
    ///
    /// ```yaml
    /// modules:
    ///   organizations:
    ///     project_categories: [党建联建, 基层治理, 生活服务]
    /// ```
    public func wordList(forKey key: String) -> [String]? {
        let words = (stringArray(forKey: ConfigKey(key)) ?? string(forKey: ConfigKey(key)).map { [$0] } ?? [])
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return words.isEmpty ? nil : words
    }
}
