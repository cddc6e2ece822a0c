import WorkbenchKit
import WorkbenchPostgres

/// The grid register for `grid import` (``CodedRegisterImport``): rows are `grid add`'s
/// arguments; a grid whose code exists is matched, not added: left as it is, or with
/// `update=true` given the file's name and (for a basic grid) households; a different level, community or
/// parent is refused with what to do instead.
struct GridRegister: CodedRegister {
    /// `grid add`.
    let add: CommandSpec
    let noun = (one: "grid", many: "grids")

    func draft(_ arguments: Arguments) throws -> GridStore.Draft { try GridsModule.gridDraft(arguments) }
    func code(of draft: GridStore.Draft) -> String { draft.code }
    func parentCode(of draft: GridStore.Draft) -> String? { draft.parent.flatMap { GridReference($0).binds.code } }

    func existing(codes: [String], in session: PostgresSession) async throws -> [String: Grid] {
        try await GridStore.find(codes: codes, in: session)
    }

    func add(_ draft: GridStore.Draft, in session: PostgresSession) async throws {
        _ = try await GridStore.add(draft, in: session)
    }

    /// A grid the file names that exists: unchanged, updated, or left differing.
    func match(_ draft: GridStore.Draft, with grid: Grid, update: Bool, in session: PostgresSession) async throws -> RegisterMatch {
        if draft.level != grid.level {
            throw WorkbenchError.invalidArgument(
                "level", "\(grid.label) is \(grid.level.rawValue) here and \(draft.level.rawValue) in the file; the level does not change")
        }
        if let community = RecordReference(draft.community).binds.code, community != grid.communityCode {
            throw WorkbenchError.invalidArgument("community", "\(grid.label) belongs to \(grid.communityCode) here, to \(community) in the file")
        }
        if let parent = parentCode(of: draft), parent != grid.parentCode {
            throw WorkbenchError.invalidArgument(
                "parent", "\(grid.label) sits under \(grid.parentCode ?? "no grid") here, under \(parent) in the file")
        }
        let renamed = draft.name != grid.name
        // Higher-level grids show their basic grids' households summed: only a basic grid's own
        // count is compared.
        let households = draft.level == .basic && draft.households != grid.households
        guard renamed || households else { return .unchanged }
        guard update else { return .differing }
        _ = try await GridStore.update(
            .code(grid.code), GridStore.Changes(name: renamed ? draft.name : nil, households: households ? draft.households : nil), in: session)
        return .updated
    }
}
