public import WorkbenchKit
public import WorkbenchPostgres

/// Holds a command's database work to its caller's scope (``Caller/scope``).
///
/// The scope travels as the transaction-local setting `workbench.scope` (organisation codes
/// separated by commas), which the modules' row-level security policies read: a row outside
/// the subtrees it names is invisible and cannot be changed, whatever query reaches it. A
/// change's transaction sets it once, right after `BEGIN`; a read's session opens every round
/// trip with it (each round trip is its own transaction), so it never outlives the command
/// and costs no round trip. An unscoped caller (the whole tree) and the daemon's own jobs
/// leave it unset, which every policy reads as the whole tree.
public enum CallerScope {
    /// `$1` the codes, comma-separated.
    public static let set = PostgresStatement("workbench.scope.set", "SELECT set_config('workbench.scope', $1, true)")

    /// Holds `session` to `caller`'s scope: in a transaction from its next statement on, else
    /// in every round trip. Does nothing for an unscoped caller.
    public static func hold(_ session: PostgresSession, to caller: Caller, inTransaction: Bool) {
        guard let setting = caller.scopeSetting else { return }
        if inTransaction {
            session.send(set, [setting])
        } else {
            session.openEveryRoundTrip(with: set, [setting])
        }
    }
}
