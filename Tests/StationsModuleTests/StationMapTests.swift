import Foundation
import Testing
import WorkbenchTestSupport
@testable import StationsModule

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The distribution map: a well-formed standalone SVG with the layers, stations, gaps,
/// scale bar and Chinese legend it promises.
@Suite struct StationMapTests {
    /// Every element of a parsed SVG with its attributes, and the text inside each.
    final class SVGOutline: NSObject, XMLParserDelegate {
        struct Element {
            var name: String
            var attributes: [String: String]
            var parents: [String]
            var text = ""
        }

        var elements: [Element] = []
        private var open: [Int] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            let parents = open.map { elements[$0].attributes["id"] ?? elements[$0].name }
            // Copies: FoundationXML may hand out strings backed by its parser's buffers.
            let copied = Dictionary(
                uniqueKeysWithValues: attributes.map {
                    (String(decoding: Array($0.key.utf8), as: UTF8.self), String(decoding: Array($0.value.utf8), as: UTF8.self))
                })
            elements.append(Element(name: String(decoding: Array(name.utf8), as: UTF8.self), attributes: copied, parents: parents))
            open.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += String(decoding: Array(string.utf8), as: UTF8.self) }
        }

        /// Elements inside the group with `id`.
        func inside(_ id: String) -> [Element] { elements.filter { $0.parents.contains(id) } }
    }

    static func parse(_ lines: [String]) throws -> SVGOutline {
        let outline = SVGOutline()
        let parser = XMLParser(data: Data(lines.joined(separator: "\n").utf8))
        parser.delegate = outline
        #expect(parser.parse(), "the SVG is well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
        return outline
    }

    /// A scope's open station away from its grids is still on its map, inside the drawing.
    @Test func theScopesOwnStationsAwayFromItsGridsAreDrawn() async throws {
        try await CoverageTests.withGrids { harness in
            _ = try await harness.create(
                "station add code=YZ5 name=远郊驿站 kind=other address=x \(StationsFixture.place(StationsFixture.north(30000))) host=C2 hours=24/7"
            )
            let reply = await harness.send("station map scope=S1 width=800")
            #expect(reply.status == 200, "\(reply)")
            let svg = try Self.parse(reply.lines)
            let viewBox = try #require(svg.elements.first?.attributes["viewBox"]).split(separator: " ").compactMap { Double($0) }
            let stations = svg.inside("stations").filter { $0.name == "g" }
            #expect(stations.map { $0.attributes["data-code"] }.contains("YZ5"), "\(stations.map { $0.attributes["data-code"] })")
            for dot in svg.inside("stations").filter({ $0.name == "circle" }) {
                let x = Double(dot.attributes["cx"]!)!, y = Double(dot.attributes["cy"]!)!
                #expect((0...viewBox[2]).contains(x) && (0...viewBox[3]).contains(y))
            }
        }
    }

    @Test func drawsStationsCirclesGapsScaleAndLegend() async throws {
        try await CoverageTests.withGrids { harness in
            _ = try await harness.create(
                "station add code=YZ4 name=\"R&D <驿站>\" kind=red_station address=x "
                    + "\(StationsFixture.place(StationsFixture.north(5200))) host=C2 hours=24/7"
            )
            _ = await harness.send("station close station=YZ4 reason=测试")
            let reply = await harness.send("station map scope=S1 width=800")
            #expect(reply.status == 200, "\(reply)")
            #expect(reply.lines.first == #"<?xml version="1.0" encoding="UTF-8"?>"#)
            #expect(reply.summary.contains("3 stations") && reply.summary.contains("coverage 50.0 %"))
            let svg = try Self.parse(reply.lines)

            let root = try #require(svg.elements.first)
            #expect(root.name == "svg" && root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
            #expect(root.attributes["width"] == "800")
            let viewBox = try #require(root.attributes["viewBox"]).split(separator: " ").compactMap { Double($0) }
            #expect(viewBox.count == 4 && viewBox[2] == 800 && viewBox[3] > 100)
            #expect(svg.elements.first { $0.name == "title" }?.text == "第一街道党工委 新就业群体驿站空间分布图")

            // Stations by kind, the closed one left out; every station inside the drawing.
            let stations = svg.inside("stations").filter { $0.name == "g" }
            #expect(stations.map { $0.attributes["data-code"] } == ["YZ1", "YZ2", "YZ3"])
            #expect(stations.map { $0.attributes["class"] } == ["station red_station", "station warm_home", "station other"])
            for dot in svg.inside("stations").filter({ $0.name == "circle" }) {
                let x = Double(dot.attributes["cx"]!)!, y = Double(dot.attributes["cy"]!)!
                #expect((0...viewBox[2]).contains(x) && (0...viewBox[3]).contains(y))
            }
            // One service circle per station, 1,000 m across at the drawing's scale.
            let circles = svg.inside("coverage").filter { $0.name == "circle" }
            #expect(circles.count == 3)
            let (first, second) = (svg.inside("stations").filter { $0.name == "circle" }[0], svg.inside("stations").filter { $0.name == "circle" }[1])
            let pixelsFor400Metres = abs(Double(first.attributes["cy"]!)! - Double(second.attributes["cy"]!)!)
            #expect(abs(Double(circles[0].attributes["r"]!)! - pixelsFor400Metres * 2.5) < 0.3)

            // The places: two covered, two uncovered grids, the gaps labelled.
            let places = svg.inside("places").filter { $0.attributes["class"]?.hasPrefix("place") == true }
            #expect(places.filter { $0.attributes["class"] == "place uncovered" }.compactMap { $0.attributes["data-code"] }.sorted() == ["G3", "G4"])
            #expect(places.filter { $0.attributes["class"] == "place covered" }.count == 2)
            #expect(svg.inside("gap-labels").filter { $0.name == "text" }.map(\.text) == ["G4网格", "G3网格"])

            let scale = try #require(svg.elements.first { $0.attributes["id"] == "scale-bar" })
            let label = svg.inside("scale-bar").first { $0.name == "text" }?.text ?? ""
            #expect(label.hasSuffix(" 米") || label.hasSuffix(" 公里"))
            #expect(Int(scale.attributes["data-metres"] ?? "") != nil)
            #expect(svg.inside("north-arrow").contains { $0.text == "北" })

            let legend = svg.inside("legend").filter { $0.name == "text" }.map(\.text)
            for entry in ["图例", "红色驿站", "红·暖之家", "其他驿站", "15分钟步行服务圈（1000米）", "已覆盖网格", "未覆盖网格", "覆盖率 50.0 %（2/4 个网格）"] {
                #expect(legend.contains(entry), "legend has \(entry): \(legend)")
            }
        }
    }

    @Test func escapesNamesAndDrawsLatticeGaps() async throws {
        try await StationsFixture.with { harness in
            _ = try await harness.create(
                "station add code=YZ5 name=\"R&D <驿站> \\\"1\\\"\" kind=other address=x "
                    + "\(StationsFixture.place(StationsFixture.north(300))) host=C1 hours=24/7"
            )
            let reply = await harness.send("station map scope=D1 of=hexagons extent=34.850000,117.545000,34.880000,117.575000 cell=400 metres=500")
            #expect(reply.status == 200)
            let svg = try Self.parse(reply.lines)
            #expect(svg.inside("stations").contains { $0.name == "text" && $0.text == "R&D <驿站> \"1\"" })
            let cells = svg.inside("places").filter { $0.name == "polygon" }
            #expect(!cells.isEmpty && cells.allSatisfy { $0.attributes["class"] == "place uncovered" })
            #expect(cells.allSatisfy { ($0.attributes["points"] ?? "").split(separator: " ").count == 6 })
            var legend: [String] = []
            for element in svg.inside("legend") where element.name == "text" { legend.append(element.text) }
            #expect(legend.contains("500米服务圈"), "\(legend)")
            #expect(legend.contains("未覆盖区域（蜂窝格）") && !legend.contains("已覆盖网格"), "\(legend)")
        }
    }
}
