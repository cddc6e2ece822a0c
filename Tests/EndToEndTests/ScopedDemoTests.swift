import Foundation
import Testing
import WorkbenchPostgres
import WorkbenchTestSupport

/// Organisation-scoped access across every module, on the demo district: the same database
/// served by an unscoped daemon and by daemons whose caller is held to one street each
/// (`access.scopes.users`). Each street's lists hold its own rows only, together exactly the
/// district's; rows of another street answer 404; changes there are refused.
@Suite("Scoped access across every module, on the demo district", .serialized)
struct ScopedDemoTests {
    private var client: String { DaemonUnderTest.binDirectory + "/dangjianctl" }
    static let streets = ["SZQ-ZXJ", "SZQ-GML", "SZQ-WHL"]
    /// Lists whose every row belongs to one street of the demo.
    static let lists = [
        "grid list limit=500", "grid household list limit=500", "grid case list limit=500", "prop complex list limit=500",
        "prop complaint list limit=500", "prop crossapp list limit=500", "prop project list limit=500", "consult topic list limit=500",
        "consult session list limit=500", "consult order list limit=500", "consult team list limit=500", "org venue list limit=500",
    ]

    @Test func eachStreetSeesItsOwnRowsAndTogetherTheDistrictsInEveryModule() async throws {
        let conninfo = try await TestCluster.makeDatabase()
        let whole = try await DaemonUnderTest.start(conninfo: conninfo)
        let loaded = try await DaemonUnderTest.runTool(client, ["--socket", whole.socketPath, "demo", "load", DemoLoadTests.demo])
        #expect(loaded.status == 0, "\(loaded)")
        var district: [String: [String]] = [:]
        for list in Self.lists { district[list] = try await ids(list, on: whole) }
        _ = try await whole.terminate()

        var seen: [String: [String]] = [:]
        for street in Self.streets {
            let daemon = try await DaemonUnderTest.start(settings: ["DANGJIAN_ACCESS_SCOPES_USERS": "\(getuid())=\(street)"], conninfo: conninfo)
            let whoami = try await DaemonUnderTest.runTool(client, ["--socket", daemon.socketPath, "whoami"])
            #expect(whoami.output.contains("scope") && whoami.output.contains(street), "\(whoami)")
            for list in Self.lists { seen[list, default: []] += try await ids(list, on: daemon) }
            // Another street's rows are not there, exactly like rows that do not exist.
            let other = Self.streets.first { $0 != street }!
            let otherGrid = "WG-\(other.dropFirst(4))01-1"
            #expect(try await status("grid show grid=\(otherGrid)", on: daemon) == 404)
            #expect(try await status("org unit show unit=\(other)", on: daemon) == 404)
            #expect(try await status("org stats unit=SZQ", on: daemon) == 403)
            #expect(try await status("grid case list scope=\(other)", on: daemon) == 403)
            #expect(try await status("grid case report grid=\(otherGrid) category=乱停车 description=越界上报", on: daemon) == 404)
            #expect(try await status("org unit show unit=\(street)", on: daemon) == 200)
            _ = try await daemon.terminate()
        }
        for list in Self.lists {
            #expect(!(district[list] ?? []).isEmpty, "\(list) is empty in the demo")
            #expect(
                seen[list]?.sorted() == district[list]?.sorted(),
                "\(list): the streets together see \(seen[list] ?? []), the district \(district[list] ?? [])")
        }
    }

    @Test func aCommunityThatMovesTakesItsRowsInEveryModule() async throws {
        let conninfo = try await TestCluster.makeDatabase()
        let whole = try await DaemonUnderTest.start(conninfo: conninfo)
        let loaded = try await DaemonUnderTest.runTool(client, ["--socket", whole.socketPath, "demo", "load", DemoLoadTests.demo])
        #expect(loaded.status == 0, "\(loaded)")
        // 振兴路社区 (street ZXJ) with its grids, households, cases, complexes, station, topics
        // and joint meeting body moves to street GML.
        let moved = try await DaemonUnderTest.runTool(
            client, ["--socket", whole.socketPath, "--raw", "org", "unit", "move", "unit=SZQ-ZXJ-01", "parent=SZQ-GML"])
        #expect(ReplyText(moved.output).status == 200, "\(moved)")
        _ = try await whole.terminate()

        let pool = TestCluster.pool(conninfo)
        let differing = try await pool.withConnection { session in
            try await session.query(PostgresStatement(unnamed: "SELECT copied_to, rows_differing FROM organizations.path_copies_differing()"))
                .map { (try $0.decode(at: 0, as: String.self), try $0.decode(at: 1, as: Int64.self)) }
        }
        await pool.shutdown()
        #expect(differing.count >= 25 && differing.allSatisfy { $0.1 == 0 }, "\(differing)")

        let shows = [
            "grid show grid=WG-ZXJ01-1", "prop complex show complex=XQ-ZXJ01", "station show station=YZ-ZXJ01", "gov body show body=SZQ-ZXJ-01",
        ]
        for (street, expected) in [("SZQ-GML", 200), ("SZQ-ZXJ", 404)] {
            let daemon = try await DaemonUnderTest.start(settings: ["DANGJIAN_ACCESS_SCOPES_USERS": "\(getuid())=\(street)"], conninfo: conninfo)
            for show in shows {
                #expect(try await status(show, on: daemon) == expected, "\(street): \(show)")
            }
            if expected == 200 {
                #expect(try await !ids("grid case list grid=WG-ZXJ01-1 limit=500", on: daemon).isEmpty, "\(street): no cases of WG-ZXJ01-1")
            }
            _ = try await daemon.terminate()
        }
    }

    /// The ids of a list's rows.
    private func ids(_ words: String, on daemon: DaemonUnderTest) async throws -> [String] {
        let reply = try await DaemonUnderTest.runTool(
            client, ["--socket", daemon.socketPath, "--raw"] + words.split(separator: " ").map(String.init))
        #expect(reply.status == 0, "\(words): \(reply)")
        return ReplyText(reply.output).column("id")
    }

    /// A request's reply status.
    private func status(_ words: String, on daemon: DaemonUnderTest) async throws -> Int {
        let reply = try await DaemonUnderTest.runTool(
            client, ["--socket", daemon.socketPath, "--raw"] + words.split(separator: " ").map(String.init))
        return ReplyText(reply.output).status
    }
}
