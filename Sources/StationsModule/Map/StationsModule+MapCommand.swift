import Foundation
import WorkbenchKit
import WorkbenchPostgres

extension StationsModule {
    var mapCommand: CommandSpec {
        CommandSpec(
            "map", synopsis: "The distribution map 空间分布图 of a scope as a standalone SVG: stations, circles, gaps, scale, legend",
            help: coverageHelp + """
                 The reply's lines are the SVG document; 'dangjianctl -o map.svg station map scope=…' writes it to a file that \
                opens in any browser. Grids are drawn by their boundaries (or centroids), covered and uncovered; with the lattice, \
                the uncovered cells. The ten worst gaps are labelled.
                """,
            arguments: coverageArguments + [.optional("width", .int(400...4000), default: "1000", help: "The drawing's width in pixels")],
            examples: ["station map scope=SZQ-ZXJ minutes=15", "station map scope=SQ01 metres=500 of=hexagons"]
        ) { invocation in
            let study = try await coverageStudy(invocation)
            var map = StationMap(study: study, stations: [], width: Int(try invocation.arguments.int("width")), madeAt: "")
            map.ownStations = try await invocation.database.query(MapQueries.hostedIn, [study.scope.path]).map { row in
                GeoPoint(latitude: try row.decode("latitude"), longitude: try row.decode("longitude"))
            }
            let box = map.box
            let rows = try await invocation.database.query(
                NearestQueries.inBox,
                [box.south, box.west, box.north, box.east, box.centre.latitude, box.centre.longitude, box.circumradiusMetres]
            )
            map.stations = try rows.map { row in
                MapStation(
                    code: try row.decode("code"), name: try row.decode("name"), kind: try row.decode("kind"),
                    point: GeoPoint(latitude: try row.decode("latitude"), longitude: try row.decode("longitude"))
                )
            }
            map.madeAt = ReplyEncoder(timeZone: invocation.timeZone).textValue(.timestamp(invocation.now))
            return .text(map.lines, summary: "map of \(study.scope.label): \(map.stations.count) stations; \(study.summary)")
        }
    }
}
