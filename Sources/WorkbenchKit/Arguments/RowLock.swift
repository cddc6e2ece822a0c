public import WorkbenchPostgres

/// How a lookup locks the row it finds, for the rest of the command's transaction: not at all,
/// `FOR SHARE` (the row must not change or go while this command relies on it, as a parent
/// while a child is added) or `FOR UPDATE` (this command changes it).
///
/// A store keeps its lookup in three named forms (`…find`, `…find_for_share`,
/// `…find_for_update`) and lets ``statement(plain:share:update:)`` pick one.
public enum RowLock: Sendable {
    /// No lock.
    case none
    /// `FOR SHARE`.
    case share
    /// `FOR UPDATE`.
    case update

    /// The one of a lookup's three forms that takes this lock.
    public func statement(plain: PostgresStatement, share: PostgresStatement, update: PostgresStatement) -> PostgresStatement {
        switch self {
        case .none: plain
        case .share: share
        case .update: update
        }
    }
}
