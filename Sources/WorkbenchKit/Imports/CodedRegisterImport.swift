public import Foundation
public import WorkbenchPostgres

/// Imports a coded register (``CodedRegister``) from the rows form, all or none.
///
/// Each row is bound as the arguments of the register's `add` command (``RowBinding``) and
/// built by the command's own function, so every cell meets the same checks and messages; a
/// code given twice is refused. Rows are added parents first, whatever their order in the
/// file; a loop of parents is refused, and so is a row whose parent row was. A row whose
/// code exists is matched instead of added (``CodedRegister/match(_:with:update:in:)``). Any
/// refused row refuses the import (``RowRefusals``) and the command's transaction rolls
/// back; a dry run rolls back what it did to a savepoint and answers with the counts. Each
/// row runs behind a savepoint of its own, so a rule that only the database enforces (a
/// trigger) refuses its row, named, like the command's own checks.
public struct CodedRegisterImport<Register: CodedRegister> {
    /// The register.
    public let register: Register
    /// Update existing records where the file differs.
    public let update: Bool

    /// An import of `register`.
    public init(_ register: Register, update: Bool) {
        self.register = register
        self.update = update
    }

    /// One row, checked.
    private struct Row {
        var number: Int
        var draft: Register.Draft
        var code: String
        var parent: String?
    }

    /// Imports `rows` in the command's transaction.
    ///
    /// - Throws: 4xx `rows.refused` naming every refused row and its column; what the
    ///   database refuses.
    public func run(_ rows: RequestRows, dryRun: Bool, now: Date, timeZone: TimeZone, in session: PostgresSession) async throws -> ImportOutcome {
        guard !rows.rows.isEmpty else {
            throw WorkbenchError.syntax("the rows hold no \(register.noun.one): send at least one row after the header")
        }
        var refusals = RowRefusals()
        var checked: [Row] = []
        var rowByCode: [String: Int] = [:]
        for number in 1...rows.rows.count {
            do {
                let arguments = try RowBinding.arguments(ofRow: number, in: rows, as: register.add, now: now, timeZone: timeZone)
                let draft = try register.draft(arguments)
                let code = register.code(of: draft)
                if let first = rowByCode[code] {
                    refusals.add(
                        row: number, column: register.keyColumn, code: WorkbenchErrorCode.argumentInvalid,
                        "\(code) is also row \(first); give each \(register.noun.one) once")
                    continue
                }
                rowByCode[code] = number
                checked.append(Row(number: number, draft: draft, code: code, parent: register.parentCode(of: draft)))
            } catch let error as WorkbenchError {
                refusals.add(row: number, error)
            }
        }
        if dryRun { try await session.execute(Self.savepoint) }
        let existing = try await register.existing(codes: checked.map(\.code), in: session)
        var outcome = ImportOutcome(noun: register.noun, rows: rows.rows.count, dryRun: dryRun)
        for row in parentsFirst(checked, refusals: &refusals) {
            if let parent = row.parent, let parentRow = rowByCode[parent], refusals.refused(parentRow) {
                refusals.add(
                    row: row.number, column: "parent", code: WorkbenchErrorCode.argumentInvalid,
                    "its parent \(parent) is row \(parentRow), which is refused")
                continue
            }
            // Each row behind a savepoint (queued: it travels with the row's first statement), so
            // that a rule only the database enforces (a trigger, a constraint) refuses that row
            // and not the whole import.
            session.send(Self.rowSavepoint)
            do {
                if let record = existing[row.code] {
                    switch try await register.match(row.draft, with: record, update: update, in: session) {
                    case .unchanged: outcome.unchanged += 1
                    case .differing:
                        outcome.unchanged += 1
                        outcome.differing += 1
                    case .updated: outcome.updated += 1
                    }
                } else {
                    try await register.add(row.draft, in: session)
                    outcome.added += 1
                }
                session.send(Self.releaseRowSavepoint)
            } catch let error as WorkbenchError {
                // Undo what the row did before it was refused (a command may refuse after a
                // statement, and a statement the module turned into a refusal leaves the
                // transaction failed until this rollback).
                refusals.add(row: row.number, error)
                session.send(Self.rollbackToRowSavepoint)
                session.send(Self.releaseRowSavepoint)
            } catch let error as PostgresError {
                guard let refusal = WorkbenchError(error), refusal.status.code < 500 else { throw error }
                try await session.execute(Self.rollbackToRowSavepoint)
                refusals.add(row: row.number, refusal)
            }
        }
        guard refusals.isEmpty else { throw refusals.error(total: rows.rows.count) }
        if dryRun { try await session.execute(Self.rollbackToSavepoint) }
        return outcome
    }

    /// `rows` ordered so that a row whose parent is another row comes after it; rows in a
    /// loop of parents are refused.
    private func parentsFirst(_ rows: [Row], refusals: inout RowRefusals) -> [Row] {
        let byCode = Dictionary(uniqueKeysWithValues: rows.map { ($0.code, $0) })
        var ordered: [Row] = []
        var done: [String: Bool] = [:]  // false: being visited, true: done
        func visit(_ row: Row, chain: [Int]) {
            if done[row.code] == true { return }
            if done[row.code] == false {
                refusals.add(
                    row: row.number, column: "parent", code: WorkbenchErrorCode.argumentInvalid,
                    "the parents of rows \((chain + [row.number]).map(String.init).joined(separator: ", ")) form a loop")
                return
            }
            done[row.code] = false
            if let parent = row.parent, let parentRow = byCode[parent] { visit(parentRow, chain: chain + [row.number]) }
            done[row.code] = true
            if !refusals.refused(row.number) { ordered.append(row) }
        }
        for row in rows { visit(row, chain: []) }
        return ordered
    }

    static var rowSavepoint: PostgresStatement { PostgresStatement(unnamed: "SAVEPOINT register_import_row") }
    static var releaseRowSavepoint: PostgresStatement { PostgresStatement(unnamed: "RELEASE SAVEPOINT register_import_row") }
    static var rollbackToRowSavepoint: PostgresStatement { PostgresStatement(unnamed: "ROLLBACK TO SAVEPOINT register_import_row") }
    static var savepoint: PostgresStatement { PostgresStatement(unnamed: "SAVEPOINT register_import_dry_run") }
    static var rollbackToSavepoint: PostgresStatement { PostgresStatement(unnamed: "ROLLBACK TO SAVEPOINT register_import_dry_run") }
}
