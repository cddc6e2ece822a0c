public import WorkbenchKit
public import WorkbenchPostgres

/// The start-up check of the role the daemon's commands run as (``DatabaseRoles``): run on
/// the runtime pool after the migrations, it refuses to serve as a role that nothing in the
/// database could bind.
///
/// It finds, in one query: a superuser, a role that bypasses row-level security, a role that
/// is not a member of ``DatabaseRoles/runtimeGroup``, and a role that owns the database or
/// any schema or relation of the workbench (an owner may alter or truncate what it owns).
public struct RuntimeRoleCheck: Sendable, Equatable {
    /// The role the session runs as.
    public var role: String
    /// `rolsuper`.
    public var isSuperuser: Bool
    /// `rolbypassrls`.
    public var bypassesRowSecurity: Bool
    /// Whether it has the privileges of ``DatabaseRoles/runtimeGroup`` (a member with INHERIT).
    public var isRuntimeMember: Bool
    /// Schemas and relations of the workbench it owns, and `database` if it owns the database.
    public var owned: [String]
    /// Whether it may switch to ``DatabaseRoles/scopedRole`` (a member, through the gate).
    public var canBecomeScoped: Bool
    /// Whether it has the privileges of ``DatabaseRoles/scopedRole`` itself, which would put
    /// every command under the scope policies.
    public var inheritsScoped: Bool

    /// Creates a finding (for tests of ``problems``).
    public init(
        role: String, isSuperuser: Bool, bypassesRowSecurity: Bool, isRuntimeMember: Bool, owned: [String], canBecomeScoped: Bool = true,
        inheritsScoped: Bool = false
    ) {
        self.role = role
        self.isSuperuser = isSuperuser
        self.bypassesRowSecurity = bypassesRowSecurity
        self.isRuntimeMember = isRuntimeMember
        self.owned = owned
        self.canBecomeScoped = canBecomeScoped
        self.inheritsScoped = inheritsScoped
    }

    /// What is wrong, one sentence each; empty when the role is fit to serve commands.
    public var problems: [String] {
        var problems: [String] = []
        if isSuperuser { problems.append("\(role) is a superuser") }
        if bypassesRowSecurity && !isSuperuser { problems.append("\(role) bypasses row-level security (BYPASSRLS)") }
        if !isRuntimeMember { problems.append("\(role) is not a member of \(DatabaseRoles.runtimeGroup)") }
        if !canBecomeScoped && !isSuperuser {
            problems.append(
                "\(role) cannot switch to \(DatabaseRoles.scopedRole), so a scoped caller's commands would fail "
                    + "(GRANT \(DatabaseRoles.scopeGate) TO \(role))")
        }
        if inheritsScoped && !isSuperuser {
            problems.append(
                "\(role) has the privileges of \(DatabaseRoles.scopedRole), so every command would be held to a scope "
                    + "(grant \(DatabaseRoles.scopeGate), which is NOINHERIT, instead)")
        }
        if !owned.isEmpty {
            let shown = owned.prefix(5).joined(separator: ", ") + (owned.count > 5 ? " and \(owned.count - 5) more" : "")
            problems.append("\(role) owns \(shown)")
        }
        return problems
    }

    /// Reads the facts about the session's role; `schemas` are the workbench's schemas.
    public static func read(schemas: [String], on session: PostgresSession) async throws -> RuntimeRoleCheck {
        let row = try await session.query(query, [schemas, DatabaseRoles.runtimeGroup, DatabaseRoles.scopedRole]).single()
        return RuntimeRoleCheck(
            role: try row.decode("role"), isSuperuser: try row.decode("superuser"), bypassesRowSecurity: try row.decode("bypass_rls"),
            isRuntimeMember: try row.decode("member"), owned: try row.decode("owned"), canBecomeScoped: try row.decode("can_become_scoped"),
            inheritsScoped: try row.decode("inherits_scoped")
        )
    }

    /// Throws a 500 `startup.database_role` naming every problem and the fix, when there is one.
    ///
    /// - Parameter setting: The configuration key that chose the role (`database.url`), or a
    ///   description of the embedded cluster.
    public func verify(setting: String) throws {
        let problems = problems
        guard !problems.isEmpty else { return }
        throw WorkbenchError(
            status: .internalError, code: WorkbenchErrorCode.startupDatabaseRole,
            message: "\(setting) connects as \(role), which commands must not run as: \(problems.joined(separator: "; ")). "
                + "Connect as an ordinary login role that is a member of \(DatabaseRoles.runtimeGroup) and owns nothing, "
                + "and apply migrations through database.owner_url (README, \"Database roles\")"
        )
    }

    static let query = PostgresStatement(
        "workbench.roles.runtime_check",
        """
        SELECT r.rolname AS role, r.rolsuper AS superuser, r.rolbypassrls AS bypass_rls,
               EXISTS (SELECT FROM pg_roles g WHERE g.rolname = $2) AND pg_has_role(r.oid, (SELECT g.oid FROM pg_roles g WHERE g.rolname = \
        $2), 'USAGE') AS member,
               ARRAY(
                   SELECT 'database ' || d.datname FROM pg_database d WHERE d.datname = current_database() AND d.datdba = r.oid
                   UNION ALL
                   SELECT 'schema ' || n.nspname FROM pg_namespace n WHERE n.nspname = ANY($1::text[]) AND n.nspowner = r.oid
                   UNION ALL
                   SELECT * FROM (
                       SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = ANY($1::text[]) AND c.relowner = r.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                       ORDER BY 1
                   ) relations
               )::text[] AS owned,
               EXISTS (SELECT FROM pg_roles g WHERE g.rolname = $3) AND pg_has_role(r.oid, (SELECT g.oid FROM pg_roles g WHERE g.rolname = \
        $3), 'MEMBER') AS can_become_scoped,
               EXISTS (SELECT FROM pg_roles g WHERE g.rolname = $3) AND pg_has_role(r.oid, (SELECT g.oid FROM pg_roles g WHERE g.rolname = \
        $3), 'USAGE') AS inherits_scoped
        FROM pg_roles r WHERE r.rolname = current_user
        """
    )
}
