public import WorkbenchKit
public import WorkbenchPostgres

/// Holds a command's database work to its caller's scope (``Caller/scope``).
///
/// A scoped caller's statements run as the role `dangjian_scoped` (`SET LOCAL ROLE`), to
/// which the modules' restrictive row-level security policies apply, with the
/// transaction-local setting `workbench.scope` (organisation codes separated by commas) that
/// they read: a row outside the subtrees it names is invisible and cannot be changed,
/// whatever query reaches it. A change's transaction sets both once, right after `BEGIN`; a
/// read's session opens every round trip with them (each round trip is its own transaction),
/// so they never outlive the command and cost no round trip. An unscoped caller (the whole
/// tree) and the daemon's own jobs stay the runtime login, which the scope policies do not
/// apply to: their plans carry no row-level security at all.
public enum CallerScope {
    /// `$1` the codes, comma-separated. The paths they name are read in the same statement,
    /// from the view `workbench.scope_unit_paths` (which the organizations module defines over
    /// its tree), planned once into this prepared statement; the role switches last.
    public static let set = PostgresStatement(
        "workbench.scope.set",
        """
        SELECT set_config('workbench.scope', $1, true),
               set_config('workbench.scope_paths',
                          coalesce((SELECT string_agg(s.path, ',') FROM workbench.scope_unit_paths s
                                    WHERE s.code = ANY (string_to_array($1, ','))), ''), true),
               set_config('role', 'dangjian_scoped', true)
        """
    )

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
