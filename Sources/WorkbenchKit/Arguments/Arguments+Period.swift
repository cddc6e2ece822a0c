public import WorkbenchPostgres

extension Arguments {
    /// The days `from=`…`to=` (inclusive) a statistics or list command covers: `to=` as given
    /// (or its declared default), else `today`; `from=` as given, else `defaultFrom(to)`. A span
    /// that ends before it starts is a 400 naming `from=`.
    public func period(
        today: CalendarDate, defaultFrom: (CalendarDate) -> CalendarDate
    ) throws -> (from: CalendarDate, to: CalendarDate) {
        let to = optionalDate("to") ?? today
        let from = optionalDate("from") ?? defaultFrom(to)
        guard from <= to else { throw WorkbenchError.invalidArgument("from", "from=\(from) is after to=\(to)") }
        return (from, to)
    }
}
