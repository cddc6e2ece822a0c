import Foundation
import Testing
@testable import StationsModule

/// Coverage figures from known distances, the circles, the hexagon lattice and the scale bar.
@Suite struct CoverageArithmeticTests {
    static let walk15 = ServiceCircle(.minutes(15, .walk), speeds: TravelSpeeds())

    static func grid(_ code: String, households: Int) -> CoveragePlace {
        CoveragePlace(kind: .grid, code: code, name: code, point: GeoPoint(latitude: 34.86, longitude: 117.55), households: households)
    }

    @Test func circlesFollowTheSpeedsAndTheDetour() {
        // 5 km/h for 15 minutes is 1,250 m of street, 1,000 m in a straight line.
        #expect(abs(Self.walk15.radius - 1000) < 1e-9)
        #expect(Self.walk15.description == "15 min walk (1000 m)")
        #expect(Self.walk15.chinese == "15分钟步行服务圈（1000米）")
        let ebike = ServiceCircle(.minutes(15, .ebike), speeds: TravelSpeeds())
        #expect(abs(ebike.radius - 3000) < 1e-9)
        let fuding = ServiceCircle(.metres(500), speeds: TravelSpeeds())
        #expect(fuding.radius == 500 && fuding.description == "500 m" && fuding.chinese == "500米服务圈")
        let speeds = TravelSpeeds(walkKilometresPerHour: 4, ebikeKilometresPerHour: 20, detourFactor: 1)
        #expect(abs(speeds.minutes(forMetres: 1000, by: .walk) - 15) < 1e-9)
        #expect(abs(speeds.minutes(forMetres: 1000, by: .ebike) - 3) < 1e-9)
    }

    @Test func countsCoveredPlacesAndHouseholds() {
        let places = [
            Self.grid("G1", households: 300), Self.grid("G2", households: 100), Self.grid("G3", households: 100), Self.grid("G4", households: 500),
        ]
        let analysis = CoverageAnalysis(
            circle: Self.walk15, places: places,
            nearest: [("YZ01 一号驿站", 999.9), ("YZ01 一号驿站", 1000), ("YZ02 二号驿站", 1000.1), ("YZ02 二号驿站", 2400)], unlocated: 2
        )
        // On the circle counts as inside.
        #expect(analysis.places.map(\.isCovered) == [true, true, false, false])
        #expect(analysis.coveredCount == 2)
        #expect(analysis.share == 0.5)
        #expect(analysis.householdShare == 0.4)
        #expect(analysis.gaps.map(\.place.code) == ["G4", "G3"], "worst first: farthest from a station")
        #expect(analysis.unlocated == 2)
    }

    @Test func placesWithNoOpenStationAnywhereAreTheWorstGaps() {
        let places = [Self.grid("G2", households: 0), Self.grid("G1", households: 0), Self.grid("G3", households: 0)]
        let analysis = CoverageAnalysis(circle: Self.walk15, places: places, nearest: [("YZ01 一号驿站", 5000), nil, nil])
        #expect(analysis.gaps.map(\.place.code) == ["G1", "G3", "G2"], "none open first, by code; then by distance")
        #expect(analysis.gaps.first?.nearestStation == nil)
        #expect(analysis.share == 0)
        #expect(analysis.householdShare == nil, "no households, no household share")
        #expect(CoverageAnalysis(circle: Self.walk15, places: [], nearest: []).share == 0)
    }

    @Test func latticeCellsAreEvenlySpacedHexagons() {
        // A box about 2,050 m × 1,050 m near Zaozhuang.
        let metresPerDegreeOfLongitude = GeoBox.metresPerDegree * cos(34.865 * .pi / 180)
        let box = GeoBox(south: 34.86, west: 117.55, north: 34.86 + 1050 / GeoBox.metresPerDegree, east: 117.55 + 2050 / metresPerDegreeOfLongitude)
        let lattice = HexLattice(box: box, spacing: 250)
        let cells = lattice.cells
        // 9 columns (0…2000 m step 250) × 5 rows (0…1000 m step 216.5).
        #expect(lattice.cellCount == 45)
        #expect(cells.count == 45)
        #expect(cells.first?.code == "H00-00" && cells.last?.code == "H04-08")
        // Neighbours along a row are 250 m apart, and across rows too.
        #expect(abs(cells[0].point.metres(to: cells[1].point) - 250) < 0.5)
        #expect(abs(cells[0].point.metres(to: cells[9].point) - 250) < 0.5)
        // Each cell is a hexagon whose corners lie 250/√3 m from its centre.
        for corner in cells[10].outline {
            #expect(abs(corner.metres(to: cells[10].point) - 250 / 3.0.squareRoot()) < 0.5)
        }
        #expect(cells.allSatisfy { $0.outline.count == 6 && $0.kind == .hexagon })
        #expect(HexLattice(box: box, spacing: 10).smallestAllowedSpacing <= 20)
    }

    @Test func refusesLatticesFinerThanTheLimit() {
        let district = GeoBox(south: 34.70, west: 117.40, north: 35.00, east: 117.80)
        let fine = HexLattice(box: district, spacing: 50)
        #expect(fine.cellCount > HexLattice.maximumCells)
        let allowed = HexLattice(box: district, spacing: fine.smallestAllowedSpacing)
        #expect(allowed.cellCount <= HexLattice.maximumCells)
        #expect(HexLattice(box: district, spacing: fine.smallestAllowedSpacing - 10).cellCount > HexLattice.maximumCells)
    }

    @Test(arguments: [
        (4000.0, 2000.0, "2 公里"), (2499, 2000, "2 公里"), (999, 500, "500 米"), (120, 100, "100 米"), (60_000, 50_000, "50 公里"), (1, 1, "1 米"),
    ])
    func scaleBarsAreRound(_ maximum: Double, _ metres: Double, _ label: String) {
        let bar = ScaleBar(notAbove: maximum)
        #expect(bar.metres == metres)
        #expect(bar.label == label)
    }

    @Test func boxesParseGrowAndMeasure() throws {
        let box = try #require(GeoBox(parsing: "34.80, 117.50,34.90,117.62"))
        #expect(box == GeoBox(south: 34.80, west: 117.50, north: 34.90, east: 117.62))
        #expect(abs(box.heightMetres - 0.1 * GeoBox.metresPerDegree) < 1e-6)
        for bad in ["34.9,117.5,34.8,117.6", "34.8,117.5,34.9", "a,b,c,d", "91,0,92,1"] { #expect(GeoBox(parsing: bad) == nil) }
        let padded = box.padded(byMetres: 1000)
        #expect(abs(padded.heightMetres - box.heightMetres - 2000) < 1e-6)
        let point = GeoBox(containing: [GeoPoint(latitude: 34.85, longitude: 117.55)])!
        #expect(point.widthMetres == 0 && point.contains(GeoPoint(latitude: 34.85, longitude: 117.55)))
    }
}
