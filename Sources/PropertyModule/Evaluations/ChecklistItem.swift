public import Foundation
public import WorkbenchPostgres

/// One item of the evaluation checklist: a positive item 正面清单 earns its weight in points
/// when met, a negative item 负面清单 deducts its weight when violated.
public struct ChecklistItem: Sendable, Equatable {
    /// Positive or negative.
    public enum Kind: String, Sendable, CaseIterable, PostgresDecodable, PostgresEncodable {
        /// 正面清单: points when met.
        case positive
        /// 负面清单: a deduction when violated.
        case negative
    }

    /// A short code, unique in its checklist (`P01`, `N03`).
    public var code: String
    /// Positive or negative.
    public var kind: Kind
    /// Points earned (positive) or deducted (negative); more than 0.
    public var weight: Decimal
    /// What the item asks, in the evaluators' words.
    public var title: String

    /// Creates an item.
    public init(code: String, kind: Kind, weight: Decimal, title: String) {
        self.code = code
        self.kind = kind
        self.weight = weight
        self.title = title
    }

    /// Reads `P01 12 企业建立党组织` (code, weight, title); nil for any other form.
    public init?(_ text: String, kind: Kind) {
        let words = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard words.count == 3, let first = words[0].first, first.isASCII, first.isLetter,
            words[0].count <= 8, words[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
            let weight = Decimal(string: String(words[1]), locale: Locale(identifier: "en_US_POSIX")), weight > 0, weight < 10_000,
            words[1].allSatisfy({ $0.isNumber || $0 == "." })
        else { return nil }
        let title = words[2].trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty, title.unicodeScalars.count <= 200 else { return nil }
        self.init(code: String(words[0]), kind: kind, weight: weight, title: title)
    }
}
