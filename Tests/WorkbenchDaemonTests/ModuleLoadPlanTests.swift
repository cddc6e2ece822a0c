import Testing
import WorkbenchDaemon
import WorkbenchKit
import WorkbenchPostgres

private struct Spine: WorkbenchModule {
    static let id = "spine"
    static let alias = "sp"
    static let title = "spine"
    static let migrations: [Migration] = []
    init(context: ModuleContext) async throws {}
    var commands: [CommandSpec] { [] }
}

private struct Leaf: WorkbenchModule {
    static let id = "leaf"
    static let alias = "lf"
    static let title = "leaf"
    static let requires = ["spine"]
    static let migrations: [Migration] = []
    init(context: ModuleContext) async throws {}
    var commands: [CommandSpec] { [] }
}

/// Uses the leaf when it is there.
private struct Annex: WorkbenchModule {
    static let id = "annex"
    static let alias = "ax"
    static let title = "annex"
    static let requires = ["spine"]
    static let optionalRequires = ["leaf"]
    static let migrations: [Migration] = []
    init(context: ModuleContext) async throws {}
    var commands: [CommandSpec] { [] }
}

private struct Loop: WorkbenchModule {
    static let id = "loop"
    static let alias = "lp"
    static let title = "loop"
    static let requires = ["knot"]
    static let migrations: [Migration] = []
    init(context: ModuleContext) async throws {}
    var commands: [CommandSpec] { [] }
}

private struct Knot: WorkbenchModule {
    static let id = "knot"
    static let alias = "kn"
    static let title = "knot"
    static let requires = ["loop"]
    static let migrations: [Migration] = []
    init(context: ModuleContext) async throws {}
    var commands: [CommandSpec] { [] }
}

@Suite("Which modules load, in which order")
struct ModuleLoadPlanTests {
    @Test func requirementsLoadFirst() throws {
        let plan = try ModuleLoadPlan(catalog: [Leaf.self, Spine.self], enabled: nil)
        #expect(plan.modules.map { $0.id } == ["spine", "leaf"])
    }

    @Test func onlyEnabledModulesLoad() throws {
        let plan = try ModuleLoadPlan(catalog: [Leaf.self, Spine.self], enabled: ["spine"])
        #expect(plan.modules.map { $0.id } == ["spine"])
    }

    @Test func aMissingRequirementIsNamed() {
        let error = #expect(throws: ConfigurationError.self) { try ModuleLoadPlan(catalog: [Leaf.self, Spine.self], enabled: ["leaf"]) }
        #expect(error?.message == "module leaf requires module spine; enable it too")
    }

    @Test func anUnknownModuleIsNamed() {
        let error = #expect(throws: ConfigurationError.self) { try ModuleLoadPlan(catalog: [Spine.self], enabled: ["grids"]) }
        #expect(error?.message.contains("no module \"grids\"") == true)
    }

    @Test func optionalRequirementsLoadFirstWhenEnabled() throws {
        let all = try ModuleLoadPlan(catalog: [Annex.self, Leaf.self, Spine.self], enabled: nil)
        #expect(all.modules.map { $0.id } == ["spine", "leaf", "annex"])
        let without = try ModuleLoadPlan(catalog: [Annex.self, Leaf.self, Spine.self], enabled: ["annex", "spine"])
        #expect(without.modules.map { $0.id } == ["spine", "annex"])
    }

    @Test func cyclesAreRefused() {
        let error = #expect(throws: ConfigurationError.self) { try ModuleLoadPlan(catalog: [Loop.self, Knot.self], enabled: nil) }
        #expect(error?.message.contains("cycle") == true)
    }

    @Test func theShippedCatalogPlans() throws {
        let plan = try ModuleLoadPlan(catalog: ModuleCatalog.all, enabled: nil)
        #expect(plan.modules.count == ModuleCatalog.all.count)
    }
}
