import Testing
import WorkbenchKit
@testable import OrganizationsModule

@Suite("The placement rule table")
struct PlacementRuleTests {
    /// Every (parent, child) pair the organisation structure needs, and some it must refuse.
    static let cases: [(parent: OrganizationKind?, child: OrganizationKind, allowed: Bool)] = [
        (nil, .city, true),
        (nil, .district, true),
        (nil, .street, false),
        (nil, .branch, false),
        (.city, .district, true),
        (.city, .street, false),
        (.district, .street, true),
        (.district, .community, false),
        (.district, .industry, true),
        (.district, .residentUnit, true),
        (.street, .community, true),
        (.street, .regional, true),
        (.street, .gridBranch, false),
        (.community, .gridBranch, true),
        (.community, .buildingGroup, false),
        (.community, .street, false),
        (.gridBranch, .buildingGroup, true),
        (.gridBranch, .gridBranch, false),
        (.buildingGroup, .buildingGroup, false),
        (.buildingGroup, .branch, false),
        (.industry, .branch, true),
        (.industry, .twoNew, true),
        (.residentUnit, .branch, true),
        (.residentUnit, .community, false),
        (.twoNew, .branch, true),
        (.regional, .twoNew, true),
        (.joint, .branch, true),
        (.networkBranch, .branch, false),
        (.branch, .branch, false),
    ]

    @Test(arguments: cases)
    func placement(parent: OrganizationKind?, child: OrganizationKind, allowed: Bool) {
        let outcome = Result { try PlacementRule.check(child: child, under: parent, childCode: "X1", parent: nil) }
        switch outcome {
        case .success: #expect(allowed, "\(child) under \(String(describing: parent)) should be refused")
        case .failure(let error as WorkbenchError):
            #expect(!allowed, "\(child) under \(String(describing: parent)) should be allowed")
            #expect(error.status == .unprocessable)
            #expect(error.message.contains(child.chineseName))
            if let parent {
                #expect(error.code == "organizations.unit.kind_not_allowed")
                #expect(error.message.contains(parent.chineseName), "the refusal names both kinds: \(error.message)")
            } else {
                #expect(error.code == "organizations.unit.parent_required")
            }
        case .failure(let error):
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func everyKindHasARowAndAChineseName() {
        for kind in OrganizationKind.allCases {
            #expect(OrganizationKind.allowedChildren[kind] != nil, "\(kind) is missing from the rule table")
            #expect(!kind.chineseName.isEmpty)
        }
    }

    @Test func theSpineFromSeed002IsPlaceable() {
        let spine: [OrganizationKind] = [.city, .district, .street, .community, .gridBranch, .buildingGroup]
        for (parent, child) in zip(spine, spine.dropFirst()) {
            #expect(parent.mayContain(child), "\(child) under \(parent)")
        }
    }
}
