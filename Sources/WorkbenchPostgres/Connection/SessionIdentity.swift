/// Session-level settings that a borrower needs in force for every statement it runs (a
/// caller's scope and role), kept on the connection across borrowers that want the same.
///
/// A pooled connection remembers which identity its session has in force. A borrower that
/// wants another one, or none, gets the statement that changes it at the head of its first
/// round trip (never a round trip of its own); a borrower that wants what is in force pays
/// nothing. Each borrower starts wanting none, so the daemon's own jobs and unscoped callers
/// never inherit a scoped borrower's settings.
public struct SessionIdentity: Sendable, Equatable {
    /// What tells identities apart: two with the same key set the same.
    public var key: String
    let establish: BoundStatement
    let reset: BoundStatement

    /// An identity named `key`, put in force by `establish` with `binds` (session-level
    /// settings: `set_config(…, false)`) and taken back by `reset`, which must undo
    /// everything `establish` sets (for any identity with the same `reset`).
    public init(key: String, establish: PostgresStatement, _ binds: [any PostgresEncodable], reset: PostgresStatement) {
        self.key = key
        self.establish = BoundStatement(establish, binds)
        self.reset = BoundStatement(reset, [])
    }

    public static func == (left: SessionIdentity, right: SessionIdentity) -> Bool { left.key == right.key }
}
