import Testing
import WorkbenchTestSupport
@testable import StationsModule

/// `station import`: rows run `station add` (place, hours, services, extras), all or none;
/// matched by code; a saved list imports again unchanged.
@Suite("Importing the station register")
struct StationImportTests {
    @Test func stationsImportWithHoursAndServicesAndASavedListIsUnchanged() async throws {
        try await StationsFixture.with { (harness: ModuleHarness) async throws in
            let place = StationsFixture.north(900)
            let rows = [
                "编码 code\t名称 name\tkind\taddress\tlat\tlon\thost\thours\tservices\textras",
                "YZ4\t桐江驿站\t红色驿站\t桐江路4号\t\(place.latitude)\t\(place.longitude)\tC1\tdaily 07:00-22:00\t充电、饮水\t理发",
            ]
            let imported = await harness.send("station import", rows: rows)
            #expect(imported.status == 200 && imported.field("added") == "1", "\(imported)")
            let shown = await harness.send("station show station=YZ4")
            #expect(shown.field("hours") == "mon-sun 07:00-22:00" && shown.field("services")?.contains("理发") == true, "\(shown)")
            let list = await harness.send("station list")
            #expect(list.column("extras") == ["", "", "", "理发"], "\(list)")
            let again = await harness.send("station import", rows: list.lines)
            #expect(again.field("unchanged") == "4" && again.field("differing") == "0", "\(again)")
            var changed = rows
            changed[1] = changed[1].replacingOccurrences(of: "daily 07:00-22:00", with: "24/7")
            #expect(await harness.send("station import update=true", rows: changed).field("updated") == "1")
            #expect(await harness.send("station show station=YZ4").field("hours") == "24/7")
        }
    }

    @Test func badRowsAreNamedAndNothingChanges() async throws {
        try await StationsFixture.with { (harness: ModuleHarness) async throws in
            let rows = [
                "code\tname\tkind\taddress\tlat\tlon\thost\thours",
                "YZ5\t五号驿站\tred_station\t五号路\t34.87\t117.56\tC1\tmon-fri 25:00-20:00",
                "YZ6\t六号驿站\tred_station\t六号路\t34.87\t117.56\tC9\t24/7",
                "YZ7\t七号驿站\tred_station\t七号路\t34.87\t117.56\tC2\t24/7",
            ]
            let refused = await harness.send("station import", rows: rows)
            #expect(refused.raw.contains("2 of 3 rows refused"), "\(refused)")
            #expect(refused.raw.contains("row 1, column hours:") && refused.raw.contains("row 2, column host:"), "\(refused)")
            #expect(try await harness.scalar("SELECT count(*) FROM stations.stations", as: Int64.self) == 3)
        }
    }
}
