import Testing

@testable import dangjian_bench

@Suite("Dataset shape")
struct DatasetShapeTests {
    @Test("Scale 1 is the district of the benchmark issue")
    func scaleOne() {
        let shape = DatasetShape(scale: 1)
        #expect(shape.districts == 1)
        #expect(shape.streets == 20)
        #expect(shape.communities == 300)
        #expect(shape.grids == 6_000)
        #expect(shape.organisations == 50_000)
        #expect(shape.members == 500_000)
        #expect(shape.cases == 1_000_000)
        #expect(shape.buildingGroups > shape.grids)
    }

    @Test("Scale 2 doubles every count and the districts", arguments: [2.0, 3.0])
    func larger(scale: Double) {
        let shape = DatasetShape(scale: scale)
        #expect(shape.districts == Int(scale))
        #expect(shape.grids == Int(6_000 * scale))
        #expect(shape.cases == Int(1_000_000 * scale))
    }

    @Test("A small scale keeps one of each level")
    func small() {
        let shape = DatasetShape(scale: 0.0001)
        #expect(shape.districts == 1 && shape.streets == 1 && shape.communities == 1 && shape.grids == 1)
        #expect(shape.buildingGroups >= 0)
        #expect(shape.members >= 10 && shape.cases >= 10)
    }

    @Test("The plan has exactly the shape's units and grids, each parent before its children")
    func planMatchesShape() {
        let shape = DatasetShape(scale: 0.01)
        let plan = OrganisationPlan(shape: shape, seed: 7, firstUnitID: 100, firstGridID: 50)
        #expect(plan.unitCount == shape.organisations)
        #expect(plan.grids.count == shape.grids)
        #expect(plan.buildingGroups.count == shape.buildingGroups)
        var seen: Set<Int64> = []
        for level in plan.levels {
            for unit in level { #expect(unit.parentID.map(seen.contains) ?? true, "\(unit.code)") }
            seen.formUnion(level.map(\.id))
        }
        #expect(seen == Set(100..<(100 + Int64(shape.organisations))))
        #expect(Set(plan.levels.flatMap { $0.map(\.code) }).count == shape.organisations)
    }

    @Test("Splits differ by at most one and add up", arguments: [(10, 3), (6_000, 300), (5, 5), (0, 4)])
    func split(total: Int, parts: Int) {
        let counts = OrganisationPlan.split(total, into: parts)
        #expect(counts.count == parts)
        #expect(counts.reduce(0, +) == total)
        #expect((counts.max() ?? 0) - (counts.min() ?? 0) <= 1)
    }
}
