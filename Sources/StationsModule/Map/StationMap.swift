import Foundation

/// The distribution map 空间分布图 of a scope's stations as a standalone SVG document: the
/// places measured (grids, or the uncovered cells of the lattice), each open station's
/// service circle, the stations by kind, the worst gaps labelled, a scale bar, a north arrow
/// and a legend in Chinese.
///
/// Every element is one line, so the document travels as the lines of a text reply and
/// `dangjianctl -o map.svg` writes it as it came. Layers are groups with ids (`places`,
/// `coverage`, `stations`, `gap-labels`, `scale-bar`, `north-arrow`, `legend`); stations carry
/// `data-code` and their kind as a class, places `data-code` and `covered` or `uncovered`.
struct StationMap: Sendable {
    /// The study drawn.
    var study: CoverageStudy
    /// The open stations inside the drawn box.
    var stations: [MapStation]
    /// Where the scope's own open stations are: the box holds them even when they lie away
    /// from the places measured.
    var ownStations: [GeoPoint] = []
    /// The drawing's width in pixels.
    var width: Int
    /// When it was made, as printed in the footer.
    var madeAt: String

    /// How many gaps get a label.
    static let labelledGaps = 10

    private static let titleHeight = 56.0
    private static let footerHeight = 30.0
    private static let margin = 16.0

    /// The box drawn: the study's places and the scope's own stations, with room for the
    /// circles around them.
    var box: GeoBox {
        let places = GeoBox(containing: ownStations).map { study.box.union($0) } ?? study.box
        let padded = places.padded(byMetres: study.analysis.circle.radius * 0.6)
        return padded.padded(byMetres: max(padded.widthMetres, padded.heightMetres) * 0.03)
    }

    /// The document, one element per line.
    var lines: [String] {
        let projection = MapProjection(box: box, width: Double(width) - 2 * Self.margin, origin: (Self.margin, Self.titleHeight))
        let mapHeight = projection.size.height
        let height = Int((Self.titleHeight + mapHeight + Self.footerHeight).rounded(.up))
        let analysis = study.analysis
        let n = SVGText.number
        var lines = [
            ##"<?xml version="1.0" encoding="UTF-8"?>"##,
            ##"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\##(width)" height="\##(height)" viewBox="0 0 \##(width) \##(height)" "##
                + ##"font-family="'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif">"##,
            "<title>\(SVGText.escaped(title))</title>",
            "<desc>\(SVGText.escaped(study.summary))</desc>",
            "<style>",
            ".place.covered{fill:#dfe9d8;stroke:#9db58e;stroke-width:0.6}",
            ".place.uncovered{fill:#f4b6ae;fill-opacity:0.75;stroke:#d9534f;stroke-width:0.8}",
            ".circle{fill-opacity:0.10;stroke-opacity:0.55;stroke-width:1}",
            ".red_station{fill:#c8102e;stroke:#c8102e}",
            ".warm_home{fill:#e8730c;stroke:#e8730c}",
            ".other{fill:#4a6fa5;stroke:#4a6fa5}",
            ".service_centre{fill:#b8860b;stroke:#b8860b}",
            ".service_station{fill:#7a4a9e;stroke:#7a4a9e}",
            ".station rect{stroke:#ffffff;stroke-width:1.5}",
            ".station circle{stroke:#ffffff;stroke-width:1.5}",
            ".station text,.gap text{font-size:11px;fill:#333333;stroke:none}",
            "</style>",
            ##"<rect x="0" y="0" width="\##(width)" height="\##(height)" fill="#ffffff"/>"##,
            ##"<rect x="\##(n(Self.margin))" y="\##(n(Self.titleHeight))" width="\##(n(projection.size.width))" height="\##(n(mapHeight))" "##
                + ##"fill="#f7f5ef" stroke="#cccccc"/>"##,
            ##"<text x="\##(n(Self.margin))" y="34" font-size="20" font-weight="bold" fill="#c8102e">\##(SVGText.escaped(title))</text>"##,
        ]
        lines.append(##"<g id="places">"##)
        for measured in analysis.places where measured.place.kind != .hexagon || !measured.isCovered {
            let state = measured.isCovered ? "covered" : "uncovered"
            let tooltip = "<title>\(SVGText.escaped(Self.describe(measured)))</title>"
            if measured.place.outline.count >= 3 {
                lines.append(
                    ##"<polygon class="place \##(state)" data-code="\##(SVGText.escaped(measured.place.code))" "##
                        + ##"points="\##(SVGText.points(measured.place.outline.map(projection.project)))">\##(tooltip)</polygon>"##
                )
            } else {
                let (x, y) = projection.project(measured.place.point)
                lines.append(
                    ##"<circle class="place \##(state)" data-code="\##(SVGText.escaped(measured.place.code))" cx="\##(n(x))" cy="\##(n(y))" "##
                        + ##"r="\##(measured.place.kind == .household ? 3 : 4)">\##(tooltip)</circle>"##
                )
            }
        }
        lines.append("</g>")
        lines.append(##"<g id="coverage">"##)
        let radius = projection.pixels(analysis.circle.radius)
        for station in stations where study.serving == nil || station.kind.audience == study.serving {
            let (x, y) = projection.project(station.point)
            lines.append(
                ##"<circle class="circle \##(station.kind.rawValue)" data-code="\##(SVGText.escaped(station.code))" cx="\##(n(x))" "##
                    + ##"cy="\##(n(y))" r="\##(n(radius))"/>"##
            )
        }
        lines.append("</g>")
        lines.append(##"<g id="stations">"##)
        for station in stations {
            let (x, y) = projection.project(station.point)
            lines.append(
                ##"<g class="station \##(station.kind.rawValue)" data-code="\##(SVGText.escaped(station.code))">"##
                    + "<title>\(SVGText.escaped("\(station.code) \(station.name) · \(station.kind.chinese)"))</title>"
                    + Self.symbol(station.kind, x: x, y: y) + ##"<text x="\##(n(x + 9))" "##
                    + ##"y="\##(n(y + 4))">\##(SVGText.escaped(station.name))</text></g>"##
            )
        }
        lines.append("</g>")
        lines.append(##"<g id="gap-labels">"##)
        for gap in analysis.gaps.prefix(Self.labelledGaps) {
            let (x, y) = projection.project(gap.place.point)
            let text = gap.place.name.isEmpty ? gap.place.code : gap.place.name
            lines.append(##"<g class="gap"><text x="\##(n(x + 6))" y="\##(n(y - 6))">\##(SVGText.escaped(text))</text></g>"##)
        }
        lines.append("</g>")
        lines += scaleBar(projection, bottom: Self.titleHeight + mapHeight)
        lines += northArrow(right: Self.margin + projection.size.width)
        lines += legend(right: Self.margin + projection.size.width, bottom: Self.titleHeight + mapHeight)
        let footer = "\(study.scope.label) · \(study.summary) · WGS-84 · 生成于 \(madeAt) · 党建工作台 dangjiand"
        lines.append(
            ##"<text x="\##(n(Self.margin))" y="\##(n(Self.titleHeight + mapHeight + 20))" font-size="10" "##
                + ##"fill="#666666">\##(SVGText.escaped(footer))</text>"##
        )
        lines.append("</svg>")
        return lines
    }

    /// `市中区 新就业群体驿站空间分布图`, or `… 党群服务中心（站）空间分布图` when only those count.
    var title: String {
        study.serving == .residents ? "\(study.scope.name) 党群服务中心（站）空间分布图" : "\(study.scope.name) 新就业群体驿站空间分布图"
    }

    /// A station's mark: a dot for the workers' stations, a square for Party-mass service
    /// centres and stations.
    static func symbol(_ kind: StationKind, x: Double, y: Double) -> String {
        let n = SVGText.number
        return kind.audience == .residents
            ? ##"<rect x="\##(n(x - 6))" y="\##(n(y - 6))" width="12" height="12"/>"##
            : ##"<circle cx="\##(n(x))" cy="\##(n(y))" r="6"/>"##
    }

    private static func describe(_ measured: CoverageAnalysis.MeasuredPlace) -> String {
        let name = measured.place.name.isEmpty ? measured.place.code : "\(measured.place.code) \(measured.place.name)"
        guard let metres = measured.metres, let station = measured.nearestStation else { return "\(name)：无开放驿站" }
        return "\(name)：最近 \(station)，\(Int(metres.rounded())) 米" + (measured.isCovered ? "" : "（未覆盖）")
    }

    private func scaleBar(_ projection: MapProjection, bottom: Double) -> [String] {
        let bar = ScaleBar(notAbove: box.widthMetres / 4)
        let length = projection.pixels(bar.metres)
        let x = Self.margin + 14, y = bottom - 18
        let n = SVGText.number
        return [
            ##"<g id="scale-bar" data-metres="\##(Int(bar.metres))">"##,
            ##"<rect x="\##(n(x - 6))" y="\##(n(y - 20))" width="\##(n(length + 60))" height="30" fill="#ffffff" fill-opacity="0.85"/>"##,
            ##"<path d="M\##(n(x)),\##(n(y - 5)) V\##(n(y)) H\##(n(x + length)) V\##(n(y - 5))" fill="none" stroke="#333333" stroke-width="2"/>"##,
            ##"<text x="\##(n(x + length + 6))" y="\##(n(y))" font-size="12" fill="#333333">\##(bar.label)</text>"##,
            "</g>",
        ]
    }

    private func northArrow(right: Double) -> [String] {
        let x = right - 24, y = Self.titleHeight + 14
        let n = SVGText.number
        return [
            ##"<g id="north-arrow">"##,
            ##"<path d="M\##(n(x)),\##(n(y)) L\##(n(x + 8)),\##(n(y + 24)) L\##(n(x)),\##(n(y + 18)) L\##(n(x - 8)),\##(n(y + 24)) Z" "##
                + ##"fill="#333333"/>"##,
            ##"<text x="\##(n(x))" y="\##(n(y + 40))" font-size="13" text-anchor="middle" fill="#333333">北</text>"##,
            "</g>",
        ]
    }

    private func legend(right: Double, bottom: Double) -> [String] {
        let grid = study.kind == .grid
        let n = SVGText.number
        typealias Symbol = (_ x: Double, _ y: Double) -> String
        func dot(_ classes: String, radius: Double) -> Symbol {
            { x, y in ##"<circle cx="\##(n(x))" cy="\##(n(y))" r="\##(n(radius))" class="\##(classes)"/>"## }
        }
        func square(_ classes: String) -> Symbol {
            { x, y in ##"<rect x="\##(n(x - 6))" y="\##(n(y - 6))" width="12" height="12" class="\##(classes)"/>"## }
        }
        var entries: [(symbol: Symbol?, text: String)] = StationKind.allCases.map {
            ($0.audience == .residents ? square($0.rawValue) : dot($0.rawValue, radius: 6), $0.chinese)
        }
        entries.append((dot(study.serving == .residents ? "circle service_centre" : "circle red_station", radius: 7), study.analysis.circle.chinese))
        let households = study.kind == .household
        if grid || households { entries.append((square("place covered"), households ? "已覆盖住户" : "已覆盖网格")) }
        entries.append((square("place uncovered"), households ? "未覆盖住户" : grid ? "未覆盖网格" : "未覆盖区域（蜂窝格）"))
        let analysis = study.analysis
        let unit = households ? "户" : grid ? "个网格" : "个蜂窝格"
        entries.append((nil, "覆盖率 \(CoverageStudy.percent(analysis.share))（\(analysis.coveredCount)/\(analysis.places.count) \(unit)）"))
        let boxWidth = 240.0, rowHeight = 20.0
        let boxHeight = rowHeight * Double(entries.count + 1) + 8
        let left = right - boxWidth - 10, top = bottom - boxHeight - 10
        var lines = [
            ##"<g id="legend">"##,
            ##"<rect x="\##(n(left))" y="\##(n(top))" width="\##(n(boxWidth))" height="\##(n(boxHeight))" fill="#ffffff" "##
                + ##"fill-opacity="0.92" stroke="#999999"/>"##,
            ##"<text x="\##(n(left + 10))" y="\##(n(top + 18))" font-size="13" font-weight="bold" fill="#333333">图例</text>"##,
        ]
        for (index, entry) in entries.enumerated() {
            let x = left + 18, y = top + rowHeight * Double(index + 1) + 14
            if let symbol = entry.symbol { lines.append(symbol(x, y)) }
            lines.append(##"<text x="\##(n(x + 14))" y="\##(n(y + 4))" font-size="12" fill="#333333">\##(SVGText.escaped(entry.text))</text>"##)
        }
        lines.append("</g>")
        return lines
    }
}
