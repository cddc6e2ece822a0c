import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

/// The household register for `grid household import`: rows run `grid household add`; a
/// household is matched by its grid and address (one file per address in a grid), and
/// `update=true` runs `grid household update` with what differs.
enum HouseholdRegister {
    /// The register for one import.
    static func register(add: CommandSpec, update: CommandSpec, allowedTags: [String], invocation: Invocation) -> CommandRegister<Household> {
        CommandRegister(
            ("household", "households"), add: add, update: update, invocation: invocation, keyColumn: "address",
            key: { key(grid: try $0.string("grid"), address: try $0.string("address")) },
            lookup: lookup,
            differences: { row, household in try differences(row, household, allowedTags: allowedTags) },
            identity: { ("household", String($0.id)) }
        )
    }

    /// A row's key: the grid as the file names it, then the address.
    static func key(grid: String, address: String) -> String { grid + " " + address }

    /// The stored households among `keys`; a key whose grid does not exist finds none (its
    /// row's `grid household add` then names the grid).
    static func lookup(_ keys: [String], in session: PostgresSession) async throws -> [String: Household] {
        let pairs = keys.compactMap { key -> (key: String, grid: String, address: String)? in
            guard let space = key.firstIndex(of: " ") else { return nil }
            return (key, String(key[..<space]), String(key[key.index(after: space)...]))
        }
        // The grids named by code in one query; one named by id (rare in a register) on its own.
        let references = Set(pairs.map(\.grid))
        var grids = try await GridStore.find(codes: references.filter { GridReference($0).binds.code != nil }, in: session).mapValues(\.id)
        for reference in references where GridReference(reference).binds.id != nil {
            do {
                grids[reference] = try await GridStore.find(GridReference(reference), argument: "grid", in: session).id
            } catch is WorkbenchError {
                continue
            }
        }
        let located = pairs.compactMap { pair in grids[pair.grid].map { (key: pair.key, grid: $0, address: pair.address) } }
        guard !located.isEmpty else { return [:] }
        let keyOf = Dictionary(located.map { (HouseholdPlace(grid: $0.grid, address: $0.address), $0.key) }) { first, _ in first }
        var found: [String: Household] = [:]
        for row in try await session.query(HouseholdStore.Queries.findByAddresses, [located.map(\.grid), located.map(\.address)]) {
            let household = try Household(row: row)
            if let key = keyOf[HouseholdPlace(grid: household.gridID, address: household.address)] { found[key] = household }
        }
        return found
    }

    /// What `grid household update` would change to match the row.
    static func differences(_ row: Arguments, _ household: Household, allowedTags: [String]) throws -> [(String, String)] {
        var changes: [(String, String)] = []
        if let head = row.optionalString("head"), head != household.headName { changes.append(("head", head)) }
        if let phone = row.optionalString("phone"), try OrganizationDirectory.phone(phone, argument: "phone") != household.headPhone {
            changes.append(("phone", phone))
        }
        if let size = row.optionalInt("size"), Int(size) != household.size { changes.append(("size", String(size))) }
        if let text = row.optionalString("tags"), try HouseholdTags.parse(text, allowed: allowedTags, argument: "tags") != household.tags {
            changes.append(("tags", text))
        }
        if let note = row.optionalString("note"), note != household.note { changes.append(("note", note)) }
        if let latitude = row.optionalDegrees("lat"), let longitude = row.optionalDegrees("lon"),
            latitude != household.latitude || longitude != household.longitude
        {
            changes += [("lat", String(latitude)), ("lon", String(longitude))]
        }
        return changes
    }

    /// Where a household lives: its grid and address.
    private struct HouseholdPlace: Hashable {
        var grid: Int64
        var address: String
    }
}
