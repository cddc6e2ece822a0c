import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// `org member import`: the member register from a spreadsheet, all or none, fast enough for
/// a district's 500,000 members.
///
/// Each row is bound as the arguments of `org member add` (``RowBinding``) and built with the
/// same function as the command (`memberDraft`); the organisations the file names are read
/// once, locked for share, and each row checked by the command's rules with its messages
/// (the organisation exists and is active; a residence is an active community). A member is
/// matched by name, organisation and joining day among current members: left as they are,
/// counted as differing, or with `update=true` updated. Any refused row refuses the import
/// (``RowRefusals``). New and changed members are written set-wise (`unnest`), in batches.
struct MemberImport: RegisterImporter {
    /// `org member add`, whose arguments a row gives.
    let add: CommandSpec
    /// Update matched members where the file differs.
    let update: Bool
    /// Rows per `INSERT` or `UPDATE` statement.
    static let batch = 5_000

    /// A member as the file gives them, resolved.
    private struct Resolved {
        var row: Int
        var draft: MemberStore.Draft
        var unitID: Int64
        var residenceID: Int64?

        var key: Key { Key(unitID: unitID, name: draft.name, joinedOn: draft.joinedOn) }
    }

    /// How a member is recognised: name, organisation, joining day.
    private struct Key: Hashable {
        var unitID: Int64
        var name: String
        var joinedOn: CalendarDate
    }

    /// A current member as stored.
    private struct Stored {
        var id: Int64
        var phone: String?
        var status: String
        var workUnit: String?
        var residenceID: Int64?
        var isMobile: Bool
    }

    /// Imports `rows` in the command's transaction.
    func run(_ rows: RequestRows, dryRun: Bool, now: Date, timeZone: TimeZone, in session: PostgresSession) async throws -> ImportOutcome {
        guard !rows.rows.isEmpty else { throw WorkbenchError.syntax("the rows hold no member: send at least one row after the header") }
        var refusals = RowRefusals()
        var drafts: [(row: Int, draft: MemberStore.Draft)] = []
        for number in 1...rows.rows.count {
            do {
                let arguments = try RowBinding.arguments(ofRow: number, in: rows, as: add, now: now, timeZone: timeZone)
                drafts.append((number, try OrganizationsModule.memberDraft(arguments)))
            } catch let error as WorkbenchError {
                refusals.add(row: number, error)
            }
        }
        let units = try await UnitStore.findShared(drafts.flatMap { [$0.draft.unit] + ($0.draft.residence.map { [$0] } ?? []) }, in: session)
        func unit(_ reference: UnitReference, argument: String) throws -> Unit {
            let found = reference.binds.id.flatMap { units.byID[$0] } ?? reference.binds.code.flatMap { units.byCode[$0] }
            guard let found else { throw UnitStore.notFound(reference, argument: argument) }
            try UnitStore.requireActive(found, argument: argument)
            return found
        }
        var resolved: [Resolved] = []
        var rowByKey: [Key: Int] = [:]
        for (number, draft) in drafts {
            do {
                let member = try unit(draft.unit, argument: "unit")
                var residenceID: Int64?
                if let reference = draft.residence {
                    let residence = try unit(reference, argument: "residence")
                    try MemberStore.requireCommunity(residence, argument: "residence")
                    residenceID = residence.id
                }
                let entry = Resolved(row: number, draft: draft, unitID: member.id, residenceID: residenceID)
                if let first = rowByKey[entry.key] {
                    refusals.add(
                        row: number, column: "name", code: WorkbenchErrorCode.argumentInvalid,
                        "\(draft.name) of \(member.code), joined \(draft.joinedOn), is also row \(first); give each member once")
                    continue
                }
                rowByKey[entry.key] = number
                resolved.append(entry)
            } catch let error as WorkbenchError {
                refusals.add(row: number, error)
            }
        }
        guard refusals.isEmpty else { throw refusals.error(total: rows.rows.count) }

        let stored = try await current(in: Array(Set(resolved.map(\.unitID))), session: session)
        var outcome = ImportOutcome(noun: ("member", "members"), rows: rows.rows.count, dryRun: dryRun)
        var additions: [Resolved] = []
        var changes: [(id: Int64, entry: Resolved)] = []
        for entry in resolved {
            guard let existing = stored[entry.key] else {
                additions.append(entry)
                continue
            }
            let draft = entry.draft
            let differs =
                (draft.phone != nil && draft.phone != existing.phone) || draft.status.rawValue != existing.status
                || (draft.workUnit != nil && draft.workUnit != existing.workUnit)
                || (entry.residenceID != nil && entry.residenceID != existing.residenceID) || draft.isMobile != existing.isMobile
            if !differs {
                outcome.unchanged += 1
            } else if update {
                changes.append((existing.id, entry))
            } else {
                outcome.differing += 1
                outcome.unchanged += 1
            }
        }
        outcome.added = additions.count
        outcome.updated = changes.count
        guard !dryRun else { return outcome }
        for start in stride(from: 0, to: additions.count, by: Self.batch) {
            let part = additions[start..<min(start + Self.batch, additions.count)]
            try await session.execute(
                MemberQueries.insertMany,
                [
                    part.map(\.draft.name), part.map(\.draft.phone), part.map(\.draft.status.rawValue), part.map(\.draft.joinedOn),
                    part.map(\.unitID), part.map(\.draft.workUnit), part.map(\.residenceID), part.map(\.draft.isMobile),
                ]
            )
        }
        for start in stride(from: 0, to: changes.count, by: Self.batch) {
            let part = changes[start..<min(start + Self.batch, changes.count)]
            try await session.execute(
                MemberQueries.updateMany,
                [
                    part.map(\.id), part.map(\.entry.draft.phone), part.map(\.entry.draft.status.rawValue), part.map(\.entry.draft.workUnit),
                    part.map(\.entry.residenceID), part.map(\.entry.draft.isMobile),
                ]
            )
        }
        return outcome
    }

    /// The current members of `units`, by name, organisation and joining day.
    private func current(in units: [Int64], session: PostgresSession) async throws -> [Key: Stored] {
        var stored: [Key: Stored] = [:]
        for row in try await session.query(MemberQueries.currentOfUnits, [units]) {
            let key = Key(unitID: try row.decode("unit_id"), name: try row.decode("name"), joinedOn: try row.decode("joined_on"))
            stored[key] = Stored(
                id: try row.decode("id"), phone: try row.decode("phone"), status: try row.decode("status"),
                workUnit: try row.decode("work_unit"), residenceID: try row.decode("residence_id"), isMobile: try row.decode("is_mobile")
            )
        }
        return stored
    }
}
