import WorkbenchPostgres

/// What an end command did: ended its subject now, or, dated after today, recorded the end
/// ahead (``ScheduledEnd``) for its day.
enum EndOutcome<Ended: Sendable>: Sendable {
    /// Ended now (the day is today or earlier).
    case ended(Ended)
    /// Recorded ahead: end `id` of `org ending list` takes effect on `on`.
    case recordedAhead(id: Int64, on: CalendarDate)
}

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
