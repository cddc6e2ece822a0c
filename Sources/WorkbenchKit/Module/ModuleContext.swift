public import Configuration
public import Foundation
public import Logging
public import WorkbenchPostgres

/// What a module receives when the daemon initialises it.
public struct ModuleContext: Sendable {
    /// The module's configuration: the `modules.<id>` section of the config file, with
    /// `DANGJIAN_MODULES_<ID>_…` environment overrides.
    public let config: ConfigReader
    /// A logger labelled with the module's id.
    public let logger: Logger
    /// The shared database pool (for background services; commands use
    /// ``Invocation/database``).
    public let database: PostgresPool
    /// The wall clock.
    public let clock: any WorkbenchClock
    /// The daemon's time zone.
    public let timeZone: TimeZone
    private let loaded: [String: any WorkbenchModule]

    /// Creates a context.
    public init(
        config: ConfigReader, logger: Logger, database: PostgresPool, clock: any WorkbenchClock, timeZone: TimeZone,
        loadedModules: [String: any WorkbenchModule] = [:]
    ) {
        self.config = config
        self.logger = logger
        self.database = database
        self.clock = clock
        self.timeZone = timeZone
        self.loaded = loadedModules
    }

    /// A module this one declared in ``WorkbenchModule/requires`` or
    /// ``WorkbenchModule/optionalRequires``, already initialised; nil when it is not loaded.
    public func module<Module: WorkbenchModule>(_ type: Module.Type) -> Module? {
        loaded[Module.id] as? Module
    }

    /// Whether the module with `id`, declared in ``WorkbenchModule/requires`` or
    /// ``WorkbenchModule/optionalRequires``, is loaded: for a module that only reads another's
    /// tables (through their schema) without linking its Swift target.
    public func isLoaded(_ id: String) -> Bool { loaded[id] != nil }
}
