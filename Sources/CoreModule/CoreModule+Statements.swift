import WorkbenchKit
public import WorkbenchPostgres

extension CoreModule {
    /// Every named statement of the module, for the test that prepares each one against a
    /// migrated database. A statement missing here fails that test, naming it.
    public static var statements: [PostgresStatement] {
        [
            AuditLog.Queries.append,
            AuditTail.query,
            CallerScope.set,
            CallerScope.reset,
            ScopeDirectory.resolve,
            CalendarCommands.Queries.months,
            CalendarCommands.Queries.exceptions,
            CalendarCommands.Queries.current,
            CalendarCommands.Queries.set,
            CalendarCommands.Queries.importDays,
            CalendarCommands.Queries.unset,
            CalendarCommands.Queries.add,
            CalendarCoverage.query,
            IdempotencyStore.Queries.claim,
            IdempotencyStore.Queries.find,
            IdempotencyStore.Queries.complete,
            RequestIDJanitor.Queries.purge,
            WorkingCalendar.Queries.deadline,
            WorkingCalendar.Queries.workingDaysBetween,
            WorkingCalendar.Queries.isWorkingDay,
        ]
    }
}
