import WorkbenchKit

extension GovernanceModule {
    /// The items' commands.
    var itemCommands: [CommandSpec] { [addItemCommand, listItemsCommand] }

    private var addItemCommand: CommandSpec {
        CommandSpec(
            "item add", synopsis: "Add an item",
            arguments: [.required("name", .string(maxLength: 100), help: "The item's unique name", label: "名称")],
            mutates: true,
            examples: ["gov item add name=示例"]
        ) { invocation in
            let id = try await ItemStore.add(name: try invocation.arguments.string("name"), in: invocation.database)
            return .created(id: id, "item \(id) added")
        }
    }

    private var listItemsCommand: CommandSpec {
        CommandSpec(
            "item list", synopsis: "List items; paged",
            arguments: Page.arguments(),
            examples: ["gov item list"]
        ) { invocation in
            let page = try Page(invocation.arguments)
            let items = try await ItemStore.list(page: page, in: invocation.database)
            return page.reply(columns: Item.listColumns, rows: items.map { ($0.id, $0.listValues) })
        }
    }
}
