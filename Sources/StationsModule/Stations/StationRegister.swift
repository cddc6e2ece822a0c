import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

/// The station register for `station import`: rows run `station add` (place, hours,
/// services and extras included); a station is matched by its code (in any case), and
/// `update=true` runs `station update` with what differs.
enum StationRegister {
    /// The register for one import.
    static func register(add: CommandSpec, update: CommandSpec, invocation: Invocation) -> CommandRegister<Station> {
        CommandRegister(
            ("station", "stations"), add: add, update: update, invocation: invocation,
            key: { try $0.string("code").uppercased() },
            lookup: { codes, session in
                let rows = try await session.query(StationStore.Queries.findByCodes, [codes])
                return Dictionary(
                    uniqueKeysWithValues: try rows.map {
                        let station = try Station(row: $0); return (station.code.uppercased(), station)
                    })
            },
            differences: differences,
            identity: { ("station", $0.code) }
        )
    }

    /// What `station update` would change to match the row.
    static func differences(_ row: Arguments, _ station: Station) throws -> [(String, String)] {
        var changes: [(String, String)] = []
        for (name, current) in [("name", station.name), ("address", station.address)] {
            if let text = row.optionalString(name), text != current { changes.append((name, text)) }
        }
        if let kind = row.optionalString("kind"), StationKind(argument: kind) != station.kind { changes.append(("kind", kind)) }
        if let position = try StationsModule.position(row),
            abs(position.latitude - station.position.latitude) > 1e-7 || abs(position.longitude - station.position.longitude) > 1e-7
        {
            changes += [("lat", String(position.latitude)), ("lon", String(position.longitude))]
        }
        if let host = row.optionalString("host"), host.uppercased() != station.hostCode.uppercased(), Int64(host) != station.hostID {
            changes.append(("host", host))
        }
        if let text = row.optionalString("hours"), try StationsModule.openingHours(text).description != station.hours {
            changes.append(("hours", text))
        }
        if let capacity = row.optionalInt("capacity"), Int(capacity) != station.capacity { changes.append(("capacity", String(capacity))) }
        return changes
    }
}
