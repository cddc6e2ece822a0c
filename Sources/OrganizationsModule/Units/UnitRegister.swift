import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// The organisation register for `org unit import` (``CodedRegisterImport``): rows are
/// `org unit add`'s arguments; an organisation whose code exists is matched, not added: left
/// as it is, or with `update=true` brought in line with the file (name, secretary, phone,
/// established_on); a different kind or parent is refused with the command that changes it.
struct UnitRegister: CodedRegister {
    /// `org unit add`.
    let add: CommandSpec
    let noun = (one: "organisation", many: "organisations")

    func draft(_ arguments: Arguments) throws -> UnitStore.Draft { try OrganizationsModule.unitDraft(arguments) }
    func code(of draft: UnitStore.Draft) -> String { draft.code }
    func parentCode(of draft: UnitStore.Draft) -> String? { draft.parent?.binds.code }

    func existing(codes: [String], in session: PostgresSession) async throws -> [String: Unit] {
        try await UnitStore.findShared(codes.map(UnitReference.code), in: session).byCode
    }

    func add(_ draft: UnitStore.Draft, in session: PostgresSession) async throws {
        _ = try await UnitStore.add(draft, in: session)
    }

    /// An organisation the file names that exists: unchanged, updated, or left differing.
    func match(_ draft: UnitStore.Draft, with unit: Unit, update: Bool, in session: PostgresSession) async throws -> RegisterMatch {
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
        guard renamed || secretary || phone || established else { return .unchanged }
        guard update else { return .differing }
        if renamed { _ = try await UnitStore.rename(.code(unit.code), to: draft.name, in: session) }
        if secretary || phone || established {
            _ = try await UnitStore.update(
                .code(unit.code), secretary: secretary ? .some(draft.secretary) : nil, phone: phone ? .some(draft.phone) : nil,
                establishedOn: established ? .some(draft.establishedOn) : nil, in: session
            )
        }
        return .updated
    }
}
