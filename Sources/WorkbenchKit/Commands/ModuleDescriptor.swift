/// What the command table and help know about a loaded module.
public struct ModuleDescriptor: Sendable, Equatable {
    /// The module's id.
    public var id: String
    /// Its short alias.
    public var alias: String
    /// Its title in the domain's words.
    public var title: String
    /// One line on what it covers.
    public var summary: String

    /// Creates a descriptor.
    public init(id: String, alias: String, title: String, summary: String) {
        self.id = id
        self.alias = alias
        self.title = title
        self.summary = summary
    }

    /// The descriptor of a module type.
    public init<Module: WorkbenchModule>(_ type: Module.Type) {
        self.init(id: Module.id, alias: Module.alias, title: Module.title, summary: Module.summary)
    }
}
