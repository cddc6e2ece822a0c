import Testing

@testable import WorkbenchPostgres

/// Which session identity a pooled connection has in force and what each round trip must
/// send first, without a database.
@Suite("A connection's session identity")
struct SessionIdentityTrackerTests {
    static let establish = PostgresStatement("test.identity.set", "SELECT set_config('test.identity', $1, false)")
    static let reset = PostgresStatement("test.identity.reset", "SELECT set_config('test.identity', '', false)")

    static func identity(_ key: String) -> SessionIdentity {
        SessionIdentity(key: key, establish: establish, [key], reset: reset)
    }

    /// One event in a connection's life.
    enum Step: Sendable {
        /// A new borrower, wanting this identity (nil: none), then its first round trip:
        /// succeeded or not, ending outside a transaction or not.
        case borrow(String?, succeeded: Bool = true, idle: Bool = true)
        /// Another round trip of the same borrower.
        case roundTrip(succeeded: Bool = true, idle: Bool = true)
        /// The borrower's transaction is rolled back.
        case rollback
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var steps: [Step]
        /// What each borrow or round trip sent first: `set X`, `reset`, or nil for nothing.
        var openings: [String?]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no identity is never set", steps: [.borrow(nil), .roundTrip(), .borrow(nil)], openings: [nil, nil, nil]),
        Case(
            name: "the same identity again costs nothing", steps: [.borrow("A"), .roundTrip(), .borrow("A"), .borrow("A")],
            openings: ["set A", nil, nil, nil]),
        Case(
            name: "a borrower without one gets it taken back", steps: [.borrow("A"), .borrow(nil), .borrow(nil)], openings: ["set A", "reset", nil]),
        Case(name: "another identity replaces it", steps: [.borrow("A"), .borrow("B"), .borrow("A")], openings: ["set A", "set B", "set A"]),
        Case(
            name: "a change in a transaction counts once the transaction ends well",
            steps: [.borrow("A", idle: false), .roundTrip(idle: false), .roundTrip(idle: true), .borrow("A")], openings: ["set A", nil, nil, nil]),
        Case(
            name: "a rolled-back transaction may have undone the change",
            steps: [.borrow("A", idle: false), .rollback, .borrow("A")], openings: ["set A", nil, "set A"]),
        Case(
            name: "a rolled-back change is taken back for a borrower without one",
            steps: [.borrow("A", idle: false), .rollback, .borrow(nil)], openings: ["set A", nil, "reset"]),
        Case(
            name: "a failed round trip leaves it unknown", steps: [.borrow("A", succeeded: false), .borrow("A"), .borrow("A")],
            openings: ["set A", "set A", nil]),
        Case(
            name: "a failure later in the transaction too",
            steps: [.borrow("A", idle: false), .roundTrip(succeeded: false, idle: false), .rollback, .borrow(nil)],
            openings: ["set A", nil, nil, "reset"]),
        Case(
            name: "a borrower who leaves mid-transaction", steps: [.borrow("A", idle: false), .borrow("A")], openings: ["set A", "set A"]),
    ]

    @Test(arguments: cases)
    func eachRoundTripSendsWhatTheBorrowerNeeds(_ example: Case) {
        var tracker = SessionIdentityTracker()
        var openings: [String?] = []
        func roundTrip(succeeded: Bool, idle: Bool) {
            if let opening = tracker.opening() {
                let isReset = opening.statement.name == Self.reset.name
                openings.append(isReset ? "reset" : "set \(opening.values.first.flatMap { $0 } ?? "")")
            } else {
                openings.append(nil)
            }
            tracker.roundTripEnded(succeeded: succeeded, idle: idle)
        }
        for step in example.steps {
            switch step {
            case .borrow(let key, let succeeded, let idle):
                tracker.borrowerChanged()
                tracker.want(key.map(Self.identity))
                roundTrip(succeeded: succeeded, idle: idle)
            case .roundTrip(let succeeded, let idle):
                roundTrip(succeeded: succeeded, idle: idle)
            case .rollback:
                tracker.abandon()
                openings.append(nil)
            }
        }
        #expect(openings == example.openings)
    }
}
