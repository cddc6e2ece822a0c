import Foundation
import Testing
import WorkbenchPostgres
import WorkbenchTestSupport
@testable import StationsModule

/// Visits: logging with no personal data, the refusals, and usage statistics.
@Suite struct VisitTests {
    @Test func logsVisitsAndCountsThemEveryWay() async throws {
        try await StationsFixture.with { harness in
            for line in [
                "station visit log station=YZ1 platform=美团 worker=MT-1001 services=充电,饮水 at=2026-11-16T12:10",
                "station visit log station=YZ1 platform=美团 worker=MT-1001 services=充电 at=2026-11-17T12:40",
                "station visit log station=YZ1 platform=饿了么 worker=ELE-77 services=饮水 at=2026-11-17T18:05",
                "station visit log station=YZ2 platform=顺丰 services=暖餐,休憩 at=2026-11-09T12:30",
                "station visit log station=YZ2 platform=美团 worker=MT-2002 at=2026-11-18T09:15",
            ] {
                _ = try await harness.create(line)
            }
            let logged = await harness.send("station visit log station=YZ2 platform=京东 services=charging")
            #expect(logged.status == 201 && logged.field("services") == "充电" && logged.field("station") == "YZ2")

            let all = await harness.send("station visits")
            #expect(all.rows.count == 6)
            #expect(all.summary.hasPrefix("6 visits by 3 identified workers at 2 stations"))
            #expect(all.rows.first?["services"] == "饮水,充电")

            let byPlatform = await harness.send("station visits by=platform")
            #expect(byPlatform.column("platform").first == "美团" && Set(byPlatform.column("platform")) == ["美团", "京东", "顺丰", "饿了么"])
            #expect(byPlatform.column("visits") == ["3", "1", "1", "1"])
            #expect(byPlatform.rows.first?["workers"] == "2" && byPlatform.rows.first?["share"] == "50.0 %")

            let byHour = await harness.send("station visits station=YZ1 by=hour")
            #expect(byHour.rows.count == 24, "every hour is shown")
            #expect(byHour.rows.first { $0["hour"] == "12" }?["visits"] == "2")
            #expect(byHour.rows.first { $0["hour"] == "18" }?["visits"] == "1")
            #expect(byHour.rows.first { $0["hour"] == "03" }?["visits"] == "0")

            let byService = await harness.send("station visits by=service")
            #expect(byService.rows.first?["service"] == "充电" && byService.rows.first?["visits"] == "3")
            #expect(byService.summary.contains("a visit counts for every service it used"))

            let byWeekday = await harness.send("station visits by=weekday")
            #expect(byWeekday.column("weekday").first == "mon 周一" && byWeekday.rows.count == 7)
            #expect(byWeekday.column("visits") == ["2", "2", "2", "0", "0", "0", "0"])

            let byWeek = await harness.send("station visits by=week")
            #expect(byWeek.column("week") == ["2026-W46", "2026-W47"])
            #expect(byWeek.column("visits") == ["1", "5"])

            #expect(await harness.send("station visits by=station scope=S1 from=2026-11-16 to=2026-11-17").column("visits") == ["3"])
            #expect(await harness.send("station visits from=2026-11-18").rows.count == 2)
            #expect(await harness.send("station visits service=暖餐").rows.count == 1)
            #expect(await harness.send("station visits platform=美团 limit=2").summary.contains("after="))
            #expect(await harness.send("station visits from=2026-11-18 to=2026-11-01").status == 400)
        }
    }

    static let refusesVisitsThatCannotBeCases: [(String, Int, String)] = [
        ("station visit log station=YZ1 platform=美团 worker=13800138000", 400, "stations.visit.personal_worker_id"),
        ("station visit log station=YZ1 platform=美团 worker=11010519491231002X", 400, "stations.visit.personal_worker_id"),
        ("station visit log station=YZ1 platform=美团 worker=138-1234-5678", 400, "stations.visit.personal_worker_id"),
        ("station visit log station=YZ1 platform=美团 worker=MT-13812345678", 400, "stations.visit.personal_worker_id"),
        ("station visit log station=YZ1 platform=美团 worker=86.138.1234.5678", 400, "stations.visit.personal_worker_id"),
        ("station visit log station=YZ1 platform=美团 worker=ID-110105194912310021", 400, "stations.visit.personal_worker_id"),
        ("station visit log station=YZ1 platform=美团 worker=\"张 三\"", 400, "stations.visit.bad_worker_id"),
        ("station visit log station=YZ1 platform=Uber", 400, "platform"),
        ("station visit log station=YZ1 platform=美团 services=暖餐", 422, "stations.visit.service_not_offered"),
        ("station visit log station=YZ1 platform=美团 services=karaoke", 400, "stations.service.unknown"),
        ("station visit log station=YZ1 platform=美团 at=2026-11-18T11:00", 400, "stations.visit.future"),
        ("station visit log station=YZ9 platform=美团", 404, "stations.station.not_found"),
    ]

    @Test func refusesVisitsThatCannotBe() async throws {
        try await StationsFixture.with { harness in
            for (line, status, mention) in Self.refusesVisitsThatCannotBeCases {
                let reply = await harness.send(line)
                #expect(reply.status == status, "\(line) → \(reply)")
                #expect(reply.summary.contains(mention), "\(line) → \(reply)")
            }
            let count = try await harness.scalar("SELECT count(*) FROM stations.visits", as: Int64.self)
            #expect(count == 0)
        }
    }

    @Test func aClosedStationTakesNoVisitsEvenFromRawSQL() async throws {
        try await StationsFixture.with { harness in
            _ = await harness.send("station close station=YZ2 reason=装修")
            let refused = await harness.send("station visit log station=YZ2 platform=美团")
            #expect(refused.status == 422)
            #expect(refused.summary.contains("stations.station.closed") && refused.summary.contains("reopen"))
            // The rule is the database's too.
            await #expect(throws: (any Error).self) {
                try await harness.pool.withConnection { session in
                    _ = try await session.execute(
                        PostgresStatement(
                            unnamed:
                                "INSERT INTO stations.visits (station_id, visited_at, platform, logged_at, logged_by) SELECT id, now(), "
                                + "'美团', now(), 'sql' FROM stations.stations WHERE code = 'YZ2'"
                        )
                    )
                }
            }
            let count = try await harness.scalar("SELECT count(*) FROM stations.visits", as: Int64.self)
            #expect(count == 0)
            _ = await harness.send("station reopen station=YZ2")
            let first = await harness.send("station visit log station=YZ2 platform=美团 request_id=visit-0001")
            #expect(first.status == 201)
            // A repeated request id answers the first result and changes nothing; every change and the replay have an audit row.
            let repeated = await harness.send("station visit log station=YZ2 platform=美团 request_id=visit-0001")
            #expect(repeated.status == 201 && repeated.field("id") == first.field("id"))
            let visits = try await harness.scalar("SELECT count(*) FROM stations.visits", as: Int64.self)
            #expect(visits == 1)
            let audited = try await harness.scalar(
                "SELECT string_agg(command || ':' || reply_status || coalesce(':' || reply_code, ''), ',' ORDER BY id) FROM "
                    + "workbench.audit_log WHERE module = 'stations' AND command <> 'add'",
                as: String.self
            )
            #expect(
                audited == "close:200,visit log:422:stations.station.closed,reopen:200,visit log:201,visit log:201:request.replayed",
                "\(audited)"
            )
        }
    }
}
