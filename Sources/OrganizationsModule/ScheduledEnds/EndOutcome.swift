import WorkbenchPostgres

/// What an end command did: ended its subject now, or, dated after today, recorded the end
/// ahead (``ScheduledEnd``) for its day.
enum EndOutcome<Ended: Sendable>: Sendable {
    /// Ended now (the day is today or earlier).
    case ended(Ended)
    /// Recorded ahead: end `id` of `org ending list` takes effect on `on`.
    case recordedAhead(id: Int64, on: CalendarDate)
}
