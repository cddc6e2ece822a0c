/// Every error code the workbench itself answers with (the control protocol, arguments, the
/// database, start-up, the core's commands), named. Each module has its own
/// (`GridsErrorCode`, …); a reply's code is stable, so scripts may depend on it.
public enum WorkbenchErrorCode {
    /// `access.denied`.
    public static let accessDenied = "access.denied"
    /// `argument.invalid`.
    public static let argumentInvalid = "argument.invalid"
    /// `argument.missing`.
    public static let argumentMissing = "argument.missing"
    /// `argument.repeated`.
    public static let argumentRepeated = "argument.repeated"
    /// `argument.unexpected_word`.
    public static let argumentUnexpectedWord = "argument.unexpected_word"
    /// `argument.unknown`.
    public static let argumentUnknown = "argument.unknown"
    /// `calendar.date_not_a_weekday`.
    public static let calendarDateNotAWeekday = "calendar.date_not_a_weekday"
    /// `calendar.date_not_a_weekend`.
    public static let calendarDateNotAWeekend = "calendar.date_not_a_weekend"
    /// `calendar.day_not_set`.
    public static let calendarDayNotSet = "calendar.day_not_set"
    /// `command.cancelled`.
    public static let commandCancelled = "command.cancelled"
    /// `command.timeout`.
    public static let commandTimeout = "command.timeout"
    /// `command.unknown`.
    public static let commandUnknown = "command.unknown"
    /// `database.busy`.
    public static let databaseBusy = "database.busy"
    /// `database.duplicate`.
    public static let databaseDuplicate = "database.duplicate"
    /// `database.read_only`.
    public static let databaseReadOnly = "database.read_only"
    /// `database.rule_refused`.
    public static let databaseRuleRefused = "database.rule_refused"
    /// `database.timeout`.
    public static let databaseTimeout = "database.timeout"
    /// `database.unavailable`.
    public static let databaseUnavailable = "database.unavailable"
    /// `internal`.
    public static let `internal` = "internal"
    /// `internal.argument_access`.
    public static let internalArgumentAccess = "internal.argument_access"
    /// `internal.bad_default`.
    public static let internalBadDefault = "internal.bad_default"
    /// `request.id_reused`.
    public static let requestIdReused = "request.id_reused"
    /// `request.in_progress`.
    public static let requestInProgress = "request.in_progress"
    /// `request.line_too_long`.
    public static let requestLineTooLong = "request.line_too_long"
    /// `rows.bad_escape`.
    public static let rowsBadEscape = "rows.bad_escape"
    /// `rows.bad_header`.
    public static let rowsBadHeader = "rows.bad_header"
    /// `rows.line_too_long`.
    public static let rowsLineTooLong = "rows.line_too_long"
    /// `rows.missing`.
    public static let rowsMissing = "rows.missing"
    /// `rows.missing_column`.
    public static let rowsMissingColumn = "rows.missing_column"
    /// `rows.missing_header`.
    public static let rowsMissingHeader = "rows.missing_header"
    /// `rows.missing_value`.
    public static let rowsMissingValue = "rows.missing_value"
    /// `rows.refused`: rows of an import that its rules refuse; nothing was imported.
    public static let rowsRefused = "rows.refused"
    /// `rows.too_large`.
    public static let rowsTooLarge = "rows.too_large"
    /// `rows.too_many`.
    public static let rowsTooMany = "rows.too_many"
    /// `rows.unexpected`.
    public static let rowsUnexpected = "rows.unexpected"
    /// `rows.unknown_column`.
    public static let rowsUnknownColumn = "rows.unknown_column"
    /// `rows.wrong_width`.
    public static let rowsWrongWidth = "rows.wrong_width"
    /// `startup.command_table`.
    public static let startupCommandTable = "startup.command_table"
    /// `startup.database_role`.
    public static let startupDatabaseRole = "startup.database_role"
    /// `startup.metrics_listen`.
    public static let startupMetricsListen = "startup.metrics_listen"
    /// `startup.migrations_pending`.
    public static let startupMigrationsPending = "startup.migrations_pending"
    /// `startup.module_order`.
    public static let startupModuleOrder = "startup.module_order"
    /// `syntax`.
    public static let syntax = "syntax"

    /// All of them, in order.
    public static let all = [
        accessDenied,
        argumentInvalid,
        argumentMissing,
        argumentRepeated,
        argumentUnexpectedWord,
        argumentUnknown,
        calendarDateNotAWeekday,
        calendarDateNotAWeekend,
        calendarDayNotSet,
        commandCancelled,
        commandTimeout,
        commandUnknown,
        databaseBusy,
        databaseDuplicate,
        databaseReadOnly,
        databaseRuleRefused,
        databaseTimeout,
        databaseUnavailable,
        `internal`,
        internalArgumentAccess,
        internalBadDefault,
        requestIdReused,
        requestInProgress,
        requestLineTooLong,
        rowsBadEscape,
        rowsBadHeader,
        rowsLineTooLong,
        rowsMissing,
        rowsMissingColumn,
        rowsMissingHeader,
        rowsMissingValue,
        rowsRefused,
        rowsTooLarge,
        rowsTooMany,
        rowsUnexpected,
        rowsUnknownColumn,
        rowsWrongWidth,
        startupCommandTable,
        startupDatabaseRole,
        startupMetricsListen,
        startupMigrationsPending,
        startupModuleOrder,
        syntax,
    ]
}
