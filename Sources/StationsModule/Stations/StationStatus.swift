public import WorkbenchPostgres

/// Whether a station is in service.
public enum StationStatus: String, Sendable, CaseIterable, PostgresDecodable, PostgresEncodable {
    /// Open: it counts for nearest-station answers, coverage and the map, and takes visits.
    case open
    /// Closed, with the day and the reason; it takes no visits.
    case closed
}
