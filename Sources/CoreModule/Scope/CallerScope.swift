public import WorkbenchKit
public import WorkbenchPostgres

/// Holds a command's database work to its caller's scope (``Caller/scope``).
///
/// A scoped caller's statements run as the role `dangjian_scoped`, to which the modules'
/// restrictive row-level security policies apply, with two settings that they read:
/// `workbench.scope` (the organisation codes, separated by commas) and `workbench.scope_units`
/// (the ids of those organisations, from a ``ScopeDirectory``). A row outside the subtrees they
/// name is invisible and cannot be changed, whatever query reaches it.
///
/// They are the session's identity (``SessionIdentity``): the pooled connection remembers
/// which scope its session holds, so a command whose caller has the scope the connection's
/// last borrower had pays nothing, and any other sends one statement of bound values at the
/// head of its first round trip. Every borrower starts with none, so an unscoped caller (the
/// whole tree) and the daemon's own jobs run as the runtime login, which the scope policies do
/// not apply to: their plans carry no row-level security at all.
public enum CallerScope {
    /// `$1` the codes, `$2` their organisations' ids, both comma-separated; for the session.
    public static let set = PostgresStatement(
        "workbench.scope.set",
        """
        SELECT set_config('workbench.scope', $1, false), set_config('workbench.scope_units', $2, false),
               set_config('role', 'dangjian_scoped', false)
        """
    )

    /// Takes back everything ``set`` sets: the runtime login, no scope.
    public static let reset = PostgresStatement(
        "workbench.scope.reset",
        "SELECT set_config('role', 'none', false), set_config('workbench.scope', '', false), set_config('workbench.scope_units', '', false)"
    )

    /// Holds `session` to `caller`'s scope for every statement it runs from now on. Does
    /// nothing for an unscoped caller (a borrower starts with no scope). Asks the database
    /// only the first time `directory` meets the scope.
    public static func hold(_ session: PostgresSession, to caller: Caller, directory: ScopeDirectory) async throws {
        guard let codes = caller.scope, let setting = caller.scopeSetting else { return }
        let units = try await directory.units(of: codes, on: session)
        session.assume(SessionIdentity(key: setting + "|" + units, establish: set, [setting, units], reset: reset))
    }
}
