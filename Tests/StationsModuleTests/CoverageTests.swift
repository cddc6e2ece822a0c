import Foundation
import Testing
import WorkbenchTestSupport
@testable import StationsModule

/// Coverage against the real database: over grids, over the hexagon lattice, and refusals.
@Suite struct CoverageTests {
    /// Four located grids in S1 and one without a centroid:
    /// G1 at the origin (YZ1 200 m away), G2 1,200 m north (YZ2 600 m), G3 3,000 m south
    /// (YZ3 1,500 m), G4 5,000 m north (YZ2 4,400 m).
    static func withGrids(_ body: (ModuleHarness) async throws -> Void) async throws {
        try await StationsFixture.with(grids: true) { harness in
            for (code, metres, households) in [("G1", 0.0, 300), ("G2", 1200, 100), ("G3", -3000, 100), ("G4", 5000, 500)] {
                let community = code == "G4" ? "C2" : "C1"
                _ = try await harness.create(
                    "grid add code=\(code) name=\(code)网格 "
                        + "community=\(community) \(StationsFixture.place(StationsFixture.north(metres))) households=\(households)"
                )
            }
            _ = try await harness.create("grid add code=G5 name=G5网格 community=C2 households=50")
            try await body(harness)
        }
    }

    @Test func measuresTheShareOfGridsWithinFifteenMinutesOnFoot() async throws {
        try await Self.withGrids { harness in
            let reply = await harness.send("station coverage scope=S1")
            #expect(reply.status == 200)
            #expect(reply.summary.hasPrefix("coverage 50.0 %: 2 of 4 grids within 15 min walk (1000 m) of an open station, 2 uncovered"))
            #expect(reply.summary.contains("households covered 40.0 %"))
            #expect(reply.summary.contains("1 grids without a centroid not counted"))
            // The headline figures are data too (what the JSON form's record carries).
            #expect(reply.field("coverage_rate") == "50" && reply.field("households_coverage_rate") == "40", "\(reply)")
            #expect(reply.field("covered") == "2" && reply.field("measured") == "4" && reply.field("unlocated_grids") == "1")
            #expect(reply.field("circle") == "15 min walk (1000 m)" && reply.field("radius_m") == "1000")
            #expect(reply.column("place", in: "gaps") == ["G4", "G3"], "worst first")
            #expect(reply.column("nearest_station", in: "gaps") == ["YZ2 和平红暖之家", "YZ3 光明驿站"])
            #expect(reply.column("metres", in: "gaps") == ["4400", "1500"])
            #expect(reply.column("beyond_m", in: "gaps") == ["3400", "500"])
            #expect(reply.section("gaps")[1]["walk_min"] == "22.5")
            #expect(reply.section("gaps")[0]["households"] == "500")
        }
    }

    static let circlesOfOtherSizesCases: [(String, String, [String])] = [
        ("minutes=15 mode=ebike", "coverage 75.0 %: 3 of 4 grids within 15 min ebike (3000 m)", ["G4"]),
        ("metres=500", "coverage 25.0 %: 1 of 4 grids within 500 m", ["G4", "G3", "G2"]),
        ("minutes=30", "coverage 75.0 %: 3 of 4 grids within 30 min walk (2000 m)", ["G4"]),
        ("metres=5000", "coverage 100.0 %: 4 of 4 grids within 5000 m", []),
    ]

    @Test func circlesOfOtherSizes() async throws {
        try await Self.withGrids { harness in
            for (arguments, summary, gaps) in Self.circlesOfOtherSizesCases {
                let reply = await harness.send("station coverage scope=S1 \(arguments)")
                #expect(reply.summary.hasPrefix(summary), "\(reply)")
                #expect(reply.column("place", in: "gaps") == gaps, "\(arguments)")
            }
        }
    }

    @Test func closedStationsServeNobody() async throws {
        try await Self.withGrids { harness in
            _ = await harness.send("station close station=YZ1 reason=搬迁")
            let reply = await harness.send("station coverage scope=C1 metres=1000")
            // G1 is now 600 m from YZ2 (covered); G2 600 m (covered); G3 1,500 m from YZ3.
            #expect(reply.summary.hasPrefix("coverage 66.7 %: 2 of 3 grids"))
            _ = await harness.send("station close station=YZ2 reason=装修")
            _ = await harness.send("station close station=YZ3 reason=装修")
            let none = await harness.send("station coverage scope=C1")
            #expect(none.summary.hasPrefix("coverage 0.0 %"))
            #expect(none.column("nearest_station", in: "gaps") == ["none open", "none open", "none open"])
        }
    }

    @Test func countsLatticeCellsTheWaySwiftDoes() async throws {
        try await StationsFixture.with { harness in
            let extent = "34.850000,117.545000,34.880000,117.575000"
            let reply = await harness.send("station coverage scope=D1 of=hexagons extent=\(extent) cell=300 limit=1000")
            #expect(reply.status == 200)
            let lattice = HexLattice(box: GeoBox(parsing: extent)!, spacing: 300)
            let stations = [StationsFixture.north(200), StationsFixture.north(600), StationsFixture.north(-1500)]
            let covered = lattice.cells.filter { cell in stations.contains { $0.metres(to: cell.point) <= 1000 } }.count
            let expected = String(
                format: "coverage %.1f %%: %d of %d hexagon cells", Double(covered) * 100 / Double(lattice.cellCount), covered, lattice.cellCount)
            #expect(reply.summary.hasPrefix(expected), "\(reply.summary) vs \(expected)")
            #expect(reply.section("gaps").count == lattice.cellCount - covered)
            #expect(reply.field("uncovered") == "\(lattice.cellCount - covered)" && reply.field("measured") == "\(lattice.cellCount)")
            let distances = reply.column("metres", in: "gaps").map { Int($0)! }
            #expect(distances == distances.sorted(by: >), "worst first")
            #expect(distances.allSatisfy { $0 > 1000 })
        }
    }

    @Test func latticeDefaultsToTheScopesOwnStations() async throws {
        try await StationsFixture.with { harness in
            // Without grids, the lattice spans the box of S1's stations (YZ1 and YZ2, 400 m apart).
            let reply = await harness.send("station coverage scope=S1 cell=100")
            #expect(reply.summary.hasPrefix("coverage 100.0 %: 5 of 5 hexagon cells"), "\(reply)")
            #expect(await harness.send("station coverage scope=S1 of=grids").status == 400)
        }
    }

    static let refusesWhatCannotBeMeasuredCases: [(String, Int, String)] = [
        ("station coverage scope=S1 minutes=15 metres=500", 400, "stations.coverage.two_circles"),
        ("station coverage scope=S1 of=hexagons extent=34.9,117.5,34.8,117.6", 400, "stations.coverage.bad_extent"),
        ("station coverage scope=S1 of=hexagons extent=30,110,40,120 cell=50", 422, "stations.coverage.lattice_too_fine"),
        ("station coverage scope=S1 minutes=0", 400, "minutes"),
        ("station coverage scope=NOPE", 404, "scope"),
    ]

    @Test func refusesWhatCannotBeMeasured() async throws {
        try await StationsFixture.with { harness in
            _ = try await harness.create("org unit add code=C9 name=空社区 kind=community parent=S2")
            for (line, status, mention) in Self.refusesWhatCannotBeMeasuredCases {
                let reply = await harness.send(line)
                #expect(reply.status == status, "\(line) → \(reply)")
                #expect(reply.summary.contains(mention), "\(line) → \(reply)")
            }
            let empty = await harness.send("station coverage scope=C9")
            #expect(empty.status == 422 && empty.summary.contains("extent="))
        }
    }
}
