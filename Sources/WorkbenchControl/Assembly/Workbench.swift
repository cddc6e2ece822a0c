public import ServiceLifecycle
public import WorkbenchKit

/// A workbench as ``WorkbenchBuilder`` put it together: the initialised modules, the command
/// table, the dispatcher in front of the command chain, and the modules' background jobs (the core's among them).
public struct Workbench: Sendable {
    /// The initialised modules, in load order: the core module first.
    public let modules: [any WorkbenchModule]
    /// Every command served.
    public let table: CommandTable
    /// Answers request lines.
    public let dispatcher: CommandDispatcher
    /// The modules' background jobs, for the daemon's `ServiceGroup`.
    public let services: [any Service]

    /// The module with `id`, if loaded.
    public func module(_ id: String) -> (any WorkbenchModule)? {
        modules.first { type(of: $0).id == id }
    }
}
