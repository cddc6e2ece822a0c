import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// `org unit import`: the organisation register from a spreadsheet, all or none.
///
/// Each row is bound as the arguments of `org unit add` and checked by its rules, row by row
/// (``RowBinding``): the same argument checks and messages, the same placement rule table.
/// Rows are added parents first, whatever their order in the file; a row whose parent row
/// was refused is refused for its parent. An organisation whose code exists is matched, not
/// added: left as it is, or with `update=true` brought in line with the file (name,
/// secretary, phone, established_on). Any refused row refuses the import (``RowRefusals``)
/// and the command's transaction rolls back; a dry run rolls back what it did to a savepoint
/// and answers with the counts.
struct UnitImport {
    /// `org unit add`, whose arguments a row gives.
    let add: CommandSpec
    /// Update existing organisations where the file differs.
    let update: Bool

    /// One row, checked.
    private struct Row {
        var number: Int
        var draft: UnitStore.Draft
    }

    /// Imports `rows` in the command's transaction.
    ///
    /// - Throws: 4xx `rows.refused` naming every refused row and its column; what the
    ///   database refuses.
    func run(_ rows: RequestRows, dryRun: Bool, now: Date, timeZone: TimeZone, in session: PostgresSession) async throws -> ImportOutcome {
        var refusals = RowRefusals()
        var checked: [Row] = []
        var rowByCode: [String: Int] = [:]
        for number in 1...max(rows.rows.count, 1) where number <= rows.rows.count {
            do {
                let arguments = try RowBinding.arguments(ofRow: number, in: rows, as: add, now: now, timeZone: timeZone)
                let draft = try OrganizationsModule.unitDraft(arguments)
                if let first = rowByCode[draft.code] {
                    refusals.add(
                        row: number, column: "code", code: WorkbenchErrorCode.argumentInvalid,
                        "\(draft.code) is also row \(first); give each organisation once")
                    continue
                }
                rowByCode[draft.code] = number
                checked.append(Row(number: number, draft: draft))
            } catch let error as WorkbenchError {
                refusals.add(row: number, error)
            }
        }
        guard !rows.rows.isEmpty else { throw WorkbenchError.syntax("the rows hold no organisation: send at least one row after the header") }
        if dryRun { try await session.execute(Self.savepoint) }
        let existing = try await UnitStore.find(codes: checked.map(\.draft.code), in: session)
        var outcome = ImportOutcome(noun: ("organisation", "organisations"), rows: rows.rows.count, dryRun: dryRun)
        for row in parentsFirst(checked, refusals: &refusals) {
            if let parent = row.draft.parent?.binds.code, let parentRow = rowByCode[parent], refusals.refused(parentRow) {
                refusals.add(
                    row: row.number, column: "parent", code: WorkbenchErrorCode.argumentInvalid,
                    "its parent \(parent) is row \(parentRow), which is refused")
                continue
            }
            do {
                if let unit = existing[row.draft.code] {
                    try await match(row, with: unit, into: &outcome, in: session)
                } else {
                    _ = try await UnitStore.add(row.draft, in: session)
                    outcome.added += 1
                }
            } catch let error as WorkbenchError {
                refusals.add(row: row.number, error)
            }
        }
        guard refusals.isEmpty else { throw refusals.error(total: rows.rows.count) }
        if dryRun { try await session.execute(Self.rollbackToSavepoint) }
        return outcome
    }

    /// An organisation the file names that exists: unchanged, updated, or left differing.
    private func match(_ row: Row, with unit: Unit, into outcome: inout ImportOutcome, in session: PostgresSession) async throws {
        let draft = row.draft
        if draft.kind != unit.kind {
            throw WorkbenchError.invalidArgument(
                "kind", "\(unit.label) is a \(unit.kind.rawValue) here and a \(draft.kind.rawValue) in the file; the kind does not change")
        }
        if let parent = draft.parent?.binds.code, parent != unit.parentCode {
            throw WorkbenchError.invalidArgument(
                "parent", "\(unit.label) sits under \(unit.parentCode ?? "nothing") here, under \(parent) in the file; move it with 'org unit move'")
        }
        let renamed = draft.name != unit.name
        let secretary = draft.secretary != nil && draft.secretary != unit.secretary
        let phone = draft.phone != nil && draft.phone != unit.phone
        let established = draft.establishedOn != nil && draft.establishedOn != unit.establishedOn
        guard renamed || secretary || phone || established else {
            outcome.unchanged += 1
            return
        }
        guard update else {
            outcome.differing += 1
            outcome.unchanged += 1
            return
        }
        if renamed { _ = try await UnitStore.rename(.code(unit.code), to: draft.name, in: session) }
        if secretary || phone || established {
            _ = try await UnitStore.update(
                .code(unit.code), secretary: secretary ? .some(draft.secretary) : nil, phone: phone ? .some(draft.phone) : nil,
                establishedOn: established ? .some(draft.establishedOn) : nil, in: session
            )
        }
        outcome.updated += 1
    }

    /// `rows` ordered so that a row whose parent is another row comes after it; rows in a
    /// loop of parents are refused.
    private func parentsFirst(_ rows: [Row], refusals: inout RowRefusals) -> [Row] {
        let byCode = Dictionary(uniqueKeysWithValues: rows.map { ($0.draft.code, $0) })
        var ordered: [Row] = []
        var state: [String: Bool] = [:]  // false: being visited, true: done
        func visit(_ row: Row, chain: [Int]) {
            if state[row.draft.code] == true { return }
            if state[row.draft.code] == false {
                refusals.add(
                    row: row.number, column: "parent", code: WorkbenchErrorCode.argumentInvalid,
                    "the parents of rows \((chain + [row.number]).map(String.init).joined(separator: ", ")) form a loop")
                return
            }
            state[row.draft.code] = false
            if let parent = row.draft.parent?.binds.code, let parentRow = byCode[parent] { visit(parentRow, chain: chain + [row.number]) }
            state[row.draft.code] = true
            if !refusals.refused(row.number) { ordered.append(row) }
        }
        for row in rows { visit(row, chain: []) }
        return ordered
    }

    static let savepoint = PostgresStatement(unnamed: "SAVEPOINT unit_import_dry_run")
    static let rollbackToSavepoint = PostgresStatement(unnamed: "ROLLBACK TO SAVEPOINT unit_import_dry_run")
}
