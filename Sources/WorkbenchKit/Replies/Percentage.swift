public import Foundation

/// The one way every module writes a rate: a percentage with one decimal (`87.5` means
/// 87.5 %), null when there is nothing to divide by. Columns and fields that hold one end in
/// `_rate` (or `coverage`), so a script reads every module the same way.
public enum Percentage {
    /// `part` of `whole` in percent, rounded half up to one decimal; nil when `whole` is 0.
    public static func of(_ part: Int, _ whole: Int) -> Decimal? {
        guard whole > 0 else { return nil }
        var value = Decimal(part) * 100 / Decimal(whole)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 1, .plain)
        return rounded
    }

    /// ``of(_:_:)`` as a reply value: a decimal, or null.
    public static func value(_ part: Int, of whole: Int) -> ReplyValue {
        .decimal(of(part, whole))
    }
}
