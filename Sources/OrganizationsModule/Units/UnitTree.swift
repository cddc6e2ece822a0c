import WorkbenchKit
import WorkbenchPostgres

/// `org unit tree`: a subtree, parents before children, with member and child counts at
/// every node.
///
/// Members are counted over each node's whole subtree (a community's count includes its
/// grid branches and building groups); children are the node's direct active children. Both
/// come from `organizations.unit_counts`: the nodes' own rows, and the subtree's rows summed
/// per displayed node.
struct UnitTree: Sendable {
    struct Node: Sendable {
        var id: Int64
        var code: String
        var name: String
        var kind: OrganizationKind
        var path: String
        var parentID: Int64?
        var level: Int
        var dissolvedOn: CalendarDate?
        var children: Int
        var members: Int = 0
    }

    /// The most nodes one reply prints.
    static let nodeLimit = 5000

    enum Queries {
        static let nodes = PostgresStatement(
            "organizations.tree.nodes",
            """
            SELECT u.id, u.code, u.name, u.kind, u.path::text AS path, u.parent_id, public.nlevel(u.path) AS level, u.dissolved_on,
                   COALESCE(c.children, 0)::bigint AS children
            FROM organizations.units u LEFT JOIN organizations.unit_counts c ON c.unit_id = u.id
            WHERE u.path OPERATOR(public.~) $1::public.lquery AND ($2 OR u.dissolved_on IS NULL)
            LIMIT $3
            """
        )
        static let memberBuckets = PostgresStatement(
            "organizations.tree.member_buckets",
            """
            SELECT public.subpath(c.path, 0, LEAST(public.nlevel(c.path), $2))::text AS bucket, sum(c.members)::bigint AS members
            FROM organizations.unit_counts c
            WHERE c.path OPERATOR(public.<@) $1::public.ltree AND c.members <> 0
            GROUP BY 1
            """
        )
    }

    var root: Unit
    var nodes: [Node]
    var truncated: Bool

    /// Loads `root`'s subtree down to `depth` levels below it (nil: all).
    static func load(root: Unit, depth: Int?, includeDissolved: Bool, in session: PostgresSession) async throws -> UnitTree {
        let rootLevel = root.path.split(separator: ".").count
        let maxLevel = depth.map { rootLevel + $0 } ?? Int(Int32.max)
        // `1.4.*{0,2}`: the root and up to two levels below it, through the GiST index.
        let pattern = root.path + ".*" + (depth.map { "{0,\($0)}" } ?? "")
        let rows = try await session.query(Queries.nodes, [pattern, includeDissolved, nodeLimit + 1])
        var nodes = try rows.map { row in
            Node(
                id: try row.decode("id"), code: try row.decode("code"), name: try row.decode("name"),
                kind: OrganizationKind(rawValue: try row.decode("kind")) ?? .branch, path: try row.decode("path"),
                parentID: try row.decode("parent_id"), level: try row.decode("level"), dissolvedOn: try row.decode("dissolved_on"),
                children: try row.decode("children")
            )
        }
        let truncated = nodes.count > nodeLimit
        if truncated { nodes.removeLast(nodes.count - nodeLimit) }
        // Each bucket is a displayed node's path (or a deeper path cut to the display depth):
        // add its members to that node and every displayed ancestor.
        var indexByPath: [Substring: Int] = [:]
        for (index, node) in nodes.enumerated() { indexByPath[Substring(node.path)] = index }
        let buckets = try await session.query(Queries.memberBuckets, [root.path, maxLevel])
        for row in buckets {
            let bucket: String = try row.decode("bucket")
            let members: Int = try row.decode("members")
            var path = Substring(bucket)
            while true {
                if let index = indexByPath[path] { nodes[index].members += members }
                guard path.count > root.path.count, let dot = path.lastIndex(of: ".") else { break }
                path = path[..<dot]
            }
        }
        return UnitTree(root: root, nodes: Self.depthFirst(nodes, rootID: root.id), truncated: truncated)
    }

    /// Orders nodes parent before children, siblings by code.
    static func depthFirst(_ nodes: [Node], rootID: Int64) -> [Node] {
        var children: [Int64: [Node]] = [:]
        var root: Node?
        for node in nodes {
            if node.id == rootID { root = node } else if let parent = node.parentID { children[parent, default: []].append(node) }
        }
        guard let root else { return [] }
        var ordered: [Node] = []
        var stack = [root]
        while let node = stack.popLast() {
            ordered.append(node)
            let sorted = children[node.id, default: []].sorted { $0.code < $1.code }
            stack.append(contentsOf: sorted.reversed())
        }
        return ordered
    }

    /// The tree as a table, parents before children: `depth` is the level below the root
    /// (0 for the root), `parent` the parent's code.
    var table: ReplyTable {
        let rootLevel = nodes.first?.level ?? 0
        var codes: [Int64: String] = [:]
        for node in nodes { codes[node.id] = node.code }
        return ReplyTable(
            columns: ["depth", "code", "name", "kind", "kind_name", "parent", "members", "children", "dissolved_on"],
            rows: nodes.map { node in
                [
                    .int(Int64(node.level - rootLevel)), .string(node.code), .string(node.name), .string(node.kind.rawValue),
                    .string(node.kind.chineseName), .string(node.parentID.flatMap { codes[$0] }), .int(Int64(node.members)),
                    .int(Int64(node.children)), .date(node.dissolvedOn),
                ]
            }
        )
    }

    /// The final line: how many organisations, and whether the tree was cut short.
    var summary: String {
        truncated
            ? "the first \(nodes.count) organisations of more than \(Self.nodeLimit); narrow it with depth= or a lower unit="
            : "\(nodes.count) organisations"
    }
}
