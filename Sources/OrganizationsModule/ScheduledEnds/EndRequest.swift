import WorkbenchPostgres

/// Who records an end and what day it is, for the store functions that end things.
struct EndRequest: Sendable {
    /// The day the end takes effect.
    var on: CalendarDate
    /// Today in the daemon's time zone: a later ``on`` is recorded ahead.
    var today: CalendarDate
    /// Who asked (the audit's user), kept with an end recorded ahead.
    var actor: String

    /// Whether the end waits for its day.
    var isAhead: Bool { on > today }
}
