public import WorkbenchKit
public import WorkbenchPostgres

/// Holds a command's database work to its caller's scope (``Caller/scope``).
///
/// A scoped caller's statements run as the role `dangjian_scoped` (`SET LOCAL ROLE`), to
/// which the modules' restrictive row-level security policies apply, with two
/// transaction-local settings that they read: `workbench.scope` (the organisation codes,
/// separated by commas) and `workbench.scope_units` (the ids of those organisations, from a
/// ``ScopeDirectory``). A row outside the subtrees they name is invisible and cannot be
/// changed, whatever query reaches it. A change's transaction sets them once, right after
/// `BEGIN`; a read's session opens every round trip with them (each round trip is its own
/// transaction), so they never outlive the command and cost no round trip. An unscoped caller
/// (the whole tree) and the daemon's own jobs stay the runtime login, which the scope policies
/// do not apply to: their plans carry no row-level security at all.
public enum CallerScope {
    /// `$1` the codes, `$2` their organisations' ids, both comma-separated. Only bound values:
    /// the statement's plan is made once, and it costs about what a `SELECT 1` does.
    public static let set = PostgresStatement(
        "workbench.scope.set",
        """
        SELECT set_config('workbench.scope', $1, true), set_config('workbench.scope_units', $2, true),
               set_config('role', 'dangjian_scoped', true)
        """
    )

    /// Holds `session` to `caller`'s scope: in a transaction from its next statement on, else
    /// in every round trip. Does nothing for an unscoped caller. Asks the database only the
    /// first time `directory` meets the scope.
    public static func hold(_ session: PostgresSession, to caller: Caller, inTransaction: Bool, directory: ScopeDirectory) async throws {
        guard let codes = caller.scope, let setting = caller.scopeSetting else { return }
        let units = try await directory.units(of: codes, on: session)
        if inTransaction {
            session.send(set, [setting, units])
        } else {
            session.openEveryRoundTrip(with: set, [setting, units])
        }
    }
}
