import ConsultationsModule
import GridsModule
import OrganizationsModule
import PropertyModule
import StationsModule
public import WorkbenchKit

/// Every module this build can run, in one explicit list (like nginx's module array).
/// Configuration (`modules.enabled`) chooses which are loaded; the daemon orders them by
/// their `requires`.
///
/// To add a module: create its target (`swift package new-module <name>`), add it to
/// Package.swift's `WorkbenchDaemon` dependencies, and add its type here.
public enum ModuleCatalog {
    /// The modules of this build.
    public static let all: [any WorkbenchModule.Type] = [
        OrganizationsModule.self,
        GridsModule.self,
        PropertyModule.self,
        StationsModule.self,
        ConsultationsModule.self,
    ]
}
