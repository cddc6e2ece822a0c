public import WorkbenchPostgres

/// A module's status machine, read once from its transitions table when the module starts:
/// which action leads from which status to which (`grids.case_transitions`,
/// `property.complaint_transitions`, `consultations.order_transitions`,
/// `property.project_transitions`, `organizations.project_transitions`).
///
/// The table is the one source of the rules: a trigger on the module's table refuses any
/// change of status the table does not list, whoever writes it, and the workflows ask this
/// copy of it (no round trip per command) to answer a refused action with what is allowed.
/// Migrations change a machine only by changing its table; the daemon reads it again at start.
public struct StatusMachine: Sendable, Equatable {
    /// One row of the table.
    public struct Transition: Sendable, Equatable {
        /// The status it starts from.
        public var from: String
        /// The action.
        public var action: String
        /// The status it leads to.
        public var to: String

        /// Creates a transition.
        public init(from: String, action: String, to: String) {
            self.from = from
            self.action = action
            self.to = to
        }
    }

    /// The table it was read from.
    public let table: String
    private let targets: [String: [String: String]]

    /// A machine of the transitions given (for tests, and for ``load(_:in:)``).
    public init(table: String, transitions: [Transition]) {
        self.table = table
        var targets: [String: [String: String]] = [:]
        for transition in transitions { targets[transition.from, default: [:]][transition.action] = transition.to }
        self.targets = targets
    }

    /// Reads the machine from `table` (a schema-qualified name the module owns, such as
    /// `grids.case_transitions`, with columns from_status, action and to_status).
    public static func load(_ table: String, in database: PostgresPool) async throws -> StatusMachine {
        precondition(table.range(of: #"^[a-z_]+\.[a-z_]+$"#, options: .regularExpression) != nil, "a transitions table is schema.table")
        let statement = PostgresStatement("workbench.status_machine.\(table)", "SELECT from_status, action, to_status FROM \(table)")
        let rows = try await database.withConnection { try await $0.query(statement) }
        return StatusMachine(
            table: table,
            transitions: try rows.map { row in
                Transition(from: try row.decode("from_status"), action: try row.decode("action"), to: try row.decode("to_status"))
            }
        )
    }

    /// The status `action` leads to from `status`, nil when the table does not allow it.
    public func target(from status: String, action: String) -> String? {
        targets[status]?[action]
    }

    /// The action that leads from `status` to `next`, nil when the table lists none (for
    /// commands that name the status to move to rather than the action).
    public func action(from status: String, to next: String) -> String? {
        (targets[status] ?? [:]).filter { $0.value == next }.map(\.key).min()
    }

    /// The statuses reachable from `status` in one step, sorted.
    public func nextStatuses(from status: String) -> [String] {
        Set((targets[status] ?? [:]).values).sorted()
    }

    /// The actions allowed from `status` and where each leads, by action.
    public func allowed(from status: String) -> [(action: String, to: String)] {
        (targets[status] ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// `accept (→ accepted), cancel (→ cancelled)`: what a refusal lists; nil when nothing
    /// follows `status`.
    public func describeAllowed(from status: String) -> String? {
        let allowed = allowed(from: status)
        return allowed.isEmpty ? nil : allowed.map { "\($0.action) (→ \($0.to))" }.joined(separator: ", ")
    }

    public static func == (lhs: StatusMachine, rhs: StatusMachine) -> Bool {
        lhs.table == rhs.table && lhs.targets == rhs.targets
    }
}
