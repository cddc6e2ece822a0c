import Testing
import WorkbenchKit

@Suite("A status machine read from its transitions table")
struct StatusMachineTests {
    static let machine = StatusMachine(
        table: "grids.case_transitions",
        transitions: [
            .init(from: "reported", action: "accept", to: "accepted"), .init(from: "reported", action: "cancel", to: "cancelled"),
            .init(from: "accepted", action: "resolve", to: "resolved"), .init(from: "resolved", action: "reopen", to: "in_progress"),
        ]
    )

    @Test(
        arguments: [
            ("reported", "accept", "accepted"), ("reported", "cancel", "cancelled"), ("accepted", "resolve", "resolved"),
            ("reported", "resolve", nil), ("closed", "reopen", nil), ("resolved", "reopen", "in_progress"),
        ] as [(String, String, String?)])
    func target(_ from: String, _ action: String, _ to: String?) {
        #expect(Self.machine.target(from: from, action: action) == to)
    }

    @Test func whatARefusalListsIsSortedByAction() {
        #expect(Self.machine.describeAllowed(from: "reported") == "accept (→ accepted), cancel (→ cancelled)")
        #expect(Self.machine.allowed(from: "reported").map(\.action) == ["accept", "cancel"])
        #expect(Self.machine.describeAllowed(from: "cancelled") == nil, "nothing follows a final status")
    }

    @Test(
        arguments: [
            ("reported", "accepted", "accept"), ("reported", "cancelled", "cancel"), ("accepted", "cancelled", nil),
            ("resolved", "in_progress", "reopen"), ("closed", "reported", nil),
        ] as [(String, String, String?)])
    func actionLeadingTo(_ from: String, _ to: String, _ action: String?) {
        #expect(Self.machine.action(from: from, to: to) == action)
    }

    @Test func nextStatusesAreSortedAndDistinct() {
        #expect(Self.machine.nextStatuses(from: "reported") == ["accepted", "cancelled"])
        #expect(Self.machine.nextStatuses(from: "closed").isEmpty)
    }
}
