import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

/// One household file 一户一档 as stored, with its grid's code.
struct Household: Sendable, Equatable {
    var id: Int64
    var gridID: Int64
    var gridCode: String
    var address: String
    var headName: String
    var headPhone: String?
    var size: Int
    var tags: [String]
    var note: String?
    var latitude: Double?
    var longitude: Double?
    var updatedAt: Date

    /// The columns every household query selects: `h` the household, `g` its grid.
    static let columns = """
        h.id, h.grid_id, g.code AS grid_code, h.address, h.head_name, h.head_phone, h.size, h.tags, h.note, h.latitude, h.longitude,
        h.updated_at
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        gridID = try row.decode("grid_id")
        gridCode = try row.decode("grid_code")
        address = try row.decode("address")
        headName = try row.decode("head_name")
        headPhone = try row.decode("head_phone")
        size = try row.decode("size")
        tags = try row.decode("tags")
        note = try row.decode("note")
        latitude = try row.decode("latitude")
        longitude = try row.decode("longitude")
        updatedAt = try row.decode("updated_at")
    }

    /// The head of household's name, masked unless `unmasked` (callers below admin see 王**).
    func head(unmasked: Bool) -> String { unmasked ? headName : PersonNameMask.masked(headName) }

    /// The head of household's phone, masked unless `unmasked` (138****1234).
    func phone(unmasked: Bool) -> String? { unmasked ? headPhone : headPhone.map(OrganizationDirectory.maskedPhone) }

    /// The tags as a reply list.
    var tagList: ReplyValue { .list(tags.map { .string($0) }) }

    /// The fields `grid household show` and `update` print.
    func fields(unmasked: Bool) -> [(String, ReplyValue)] {
        [
            ("id", .int(id)), ("grid", .string(gridCode)), ("address", .string(address)), ("head", .string(head(unmasked: unmasked))),
            ("phone", .string(phone(unmasked: unmasked))), ("size", .int(size)), ("tags", tagList), ("note", .string(note)),
            ("lat", latitude.map(ReplyValue.double) ?? .null), ("lon", longitude.map(ReplyValue.double) ?? .null),
            ("updated_at", .timestamp(updatedAt)),
        ]
    }
}
