public import WorkbenchKit
public import WorkbenchPostgres

/// 联席会议与考核: replace this with the module's overview — what it models, its commands by
/// area, the rules it enforces and where they come from.
///
/// - **Items** (`gov item add|list`): the example area; each area is a folder shaped
///   commands → store → queries (`Items/`).
public struct GovernanceModule: WorkbenchModule {
    /// `governance`, also the PostgreSQL schema.
    public static let id = "governance"
    /// `gov`.
    public static let alias = "gov"
    /// 联席会议与考核.
    public static let title = "联席会议与考核"
    /// The module's migrations, embedded from `Migrations/`.
    public static var migrations: [Migration] { EmbeddedMigrations.all }
    /// Every error code the module answers with.
    public static var errorCodes: [String] { GovernanceErrorCode.all }

    /// Reads the module's configuration (`modules.governance`); none yet.
    public init(context: ModuleContext) async throws {}

    /// Every command, grouped by area.
    public var commands: [CommandSpec] { itemCommands }

    /// Friendly replies for the constraints that need more than their comment says.
    public var constraintErrors: [String: WorkbenchError] {
        [
            "items_name_key": .conflict(
                GovernanceErrorCode.itemDuplicate, argument: "name",
                "an item with this name exists; choose another name or see 'gov item list'")
        ]
    }
}
