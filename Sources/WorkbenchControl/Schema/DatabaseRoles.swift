public import WorkbenchPostgres

/// The database roles the workbench runs as.
///
/// - The **owner** applies migrations and owns every schema, table and function of the
///   workbench. For the embedded cluster it is the cluster's own superuser (the account that
///   ran `initdb`); for an external database it is the role of `database.owner_url`.
/// - The **runtime role** serves commands and background jobs: any login role that is a
///   member of ``runtimeGroup``, is not a superuser, does not bypass row-level security and
///   owns nothing of the workbench's. Migrations grant ``runtimeGroup`` exactly what commands
///   need (the audit log and the histories are append-only for it; status machines are read
///   only). The embedded cluster's runtime login is ``embeddedLogin``.
///
/// An administrator of an external database creates both roles once (the README's
/// "Database roles" shows the statements); the daemon checks the runtime role at start-up
/// (``RuntimeRoleCheck``).
public enum DatabaseRoles {
    /// The group role every migration grants to.
    public static let runtimeGroup = "dangjian_runtime"
    /// The login role the daemon's commands use on the embedded cluster.
    public static let embeddedLogin = "dangjian_app"
    /// The role a scoped caller's commands switch to (`SET LOCAL ROLE`): a member of
    /// ``runtimeGroup`` (its privileges) to which the modules' restrictive row-level security
    /// policies apply. The runtime login is not subject to them, so unscoped callers and the
    /// daemon's jobs run with plans free of row-level security.
    public static let scopedRole = "dangjian_scoped"
    /// The role through which the runtime login may switch to ``scopedRole`` without having
    /// its privileges (`NOINHERIT`): the login is a member of it, it of ``scopedRole``.
    public static let scopeGate = "dangjian_scope_gate"

    /// Creates ``runtimeGroup`` and a login role `login` in it, unless they exist.
    /// Needs a superuser or `CREATEROLE`; used for the embedded cluster and by test clusters.
    /// Safe to run concurrently: a role created meanwhile by another session is not an error.
    public static func create(login: String = embeddedLogin, on session: PostgresSession) async throws {
        try await session.executeScript(
            """
            DO $roles$
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = \(literal(runtimeGroup))) THEN
                    BEGIN
                        CREATE ROLE \(identifier(runtimeGroup)) NOLOGIN;
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                    END;
                END IF;
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = \(literal(login))) THEN
                    BEGIN
                        CREATE ROLE \(identifier(login))
                            LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION;
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                    END;
                END IF;
                IF NOT pg_has_role(\(literal(login)), \(literal(runtimeGroup)), 'MEMBER') THEN
                    GRANT \(identifier(runtimeGroup)) TO \(identifier(login));
                END IF;
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = \(literal(scopedRole))) THEN
                    BEGIN
                        CREATE ROLE \(identifier(scopedRole)) NOLOGIN IN ROLE \(identifier(runtimeGroup));
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                    END;
                END IF;
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = \(literal(scopeGate))) THEN
                    BEGIN
                        CREATE ROLE \(identifier(scopeGate)) NOLOGIN NOINHERIT IN ROLE \(identifier(scopedRole));
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                    END;
                END IF;
                IF NOT pg_has_role(\(literal(login)), \(literal(scopeGate)), 'MEMBER') THEN
                    GRANT \(identifier(scopeGate)) TO \(identifier(login));
                END IF;
            END
            $roles$
            """
        )
    }

    /// Whether the role `name` exists (``runtimeGroup`` and ``scopedRole`` must, before the
    /// migrations that name them).
    public static func exists(_ name: String, on session: PostgresSession) async throws -> Bool {
        try await session.query(Queries.groupExists, [name]).single().decode(at: 0, as: Bool.self)
    }

    /// `conninfo` with its `user=` replaced by `user` (added when it has none). For the
    /// key/value form libpq and the embedded cluster use.
    public static func conninfo(_ conninfo: String, user: String) -> String {
        let pattern = #"(^|\s)user\s*=\s*('([^'\\]|\\.)*'|\S+)"#
        let replacement = "user='\(user)'"
        if let range = conninfo.range(of: pattern, options: .regularExpression) {
            let leading = conninfo[range].first?.isWhitespace == true ? " " : ""
            return conninfo.replacingCharacters(in: range, with: leading + replacement)
        }
        return conninfo + " " + replacement
    }

    private static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    enum Queries {
        static let groupExists = PostgresStatement(unnamed: "SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = $1)")
    }
}
