import Foundation
import GridsModule
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension StationsModule {
    /// The arguments `station coverage` and `station map` share.
    var coverageArguments: [ArgumentSpec] {
        [
            OrganizationDirectory.unitArgument("scope", help: "The organisation whose area to measure (a street, a community…)", label: "范围"),
            .optional("minutes", .int(1...120), help: "The circle in minutes of travel (default 15)", label: "分钟"),
            .optional("mode", .enumeration(TravelMode.allCases.map(\.rawValue)), default: "walk", help: "walk or ebike, for minutes="),
            .optional("metres", .int(10...50_000), help: "The circle as a straight-line distance instead of minutes (Fuding's 500 m)", label: "米"),
            .optional(
                "of", .enumeration(["grids", "hexagons", "households"]),
                help: "Measure leaf grids' centroids (default when the grids module is loaded and the scope has located grids), a hexagon "
                    + "lattice, or the households whose position is recorded"
            ),
            .optional(
                "serving", .enumeration(ServiceAudience.allCases.map(\.rawValue)),
                help: "Count only stations serving residents (Party-mass service centres and stations) or workers (the others); default any"
            ),
            .optional("cell", .int(50...5000), help: "The lattice's spacing in metres (default modules.stations.lattice_cell_metres)"),
            .optional(
                "extent", .string(maxLength: 100), help: "The lattice's box as south,west,north,east degrees (default: the scope's grids or stations)"
            ),
        ]
    }

    /// The coverage help both commands share.
    var coverageHelp: String {
        """
        A place is covered when an open station (any station, wherever its host) lies within the circle: minutes= of \
        travel by mode= (\(Self.speedText(settings.speeds)), so 15 minutes on foot is \
        \(Int(settings.speeds.metres(inMinutes: 15, by: .walk).rounded())) m in a straight line), or metres= in a straight line. \
        The places are the scope's leaf grids (their centroids) when the grids module is loaded, or the cells of a hexagon lattice \
        of cell= metres laid over extent= (by default the box of the scope's grids, or of its own open stations), or with \
        of=households the households of the scope's grids whose position is recorded ('grid household update lat= lon='). \
        serving=residents counts only Party-mass service centres and stations 党群服务中心(站) (the 500-metre red service \
        circle is serving=residents of=households metres=500); serving=workers only the others.
        """
    }

    /// Measures the coverage the invocation asks for.
    func coverageStudy(_ invocation: Invocation) async throws -> CoverageStudy {
        let arguments = invocation.arguments
        let session = invocation.database
        let scope = try await OrganizationDirectory.unit(try arguments.string("scope"), argument: "scope", in: session)
        let circle = try serviceCircle(arguments)
        let serving = try arguments.optionalEnumeration("serving", as: ServiceAudience.self)
        var grids: [GridDirectory.LocatedGrid] = []
        let wanted = arguments.optionalString("of")
        if wanted == "households" {
            return try await householdStudy(scope: scope, circle: circle, serving: serving, in: session)
        }
        if wanted == "grids", !gridsLoaded {
            throw WorkbenchError.invalidArgument(
                "of", code: StationsErrorCode.coverageNoGridsModule, "the grids module is not enabled; use of=hexagons")
        }
        if gridsLoaded, wanted != "hexagons" || !arguments.wasGiven("extent") {
            grids = try await GridDirectory.leafGrids(under: scope.path, in: session)
        }
        let located = grids.filter { $0.centroid != nil }
        let places: [CoveragePlace]
        let box: GeoBox
        let kind: CoveragePlace.Kind
        if wanted == "grids" || (wanted == nil && !located.isEmpty) {
            guard !located.isEmpty else {
                throw WorkbenchError.ruleRefused(
                    StationsErrorCode.coverageNoLocatedGrids,
                    "no leaf grid under \(scope.label) has a centroid (\(grids.count) grids); record them with 'grid update grid=<code> "
                        + "lat= lon=' or use of=hexagons"
                )
            }
            places = located.map { grid in
                CoveragePlace(
                    kind: .grid, code: grid.code, name: grid.name,
                    point: GeoPoint(latitude: grid.centroid!.latitude, longitude: grid.centroid!.longitude),
                    households: grid.households, outline: grid.boundary.map { GeoPoint(latitude: $0.latitude, longitude: $0.longitude) }
                )
            }
            box = GeoBox(containing: places.flatMap { [$0.point] + $0.outline })!
            kind = .grid
        } else {
            box = try await latticeBox(arguments, scope: scope, grids: located, in: session)
            let lattice = HexLattice(box: box, spacing: Double(arguments.optionalInt("cell") ?? Int64(settings.latticeCellMetres)))
            guard lattice.cellCount <= HexLattice.maximumCells else {
                throw WorkbenchError.ruleRefused(
                    StationsErrorCode.coverageLatticeTooFine,
                    "a lattice of \(Int(lattice.spacing)) m over \(box) has \(lattice.cellCount) cells, more than \(HexLattice.maximumCells); "
                        + "give cell=\(Int(lattice.smallestAllowedSpacing)) or more, or a smaller scope"
                )
            }
            places = lattice.cells
            kind = .hexagon
        }
        let nearest = try await Self.nearest(to: places, serving: serving, in: session)
        return CoverageStudy(
            scope: scope,
            analysis: CoverageAnalysis(circle: circle, places: places, nearest: nearest, unlocated: kind == .grid ? grids.count - located.count : 0),
            box: box, kind: kind, serving: serving
        )
    }

    /// The nearest open station (of the audience's kinds) to each place.
    private static func nearest(
        to places: [CoveragePlace], serving: ServiceAudience?, in session: PostgresSession
    ) async throws -> [(station: String, metres: Double)?] {
        let rows = try await session.query(
            NearestQueries.nearestToEach,
            [places.map(\.point.latitude), places.map(\.point.longitude), serving.map { $0.kinds.map(\.rawValue) }])
        return try rows.map { row in
            guard let code = try row.decode("code", as: String?.self) else { return nil }
            return ("\(code) \(try row.decode("name", as: String.self))", try row.decode("metres", as: Double.self))
        }
    }

    /// `of=households`: the scope's households whose position is recorded.
    private func householdStudy(
        scope: OrganizationDirectory.Organization, circle: ServiceCircle, serving: ServiceAudience?, in session: PostgresSession
    ) async throws -> CoverageStudy {
        guard gridsLoaded else {
            throw WorkbenchError.invalidArgument(
                "of", code: StationsErrorCode.coverageNoGridsModule, "households are kept by the grids module, which is not enabled")
        }
        let (located, unlocated) = try await GridDirectory.locatedHouseholds(under: scope.path, in: session)
        guard !located.isEmpty else {
            throw WorkbenchError.ruleRefused(
                StationsErrorCode.coverageNoLocatedHouseholds,
                "no household under \(scope.label) has a position (\(unlocated) households); record them with 'grid household update "
                    + "household=<id> lat= lon=' or import them with lat and lon columns")
        }
        let places = located.map { household in
            CoveragePlace(
                kind: .household, code: "#\(household.id)", name: household.address,
                point: GeoPoint(latitude: household.latitude, longitude: household.longitude), households: 1)
        }
        let nearest = try await Self.nearest(to: places, serving: serving, in: session)
        return CoverageStudy(
            scope: scope, analysis: CoverageAnalysis(circle: circle, places: places, nearest: nearest, unlocated: unlocated),
            box: GeoBox(containing: places.map(\.point))!, kind: .household, serving: serving)
    }

    private func serviceCircle(_ arguments: Arguments) throws -> ServiceCircle {
        if let metres = arguments.optionalInt("metres") {
            guard !arguments.wasGiven("minutes") else {
                throw WorkbenchError.invalidArgument("metres", code: StationsErrorCode.coverageTwoCircles, "give minutes= or metres=, not both")
            }
            return ServiceCircle(.metres(Double(metres)), speeds: settings.speeds)
        }
        let mode = TravelMode(rawValue: try arguments.string("mode")) ?? .walk
        return ServiceCircle(.minutes(Double(arguments.optionalInt("minutes") ?? 15), mode), speeds: settings.speeds)
    }

    private func latticeBox(
        _ arguments: Arguments, scope: OrganizationDirectory.Organization, grids: [GridDirectory.LocatedGrid], in session: PostgresSession
    ) async throws -> GeoBox {
        if let text = arguments.optionalString("extent") {
            guard let box = GeoBox(parsing: text) else {
                throw WorkbenchError.invalidArgument(
                    "extent", code: StationsErrorCode.coverageBadExtent,
                    "'\(text)' is not south,west,north,east in degrees with south < north and west < east"
                )
            }
            return box
        }
        var points = grids.flatMap { grid in
            [GeoPoint(latitude: grid.centroid!.latitude, longitude: grid.centroid!.longitude)]
                + grid.boundary.map { GeoPoint(latitude: $0.latitude, longitude: $0.longitude) }
        }
        if points.isEmpty {
            points = try await session.query(StationStore.Queries.openPositionsInScope, [scope.path]).map { row in
                GeoPoint(latitude: try row.decode("latitude"), longitude: try row.decode("longitude"))
            }
        }
        guard let box = GeoBox(containing: points) else {
            throw WorkbenchError.ruleRefused(
                StationsErrorCode.coverageNoExtent,
                "\(scope.label) has no located grids and hosts no open station, so its area is unknown; give extent=south,west,north,east"
            )
        }
        return box
    }

    var coverageCommand: CommandSpec {
        CommandSpec(
            "coverage", synopsis: "The share of a scope within the 15-minute (or 500-metre) circle of an open station, and the gaps",
            help: coverageHelp
                + " The figures (coverage_rate and households_coverage_rate are percentages), then the gaps table, farthest from a station "
                + "first; limit= shows more.",
            arguments: coverageArguments + [.optional("limit", .int(1...1000), default: "50", help: "How many uncovered places to list")],
            examples: [
                "station coverage scope=SZQ-ZXJ minutes=15 mode=walk", "station coverage scope=SZQ-ZXJ metres=500",
                "station coverage scope=SQ01 of=hexagons cell=200",
                "station coverage scope=SQ01 of=households serving=residents metres=500",
            ]
        ) { invocation in
            let study = try await coverageStudy(invocation)
            let speeds = settings.speeds
            let mode: TravelMode = if case .minutes(_, let mode) = study.analysis.circle.measure { mode } else { .walk }
            let gaps = study.analysis.gaps
            let shown = gaps.prefix(Int(try invocation.arguments.int("limit")))
            let analysis = study.analysis
            let households = analysis.places.reduce(0) { $0 + $1.place.households }
            let coveredHouseholds = analysis.places.filter(\.isCovered).reduce(0) { $0 + $1.place.households }
            let figures: [(String, ReplyValue)] = [
                ("scope", .string(study.scope.code)), ("places", .string(study.placeNoun)), ("circle", .string(analysis.circle.description)),
                ("radius_m", .int(Int64(analysis.circle.radius.rounded()))), ("measured", .int(Int64(analysis.places.count))),
                ("covered", .int(Int64(analysis.coveredCount))), ("uncovered", .int(Int64(analysis.places.count - analysis.coveredCount))),
                ("coverage_rate", Percentage.value(analysis.coveredCount, of: analysis.places.count)),
                ("households", study.kind == .hexagon ? .null : .int(Int64(households))),
                ("households_coverage_rate", study.kind == .hexagon ? .null : Percentage.value(coveredHouseholds, of: households)),
                (study.kind == .household ? "unlocated_households" : "unlocated_grids", .int(Int64(analysis.unlocated))),
                ("serving", study.serving.map { .string($0.rawValue) } ?? .string("any")), ("gaps_shown", .int(Int64(shown.count))),
            ]
            let gapTable = ReplyTable(
                columns: ["place", "name", "lat", "lon", "households", "nearest_station", "metres", "\(mode.rawValue)_min", "beyond_m"],
                rows: shown.map { gap in
                    [
                        .string(gap.place.code), .string(gap.place.name), GeoPoint.degrees(gap.place.point.latitude),
                        GeoPoint.degrees(gap.place.point.longitude), gap.place.kind == .hexagon ? .null : .int(gap.place.households),
                        .string(gap.nearestStation ?? "none open"), gap.metres.map { .int(Int($0.rounded())) } ?? .null,
                        gap.metres.map { Self.minutes(speeds.minutes(forMetres: $0, by: mode)) } ?? .null,
                        gap.metres.map { .int(Int(($0 - study.analysis.circle.radius).rounded())) } ?? .null,
                    ]
                }
            )
            return .document(
                figures, sections: [("gaps", gapTable)],
                summary: study.summary + (shown.count < gaps.count ? "; listing the worst \(shown.count) (limit=)" : "")
            )
        }
    }
}
