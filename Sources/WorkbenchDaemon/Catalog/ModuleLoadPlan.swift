public import WorkbenchKit

/// Which modules to load and in what order: the enabled ones, each after the modules it
/// requires and after those of its optional requirements that are enabled.
public struct ModuleLoadPlan: Sendable {
    /// Module types in load order.
    public let modules: [any WorkbenchModule.Type]

    /// Plans the load.
    ///
    /// - Parameters:
    ///   - catalog: Every module of the build.
    ///   - enabled: The ids to load; nil loads the whole catalog.
    /// - Throws: ``ConfigurationError`` naming an unknown id, a missing requirement or a cycle.
    public init(catalog: [any WorkbenchModule.Type], enabled: [String]?) throws {
        var byID: [String: any WorkbenchModule.Type] = [:]
        for module in catalog {
            guard byID[module.id] == nil else {
                throw ConfigurationError(key: "modules", message: "two modules in the catalog have the id \(module.id)")
            }
            byID[module.id] = module
        }
        let wanted = enabled ?? catalog.map { $0.id }
        for id in wanted where byID[id] == nil {
            let known = catalog.map { $0.id }.joined(separator: ", ")
            throw ConfigurationError(
                key: "modules.enabled", message: "there is no module \"\(id)\" in this build; known modules: \(known.isEmpty ? "none" : known)"
            )
        }
        let enabledSet = Set(wanted)
        var ordered: [any WorkbenchModule.Type] = []
        var state: [String: Bool] = [:]  // false: visiting, true: done
        func visit(_ id: String, path: [String]) throws {
            if state[id] == true { return }
            if state[id] == false {
                throw ConfigurationError(key: "modules", message: "modules require each other in a cycle: \((path + [id]).joined(separator: " → "))")
            }
            state[id] = false
            let module = byID[id]!
            for requirement in module.requires {
                guard enabledSet.contains(requirement), byID[requirement] != nil else {
                    throw ConfigurationError(
                        key: "modules.enabled", message: "module \(id) requires module \(requirement); enable it too"
                    )
                }
                try visit(requirement, path: path + [id])
            }
            for optional in module.optionalRequires where enabledSet.contains(optional) && byID[optional] != nil {
                try visit(optional, path: path + [id])
            }
            state[id] = true
            ordered.append(module)
        }
        for id in wanted { try visit(id, path: []) }
        self.modules = ordered
    }
}
