public import WorkbenchPostgres

extension WorkbenchError {
    /// The reply for a database error.
    ///
    /// - Connection loss, an unreachable server or a closed pool: 503 `database.unavailable`.
    /// - A pool with no free connection in time: 503 `database.busy`.
    /// - A cancelled statement (statement timeout, command time limit): 504 `database.timeout`.
    /// - A named constraint listed in `constraintErrors`: that error.
    ///
    /// The server's DETAIL never reaches the reply: for a check it is the failing row, for a
    /// duplicate the key's values. A generic refusal names the constraint and, for a
    /// duplicate, the key's columns.
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
            self.init(status: .unavailable, code: WorkbenchErrorCode.databaseBusy, message: error.message)
            return
        }
        if error.isUnavailable {
            self.init(
                status: .unavailable, code: WorkbenchErrorCode.databaseUnavailable,
                message: "the database is unavailable right now; nothing was changed. Try again shortly"
            )
            return
        }
        guard let state = error.sqlState else { return nil }
        switch state {
        case .queryCanceled:
            self.init(status: .timedOut, code: WorkbenchErrorCode.databaseTimeout, message: "the database took too long; nothing was changed")
        case .uniqueViolation, .exclusionViolation:
            self.init(
                status: .conflict, code: WorkbenchErrorCode.databaseDuplicate,
                message: "a record with the same key already exists" + Self.rule(error, withKeyColumns: true)
            )
        case .checkViolation, .foreignKeyViolation, .notNullViolation:
            self.init(
                status: .unprocessable, code: WorkbenchErrorCode.databaseRuleRefused,
                message: "the database refused the change" + Self.rule(error, withKeyColumns: false)
            )
        case .raiseException:
            let code = error.hint.flatMap { $0.range(of: #"^[a-z_]+(\.[a-z_]+)+$"#, options: .regularExpression) != nil ? $0 : nil }
            self.init(status: .unprocessable, code: code ?? "database.rule_refused", message: error.message)
        case .readOnlySQLTransaction:
            self.init(
                status: .unavailable, code: WorkbenchErrorCode.databaseReadOnly,
                message: "the database server is read-only (a standby?); check database.url's target_session_attrs"
            )
        case _ where state.isDataException:
            self.init(status: .badRequest, code: WorkbenchErrorCode.argumentInvalid, message: "a value was refused by the database: \(error.message)")
        default:
            return nil
        }
    }

    /// ` (constraint NAME: key (COLUMNS))`, from the constraint's name and, for a duplicate,
    /// the column list of the server's `Key (columns)=(values)` detail; the values are left out.
    private static func rule(_ error: PostgresError, withKeyColumns: Bool) -> String {
        var parts: [String] = []
        if let constraint = error.constraint { parts.append("constraint \(constraint)") }
        if withKeyColumns, let columns = error.detail.flatMap(keyColumns) { parts.append("key (\(columns))") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ": ") + ")"
    }

    /// The column list of a `Key (a, b)=(1, 2) already exists.` detail.
    static func keyColumns(_ detail: String) -> String? {
        guard detail.hasPrefix("Key ("), let end = detail.range(of: ")=(") else { return nil }
        let columns = detail[detail.index(detail.startIndex, offsetBy: 5)..<end.lowerBound]
        return columns.isEmpty ? nil : String(columns)
    }
}
