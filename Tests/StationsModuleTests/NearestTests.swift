import Foundation
import Testing
import WorkbenchPostgres
import WorkbenchTestSupport
@testable import StationsModule

/// The nearest open stations: distance order, the figures, the filters, the index.
@Suite struct NearestTests {
    @Test func ordersByDistanceWithMinutesOnFootAndByEbike() async throws {
        try await StationsFixture.with { harness in
            let reply = await harness.send("station nearest \(StationsFixture.place(StationsFixture.origin))")
            #expect(reply.status == 200)
            #expect(reply.column("code") == ["YZ1", "YZ2", "YZ3"])
            #expect(reply.column("metres") == ["200", "600", "1500"])
            // 600 m × 1.25 detour at 5 km/h is 9 minutes; at 15 km/h, 3.
            #expect(reply.rows[1]["walk_min"] == "9.0" && reply.rows[1]["ebike_min"] == "3.0")
            #expect(reply.column("open_now") == ["true", "true", "false"])
            #expect(reply.summary.contains("3 open stations"))
            #expect(await harness.send("station nearest \(StationsFixture.place(StationsFixture.north(-1400))) limit=1").column("code") == ["YZ3"])
        }
    }

    @Test func filtersByServiceAndOpeningHours() async throws {
        try await StationsFixture.with { harness in
            let origin = StationsFixture.place(StationsFixture.origin)
            #expect(await harness.send("station nearest \(origin) service=暖餐").column("code") == ["YZ2"])
            #expect(await harness.send("station nearest \(origin) service=charging open_now=true").column("code") == ["YZ1", "YZ2"])
            // Saturday noon: YZ1 is shut, YZ3 is open.
            let saturday = await harness.send("station nearest \(origin) open_now=true at=2026-11-21T12:00")
            #expect(saturday.column("code") == ["YZ2", "YZ3"])
            #expect(saturday.summary.contains("open at the time given"))
            // Wednesday 21:00: only the 24/7 home.
            #expect(await harness.send("station nearest \(origin) open_now=true at=2026-11-18T21:00").column("code") == ["YZ2"])
            _ = await harness.send("station close station=YZ2 reason=装修")
            let none = await harness.send("station nearest \(origin) service=暖餐")
            #expect(none.status == 200 && none.rows.isEmpty && none.summary == "no open station with 暖餐")
            #expect(await harness.send("station nearest \(origin) service=spa").status == 400)
            #expect(await harness.send("station nearest lat=91 lon=117").status == 400)
        }
    }

    @Test func agreesWithGreatCircleDistancesOverManyStations() async throws {
        try await StationsFixture.with { harness in
            var generator = SeededGenerator(seed: 20_261_118)
            var points: [String: GeoPoint] = [:]
            for index in 0..<150 {
                let point = GeoPoint(
                    latitude: 34.80 + Double.random(in: 0..<0.12, using: &generator),
                    longitude: 117.50 + Double.random(in: 0..<0.12, using: &generator)
                )
                points["R\(index)"] = point
                _ = try await harness.create(
                    "station add code=R\(index) name=随机\(index) kind=other address=x \(StationsFixture.place(point)) host=C1 hours=24/7")
            }
            for (name, from) in [("centre", GeoPoint(latitude: 34.86, longitude: 117.56)), ("corner", GeoPoint(latitude: 34.80, longitude: 117.50))] {
                let reply = await harness.send("station nearest \(StationsFixture.place(from)) limit=10")
                let all = points.merging(
                    ["YZ1": StationsFixture.north(200), "YZ2": StationsFixture.north(600), "YZ3": StationsFixture.north(-1500)]
                ) { first, _ in first }
                let expected = all.sorted { from.metres(to: $0.value) < from.metres(to: $1.value) }.prefix(10)
                #expect(reply.column("code") == expected.map(\.key), "from the \(name)")
                for (row, station) in zip(reply.rows, expected) {
                    #expect(abs(Double(row["metres"]!)! - from.metres(to: station.value)) <= 0.5)
                }
            }
            // The database's distance is the same great circle as Swift's, to the millimetre.
            let metres: Double = try await harness.scalar(
                "SELECT stations.metres_between(stations.earth_position($1, $2), stations.earth_position($3, $4))",
                [39.9087, 116.3975, 31.24, 121.49]
            )
            #expect(abs(metres - GeoPoint(latitude: 39.9087, longitude: 116.3975).metres(to: GeoPoint(latitude: 31.24, longitude: 121.49))) < 0.001)
        }
    }

    @Test func walksTheGiSTIndexInDistanceOrder() async throws {
        try await StationsFixture.with { harness in
            let plan = try await harness.pool.withConnection { session in
                _ = try await session.execute(PostgresStatement(unnamed: "SET enable_seqscan = off"))
                return try await session.query(
                    PostgresStatement(unnamed: "EXPLAIN (FORMAT TEXT) " + NearestQueries.nearest.sql),
                    [34.86, 117.55, nil as String?, Int64(3), "10:00:00", Int64(5), false]
                ).map { try $0.decode(at: 0, as: String.self) }.joined(separator: "\n")
            }
            #expect(plan.contains("stations_open_position_idx"), "\(plan)")
            #expect(plan.contains("Order By"), "\(plan)")
        }
    }
}

/// A small deterministic random number generator (SplitMix64) for reproducible fixtures.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
