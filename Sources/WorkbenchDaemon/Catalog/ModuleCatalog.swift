import ConsultationsModule
import GovernanceModule
import GridsModule
import OrganizationsModule
import PropertyModule
import StationsModule
public import WorkbenchKit

/// Every module this build can run, in one explicit list (like nginx's module array).
/// Configuration (`modules.enabled`) chooses which are loaded; the daemon orders them by
/// their `requires`.
///
/// `swift package new-module <id>` adds a new module's type here (before the marker below),
/// its import above and its target to Package.swift.
public enum ModuleCatalog {
    /// The modules of this build.
    public static let all: [any WorkbenchModule.Type] = [
        OrganizationsModule.self,
        GridsModule.self,
        PropertyModule.self,
        StationsModule.self,
        ConsultationsModule.self,
        GovernanceModule.self,
        // new-module: catalog (swift package new-module adds a module's type above this line)
    ]
}
