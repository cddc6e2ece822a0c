/// Every error code the governance module answers with, named: a reply's code is stable, so
/// scripts may depend on it, and ``all`` (the module's `errorCodes`) lets a test check
/// them against docs/error-codes.md.
public enum GovernanceErrorCode {
    /// `governance.item.duplicate`.
    public static let itemDuplicate = "governance.item.duplicate"

    /// Every code above.
    public static let all = [itemDuplicate]
}
