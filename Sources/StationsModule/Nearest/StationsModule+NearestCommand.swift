import Foundation
import WorkbenchKit
import WorkbenchPostgres

extension StationsModule {
    var nearestCommand: CommandSpec {
        let speeds = settings.speeds
        return CommandSpec(
            "nearest", synopsis: "The open stations nearest to a place, in metres and minutes on foot and by e-bike",
            help: """
                Distances are great-circle metres; minutes add the detour factor of modules.stations.speeds (streets are not \
                straight lines): \(Self.speedText(speeds)). service= keeps stations offering that service; open_now=true keeps \
                those whose hours are open now (or at at=). Closed stations never appear.
                """,
            arguments: Self.positionArguments(required: true, what: "the place to start from") + [
                .optional("service", .string(maxLength: 40), help: "Only stations offering this service (code or name)", label: "服务"),
                .optional("open_now", .bool, default: "false", help: "Only stations open now (or at at=) by their hours"),
                .optional("at", .datetime, help: "The time open_now= and the open_now column refer to (default now)"),
                .optional("limit", .int(1...100), default: "5", help: "How many stations"),
            ],
            examples: [
                "station nearest lat=34.8642 lon=117.5581 service=充电 open_now=true", "station nearest lat=34.8611 lon=117.5622 crs=gcj02 limit=3",
            ]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let point = try Self.position(arguments)!
            let service = try await arguments.optionalString("service").asyncMap {
                try await ServiceCatalogue.resolve($0, argument: "service", in: session)
            }
            guard (service?.count ?? 1) == 1 else { throw WorkbenchError.invalidArgument("service", "name one service") }
            let moment = LocalMoment(arguments.optionalDatetime("at") ?? invocation.now, in: invocation.timeZone)
            let openNow = try arguments.bool("open_now")
            var statement = NearestQueries.nearest
            if let code = service?.first?.code {
                let offering: Int64 = try await session.query(NearestQueries.offeringCount, [code, Int64(NearestQueries.fewOffering)]).single()
                    .decode("stations")
                if offering < NearestQueries.fewOffering { statement = NearestQueries.nearestOffering }
            }
            let rows = try await session.query(
                statement,
                [
                    point.latitude, point.longitude, service?.first?.code, Int64(moment.weekday.rawValue), moment.timeText,
                    try arguments.int("limit"), openNow,
                ]
            )
            var conditions: [String] = []
            if let name = service?.first?.name { conditions.append("with \(name)") }
            if openNow { conditions.append(arguments.wasGiven("at") ? "open at the time given" : "open now") }
            let what = ([rows.count > 1 ? "open stations" : "open station"] + conditions).joined(separator: " ")
            return .table(
                columns: ["rank", "code", "name", "kind", "metres", "walk_min", "ebike_min", "open_now", "hours", "services", "address"],
                rows: try rows.enumerated().map { index, row in
                    let metres: Double = try row.decode("metres")
                    let kind: StationKind = try row.decode("kind")
                    let services: [String] = try row.decode("services")
                    return [
                        .int(index + 1), .string(try row.decode("code", as: String.self)), .string(try row.decode("name", as: String.self)),
                        .string(kind.chinese), .int(Int(metres.rounded())), Self.minutes(speeds.minutes(forMetres: metres, by: .walk)),
                        Self.minutes(speeds.minutes(forMetres: metres, by: .ebike)), .bool(try row.decode("open_now", as: Bool.self)),
                        .string(try row.decode("hours", as: String.self)), .list(services.map { .string($0) }),
                        .string(try row.decode("address", as: String.self)),
                    ]
                },
                summary: rows.isEmpty ? "no \(what)" : "nearest to \(point): \(rows.count) \(what)"
            )
        }
    }

    /// Minutes with one decimal.
    static func minutes(_ value: Double) -> ReplyValue { .decimal(String(format: "%.1f", value)) }

    /// `walking 5 km/h, e-bike 15 km/h, detour factor 1.25`.
    static func speedText(_ speeds: TravelSpeeds) -> String {
        "walking \(String(format: "%g", speeds.walkKilometresPerHour)) km/h, e-bike "
            + "\(String(format: "%g", speeds.ebikeKilometresPerHour)) km/h, detour factor \(String(format: "%g", speeds.detourFactor))"
    }
}
