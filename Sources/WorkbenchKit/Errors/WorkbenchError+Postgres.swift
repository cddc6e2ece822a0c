public import WorkbenchPostgres

extension WorkbenchError {
    /// The reply for a database error.
    ///
    /// - Connection loss, an unreachable server or a closed pool: 503 `database.unavailable`.
    /// - A pool with no free connection in time: 503 `database.busy`.
    /// - A cancelled statement (statement timeout, command time limit): 504 `database.timeout`.
    /// - A named constraint listed in `constraintErrors`: that error.
    /// - Unique and exclusion violations: 409 `database.duplicate`.
    /// - Check, foreign-key and not-null violations: 422 `database.rule_refused`.
    /// - `RAISE EXCEPTION` from a rule trigger: 422 with the trigger's message, and its code
    ///   when the trigger puts a dotted code in `HINT`.
    /// - Data exceptions (a value the column cannot hold): 400 `argument.invalid`.
    /// - A write on a read-only server (a standby after failover): 503 `database.read_only`.
    /// - Anything else: nil (the caller logs it and answers 500).
    public init?(_ error: PostgresError, constraintErrors: [String: WorkbenchError] = [:]) {
        if let constraint = error.constraint, let mapped = constraintErrors[constraint] {
            self = mapped
            return
        }
        if error.code == .poolTimeout {
            self.init(status: .unavailable, code: "database.busy", message: error.message)
            return
        }
        if error.isUnavailable {
            self.init(
                status: .unavailable, code: "database.unavailable",
                message: "the database is unavailable right now; nothing was changed. Try again shortly"
            )
            return
        }
        guard let state = error.sqlState else { return nil }
        switch state {
        case .queryCanceled:
            self.init(status: .timedOut, code: "database.timeout", message: "the database took too long; nothing was changed")
        case .uniqueViolation, .exclusionViolation:
            self.init(
                status: .conflict, code: "database.duplicate",
                message: "a record with the same key already exists" + Self.detail(error)
            )
        case .checkViolation, .foreignKeyViolation, .notNullViolation:
            self.init(
                status: .unprocessable, code: "database.rule_refused",
                message: "the database refused the change" + Self.detail(error)
            )
        case .raiseException:
            let code = error.hint.flatMap { $0.range(of: #"^[a-z_]+(\.[a-z_]+)+$"#, options: .regularExpression) != nil ? $0 : nil }
            self.init(status: .unprocessable, code: code ?? "database.rule_refused", message: error.message)
        case .readOnlySQLTransaction:
            self.init(
                status: .unavailable, code: "database.read_only",
                message: "the database server is read-only (a standby?); check database.url's target_session_attrs"
            )
        case _ where state.isDataException:
            self.init(status: .badRequest, code: "argument.invalid", message: "a value was refused by the database: \(error.message)")
        default:
            return nil
        }
    }

    private static func detail(_ error: PostgresError) -> String {
        var parts: [String] = []
        if let constraint = error.constraint { parts.append("constraint \(constraint)") }
        if let detail = error.detail { parts.append(detail) }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ": ") + ")"
    }
}
