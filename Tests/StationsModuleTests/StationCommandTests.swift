import Foundation
import Testing
import WorkbenchPostgres
import WorkbenchTestSupport
@testable import StationsModule

/// Stations: registering, showing, listing, changing, closing and the 4xx replies that
/// change nothing.
@Suite struct StationCommandTests {
    @Test func registersShowsAndListsStations() async throws {
        try await StationsFixture.with { harness in
            let show = await harness.send("station show station=YZ1")
            #expect(show.status == 200)
            #expect(show.field("kind") == "red_station" && show.field("kind_zh") == "红色驿站")
            #expect(show.field("host") == "C1 幸福社区党委")
            #expect(show.field("hours") == "mon-fri 08:00-20:00")
            #expect(show.field("open_now") == "true", "Wednesday 10:00")
            #expect(show.field("services") == "饮水,充电", "standard services in catalogue order")
            #expect(show.field("capacity") == "12")
            #expect(show.field("lat") == String(format: "%.6f", StationsFixture.north(200).latitude))

            #expect(await harness.send("station list").column("code") == ["YZ1", "YZ2", "YZ3"])
            #expect(await harness.send("station list scope=S1").column("code") == ["YZ1", "YZ2"])
            #expect(await harness.send("station list kind=红·暖之家").column("code") == ["YZ2"])
            #expect(await harness.send("station list service=充电").column("code") == ["YZ1", "YZ2", "YZ3"])
            #expect(await harness.send("station list service=hot_meal").column("code") == ["YZ2"])
            #expect(await harness.send("station list open_now=true").column("code") == ["YZ1", "YZ2"])
            #expect(await harness.send("station list open_now=false").column("code") == ["YZ3"])
            let page = await harness.send("station list limit=2")
            #expect(page.column("code") == ["YZ1", "YZ2"])
            #expect(page.summary.contains("after="))
            #expect(await harness.send("station show station=1").field("code") == "YZ1")
            #expect(await harness.send("station show station=YZ9").status == 404)
        }
    }

    @Test func convertsGCJ02PlacesBeforeStoringThem() async throws {
        try await StationsFixture.with { harness in
            // Shanghai's published pair: the GCJ-02 coordinates a web map shows, and WGS-84.
            _ = try await harness.create(
                "station add code=SH1 name=浦东驿站 kind=other address=浦东 lat=31.175303983646 lon=121.531541859215 crs=gcj02 host=C1 hours=24/7"
            )
            let latitude: Double = try await harness.scalar("SELECT latitude FROM stations.stations WHERE code = 'SH1'")
            let longitude: Double = try await harness.scalar("SELECT longitude FROM stations.stations WHERE code = 'SH1'")
            #expect(GeoPoint(latitude: latitude, longitude: longitude).metres(to: GeoPoint(latitude: 31.1774276, longitude: 121.5272106)) < 0.01)
            let updated = await harness.send("station update station=SH1 lat=31.1774276 lon=121.5272106")
            #expect(updated.status == 200)
            #expect(updated.field("lat") == "31.177428" && updated.field("lon") == "121.527211")
        }
    }

    @Test func updatesClosesAndReopens() async throws {
        try await StationsFixture.with { harness in
            let updated = await harness.send("station update station=YZ3 hours=\"daily 07:00-22:00; sun closed\" name=光明新驿站 capacity=20")
            #expect(updated.status == 200)
            #expect(updated.field("hours") == "mon-sat 07:00-22:00" && updated.field("name") == "光明新驿站" && updated.field("capacity") == "20")
            #expect(updated.summary.contains("hours"))
            let intervals: Int64 = try await harness.scalar(
                "SELECT count(*) FROM stations.opening_intervals o JOIN stations.stations s ON s.id = o.station_id WHERE s.code = 'YZ3'")
            #expect(intervals == 6)
            #expect(await harness.send("station list open_now=true").column("code") == ["YZ1", "YZ2", "YZ3"])

            let closed = await harness.send("station close station=YZ3 reason=\"租约到期\"")
            #expect(closed.status == 200 && closed.field("status") == "closed" && closed.field("closed_on") == "2026-11-18")
            #expect(await harness.send("station list").column("code") == ["YZ1", "YZ2"])
            #expect(await harness.send("station list status=closed").column("code") == ["YZ3"])
            #expect(await harness.send("station close station=YZ3 reason=again").status == 409)
            #expect(await harness.send("station close station=YZ1 reason=x on=2026-11-19").status == 400)
            #expect(await harness.send("station reopen station=YZ3").field("status") == "open")
            #expect(await harness.send("station reopen station=YZ3").status == 409)
            #expect(await harness.send("station update station=YZ3").status == 400)
            #expect(await harness.send("station show station=yz1").field("code") == "YZ1", "a code in any case finds the station")
        }
    }

    static let refusesBadInputAndChangesNothingCases: [(String, Int, String)] = [
        ("station add code=X1 name=x kind=other address=y lat=91 lon=117.5 host=C1 hours=24/7", 400, "lat"),
        ("station add code=X1 name=x kind=other address=y lat=34.8 lon=181 host=C1 hours=24/7", 400, "lon"),
        ("station add code=X1 name=x kind=other address=y lat=34.8 lon=117.5 host=C1 hours=\"mon-fri 8:00-20\"", 400, "stations.hours.malformed"),
        (
            "station add code=X1 name=x kind=other address=y lat=34.8 lon=117.5 host=C1 hours=\"mon-sun 08:00-20:00; tue 07:00-09:00,08:00-10:00\"",
            400, "overlaps"
        ),
        ("station add code=X1 name=x kind=other address=y lat=34.8 lon=117.5 host=C1 hours=24/7 services=充电,wifi", 400, "stations.service.unknown"),
        ("station add code=X1 name=x kind=other address=y lat=34.8 lon=117.5 host=C1 hours=24/7 crs=bd09", 400, "crs"),
        ("station add code=X1 name=x kind=kiosk address=y lat=34.8 lon=117.5 host=C1 hours=24/7", 400, "kind"),
        ("station add code=YZ1 name=x kind=other address=y lat=34.8 lon=117.5 host=C1 hours=24/7", 409, "stations.station.duplicate_code"),
        // Codes ignore case: yz1 is YZ1.
        ("station add code=yz1 name=x kind=other address=y lat=34.8 lon=117.5 host=C1 hours=24/7", 409, "codes ignore case"),
        ("station add code=X1 name=x kind=other address=y lat=34.8 lon=117.5 host=NOPE hours=24/7", 404, "host"),
        ("station add code=X1 name=x kind=other address=y lat=34.8 lon=117.5 host=C1 hours=24/7 services=\",、\"", 400, "stations.service.none_named"),
        ("station update station=YZ1 lat=34.8", 400, "stations.position.incomplete"),
        ("station update station=YZ1 hours=\"closed\"", 400, "stations.hours.malformed"),
        // A rule only the database holds answers like the command's own checks (the constraint's comment).
        ("station add code=驿站01 name=x kind=other address=y lat=34.8 lon=117.5 host=C1 hours=24/7", 400, "code: a station code starts with a letter"),
    ]

    @Test func refusesBadInputAndChangesNothing() async throws {
        try await StationsFixture.with { harness in
            let before: String = try await harness.scalar("SELECT string_agg(code || hours || latitude, ',' ORDER BY id) FROM stations.stations")
            for (line, status, mention) in Self.refusesBadInputAndChangesNothingCases {
                let reply = await harness.send(line)
                #expect(reply.status == status, "\(line) → \(reply)")
                #expect(reply.summary.contains(mention), "\(line) → \(reply)")
            }
            let after: String = try await harness.scalar("SELECT string_agg(code || hours || latitude, ',' ORDER BY id) FROM stations.stations")
            #expect(after == before)
            let count = try await harness.scalar("SELECT count(*) FROM stations.services", as: Int64.self)
            #expect(count == 20, "the ten standard services for workers and the ten for residents, no extras")
        }
    }

    @Test func offersAndWithdrawsServicesTenPlusX() async throws {
        try await StationsFixture.with { harness in
            let added = await harness.send("station service add station=YZ1 services=充气,charging extras=理发，法律咨询")
            #expect(added.status == 200)
            #expect(added.field("added") == "充气,理发,法律咨询", "charging was offered already")
            #expect(added.field("services") == "饮水,充电,充气,法律咨询,理发")
            // An extra joins the catalogue once; another station offering it reuses it.
            #expect(await harness.send("station service add station=YZ2 extras=理发").status == 200)
            let catalogue = await harness.send("station service list")
            #expect(catalogue.summary == "22 services: 20 standard (10 for workers, 10 for residents), 2 extras")
            #expect(catalogue.rows.first { $0["name"] == "理发" }?["open_stations"] == "2")
            #expect(catalogue.rows.first { $0["code"] == "charging" }?["open_stations"] == "3")
            #expect(await harness.send("station list service=理发").column("code") == ["YZ1", "YZ2"])

            let removed = await harness.send("station service remove station=YZ1 services=理发,充气")
            #expect(removed.status == 200 && removed.field("services") == "饮水,充电,法律咨询")
            let notOffered = await harness.send("station service remove station=YZ1 services=暖餐")
            #expect(notOffered.status == 404 && notOffered.summary.contains("stations.service.not_offered"))
            #expect(await harness.send("station service add station=YZ1").status == 400)
            #expect(await harness.send("station service add station=YZ1 services=massage").summary.contains("extras="))
            #expect(await harness.send("station service list station=YZ1").column("name") == ["饮水", "充电", "法律咨询"])
        }
    }
}
