import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

/// A resident's order 群众点单 for volunteer service, or a micro-wish, on its way from placed
/// to rated.
struct VolunteerOrder: Sendable {
    var id: Int64
    var kind: OrderKind
    var communityID: Int64
    var communityCode: String
    var communityPath: String
    var category: String
    var need: String
    var address: String
    var resident: String
    var residentPhone: String?
    var status: OrderStatus
    var teamID: Int64?
    var teamCode: String?
    var acceptedBy: Int64?
    var claimedBy: Int64?
    var hours: Decimal?
    var pointsEntryID: Int64?
    var rating: Int?
    var ratingComment: String?
    var placedAt: Date
    var doneAt: Date?
    var cancelReason: String?

    static let columns = """
        o.id, o.kind, o.community_id, u.code AS community_code, u.path::text AS community_path, o.category, o.need, o.address, o.resident,
        o.resident_phone, o.status, o.team_id, m.code AS team_code, o.accepted_by, o.claimed_by, o.hours, o.points_entry_id, o.rating,
        o.rating_comment, o.placed_at, o.done_at, o.cancel_reason
        """
    static let joins = """
        JOIN organizations.units u ON u.id = o.community_id
        LEFT JOIN consultations.teams m ON m.id = o.team_id
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        kind = try row.decode("kind")
        communityID = try row.decode("community_id")
        communityCode = try row.decode("community_code")
        communityPath = try row.decode("community_path")
        category = try row.decode("category")
        need = try row.decode("need")
        address = try row.decode("address")
        resident = try row.decode("resident")
        residentPhone = try row.decode("resident_phone")
        status = try row.decode("status")
        teamID = try row.decode("team_id")
        teamCode = try row.decode("team_code")
        acceptedBy = try row.decode("accepted_by")
        claimedBy = try row.decode("claimed_by")
        hours = try row.decode("hours")
        pointsEntryID = try row.decode("points_entry_id")
        rating = try row.decode("rating")
        ratingComment = try row.decode("rating_comment")
        placedAt = try row.decode("placed_at")
        doneAt = try row.decode("done_at")
        cancelReason = try row.decode("cancel_reason")
    }

    /// `order 5 (微心愿)`.
    var label: String { "order \(id) (\(kind.chinese))" }

    /// The fields of `order show`: the resident's name and phone whole for admins
    /// (`unmasked`), the address whole for operators and admins (`addressUnmasked`).
    func fields(unmasked: Bool, addressUnmasked: Bool) -> [(String, ReplyValue)] {
        [
            ("id", .int(id)), ("kind", .string("\(kind.rawValue) \(kind.chinese)")), ("community", .string(communityCode)),
            ("category", .string(category)), ("need", .string(need)),
            ("address", .string(addressUnmasked ? address : AddressMask.masked(address))),
            ("resident", .string(unmasked ? resident : PersonNameMask.masked(resident))),
            ("resident_phone", residentPhone.map { .string(unmasked ? $0 : OrganizationDirectory.maskedPhone($0)) } ?? .null),
            ("status", .string("\(status.rawValue) \(status.chinese)")), ("team", teamCode.map(ReplyValue.string) ?? .null),
            ("accepted_by", acceptedBy.map(ReplyValue.int) ?? .null), ("claimed_by", claimedBy.map(ReplyValue.int) ?? .null),
            ("hours", hours.map { .decimal("\($0)") } ?? .null), ("points_entry", pointsEntryID.map(ReplyValue.int) ?? .null),
            ("rating", rating.map { .int(Int64($0)) } ?? .null), ("rating_comment", ratingComment.map(ReplyValue.string) ?? .null),
            ("placed_at", .timestamp(placedAt)), ("done_at", doneAt.map(ReplyValue.timestamp) ?? .null),
            ("cancel_reason", cancelReason.map(ReplyValue.string) ?? .null),
        ]
    }
}
