import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// A station 驿站 as stored, with its host organisation and the names of its services.
struct Station: Sendable, Equatable {
    var id: Int64
    var code: String
    var name: String
    var kind: StationKind
    var address: String
    var position: GeoPoint
    var hostID: Int64
    var hostCode: String
    var hostName: String
    var hours: String
    var capacity: Int?
    var status: StationStatus
    var closedOn: CalendarDate?
    var closedReason: String?
    var services: [String]
    var createdAt: Date
    var updatedAt: Date

    /// `YZ01 桐江驿站`.
    var label: String { "\(code) \(name)" }

    /// The columns station queries select (the host joined as `h`).
    static let selection = """
        SELECT s.id, s.code, s.name, s.kind, s.address, s.latitude, s.longitude, s.host_id, h.code AS host_code, h.name AS host_name,
               s.hours, s.capacity, s.status, s.closed_on, s.closed_reason, s.created_at, s.updated_at,
               \(ServiceCatalogue.namesOfStation) AS services
        FROM stations.stations s
        JOIN organizations.units h ON h.id = s.host_id
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        code = try row.decode("code")
        name = try row.decode("name")
        kind = try row.decode("kind")
        address = try row.decode("address")
        position = GeoPoint(latitude: try row.decode("latitude"), longitude: try row.decode("longitude"))
        hostID = try row.decode("host_id")
        hostCode = try row.decode("host_code")
        hostName = try row.decode("host_name")
        hours = try row.decode("hours")
        capacity = try row.decode("capacity")
        status = try row.decode("status")
        closedOn = try row.decode("closed_on")
        closedReason = try row.decode("closed_reason")
        services = try row.decode("services")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
    }

    /// The record `station show` and the changing commands answer with.
    func fields(openNow: Bool) -> [(String, ReplyValue)] {
        [
            ("id", .int(id)), ("code", .string(code)), ("name", .string(name)), ("kind", .string(kind.rawValue)),
            ("kind_zh", .string(kind.chinese)), ("address", .string(address)), ("lat", GeoPoint.degrees(position.latitude)),
            ("lon", GeoPoint.degrees(position.longitude)), ("host", .string("\(hostCode) \(hostName)")),
            ("hours", .string(hours)), ("open_now", .bool(status == .open && openNow)), ("capacity", .int(capacity)),
            ("services", .list(services.map { .string($0) })), ("status", .string(status.rawValue)), ("closed_on", .date(closedOn)),
            ("closed_reason", .string(closedReason)),
        ]
    }
}
