/// A day travels as its `YYYY-MM-DD` text.
extension CalendarDate: PostgresEncodable {
    public var postgresText: String? { description }
}
