public import Foundation
public import WorkbenchPostgres

/// A checked argument value, as ``ArgumentType`` produced it.
public enum ArgumentValue: Sendable, Equatable {
    /// From `.string()`, `.text()` and `.enumeration(…)`.
    case string(String)
    /// From `.int()` and `.id`.
    case int(Int64)
    /// From `.decimal`.
    case decimal(Decimal)
    /// From `.bool`.
    case bool(Bool)
    /// From `.date`.
    case date(CalendarDate)
    /// From `.datetime`.
    case datetime(Date)
    /// From `.latitude` and `.longitude`.
    case double(Double)
    /// From `.duration`.
    case duration(Duration)
}
