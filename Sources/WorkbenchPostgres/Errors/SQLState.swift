/// A PostgreSQL SQLSTATE error code (five characters, e.g. `23505`).
///
/// The control layer maps these to reply codes: unique and exclusion violations become
/// 409, check, foreign-key and not-null violations 422, cancelled statements 504 and
/// connection-class errors 503. See the PostgreSQL manual, appendix A, for the full list.
public struct SQLState: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The five-character code.
    public var rawValue: String

    /// Wraps a five-character SQLSTATE.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The two-character class (`23` for integrity constraint violations).
    public var errorClass: Substring { rawValue.prefix(2) }

    public var description: String { rawValue }

    /// `23505`: a unique index refused a duplicate.
    public static let uniqueViolation = SQLState(rawValue: "23505")
    /// `23514`: a CHECK constraint refused the row.
    public static let checkViolation = SQLState(rawValue: "23514")
    /// `23503`: a foreign key refused the row.
    public static let foreignKeyViolation = SQLState(rawValue: "23503")
    /// `23502`: a NOT NULL column got a null.
    public static let notNullViolation = SQLState(rawValue: "23502")
    /// `23P01`: an exclusion constraint refused an overlapping row.
    public static let exclusionViolation = SQLState(rawValue: "23P01")
    /// `P0001`: `RAISE EXCEPTION` in PL/pgSQL, used by triggers that enforce business rules.
    public static let raiseException = SQLState(rawValue: "P0001")
    /// `57014`: the statement was cancelled (statement timeout or a cancel request).
    public static let queryCanceled = SQLState(rawValue: "57014")
    /// `40001`: serialization failure; the transaction may be retried.
    public static let serializationFailure = SQLState(rawValue: "40001")
    /// `40P01`: deadlock detected; the transaction may be retried.
    public static let deadlockDetected = SQLState(rawValue: "40P01")
    /// `57P01`: the server is shutting down (administrator command).
    public static let adminShutdown = SQLState(rawValue: "57P01")
    /// `57P02`: the server crashed and is restarting.
    public static let crashShutdown = SQLState(rawValue: "57P02")
    /// `57P03`: the server is starting up or otherwise cannot accept connections now.
    public static let cannotConnectNow = SQLState(rawValue: "57P03")
    /// `53300`: the server has no connection slots left.
    public static let tooManyConnections = SQLState(rawValue: "53300")
    /// `22P02`: a value's text could not be converted to the column's type.
    public static let invalidTextRepresentation = SQLState(rawValue: "22P02")
    /// `22007`: an invalid date or time.
    public static let invalidDatetimeFormat = SQLState(rawValue: "22007")
    /// `22008`: a date or time out of range.
    public static let datetimeFieldOverflow = SQLState(rawValue: "22008")
    /// `22003`: a number out of the column's range.
    public static let numericValueOutOfRange = SQLState(rawValue: "22003")
    /// `22001`: a string longer than the column allows.
    public static let stringDataRightTruncation = SQLState(rawValue: "22001")
    /// `25006`: a write in a read-only transaction (e.g. a standby after failover).
    public static let readOnlySQLTransaction = SQLState(rawValue: "25006")
    /// `insufficient_privilege`: the role lacks a grant, or does not own what it tries to change.
    public static let insufficientPrivilege = SQLState(rawValue: "42501")

    /// Integrity-constraint violations (class 23).
    public var isIntegrityConstraintViolation: Bool { errorClass == "23" }
    /// Data exceptions (class 22): the value the statement was given cannot be stored.
    public var isDataException: Bool { errorClass == "22" }
    /// `08P01`: the client sent something the protocol does not allow (e.g. the wrong
    /// number of parameters); a bug, not a lost connection.
    public static let protocolViolation = SQLState(rawValue: "08P01")

    /// Connection exceptions (class 08, except protocol violations) and server shutdowns
    /// (57P01–57P03), after which the connection is gone or about to be.
    public var meansConnectionLost: Bool {
        (errorClass == "08" && self != .protocolViolation) || self == .adminShutdown || self == .crashShutdown
            || self == .cannotConnectNow
    }
}
