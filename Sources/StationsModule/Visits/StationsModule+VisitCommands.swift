import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension StationsModule {
    var visitCommands: [CommandSpec] { [logVisitCommand, listVisitsCommand] }

    private var logVisitCommand: CommandSpec {
        let platforms = settings.platforms
        return CommandSpec(
            "visit log", synopsis: "Log a courier's or rider's visit to a station, with the services used",
            help: """
                No personal data is recorded: the platform, the time and the services used; worker= is an optional pseudonymous \
                id (a badge number or a hash) that lets statistics count distinct workers. The services must be offered by the \
                station. A closed station takes no visits.
                """,
            arguments: [
                Self.stationArgument(),
                .required("platform", .enumeration(platforms), help: "The platform the worker works for", label: "平台"),
                .optional("at", .datetime, help: "When (default now; not in the future)"),
                .optional("worker", .string(maxLength: 64), help: "A pseudonymous worker id", label: "骑手编号"),
                .optional("services", .string(maxLength: 400), help: "Services used (codes or names, comma-separated)", label: "使用服务"),
            ],
            mutates: true,
            examples: [
                "station visit log station=YZ01 platform=美团 services=充电,饮水",
                "station visit log station=YZ01 platform=顺丰 worker=SF-8812 at=2026-11-20T12:30",
            ]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let at = arguments.optionalDatetime("at") ?? invocation.now
            guard at <= invocation.now.addingTimeInterval(60) else {
                throw WorkbenchError.invalidArgument(
                    "at", code: StationsErrorCode.visitFuture, "a visit cannot be logged ahead of time; give the time it happened")
            }
            let worker = try arguments.optionalString("worker").map { try WorkerID.checked($0, argument: "worker") }
            let station = try await StationStore.find(try arguments.string("station"), in: session)
            guard station.status == .open else {
                throw WorkbenchError.ruleRefused(
                    StationsErrorCode.stationClosed,
                    "station \(station.label) closed on \(station.closedOn.map(\.description) ?? "?") (\(station.closedReason ?? "")); a "
                        + "closed station takes no visits (reopen it with 'station reopen' if it is open again)"
                )
            }
            let used =
                try await arguments.optionalString("services").asyncMap {
                    try await ServiceCatalogue.resolve($0, argument: "services", in: session)
                } ?? []
            let offered = try await Self.services(of: station.id, in: session)
            if let missing = used.first(where: { service in !offered.contains { $0.code == service.code } }) {
                throw WorkbenchError(
                    status: .unprocessable, code: StationsErrorCode.visitServiceNotOffered,
                    message:
                        "\(station.label) does not offer \(missing.name); it offers "
                        + "\(offered.isEmpty ? "nothing yet" : offered.map(\.name).joined(separator: "、"))",
                    argument: "services"
                )
            }
            let id: Int64 = try await session.query(
                VisitQueries.insert, [station.id, at, try arguments.string("platform"), worker, invocation.now, invocation.caller.userName]
            ).single().decode("id")
            if !used.isEmpty { _ = try await session.execute(VisitQueries.insertServices, [id, used.map(\.code)]) }
            return .created(
                id: id, "visit logged at \(station.label)",
                fields: [("station", .string(station.code)), ("at", .timestamp(at)), ("services", .list(used.map { .string($0.name) }))]
            )
        }
    }

    private var listVisitsCommand: CommandSpec {
        let platforms = settings.platforms
        return CommandSpec(
            "visits", synopsis: "List visits, or with by= count them per station, service, platform, hour, weekday or week",
            help: """
                Without by= the visits themselves are listed and paged. With by= the same filters give usage statistics: visits, \
                distinct workers (of those who gave a pseudonymous id) and each group's share of the visits; by=hour and \
                by=weekday show every hour and day, visited or not. Days are the daemon's calendar days (from= and to= inclusive).
                """,
            arguments: [
                Self.stationArgument(required: false, help: "Only visits to this station"),
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only stations hosted in this subtree"),
                .optional("platform", .enumeration(platforms), help: "Only this platform"),
                .optional("service", .string(maxLength: 40), help: "Only visits that used this service"),
                .optional("from", .date, help: "First day"),
                .optional("to", .date, help: "Last day"),
                .optional(
                    "by", .enumeration(VisitGrouping.allCases.map(\.rawValue)), help: "Count per station, service, platform, hour, weekday or week"),
            ] + Page.arguments(),
            examples: [
                "station visits station=YZ01 from=2026-11-01", "station visits scope=SZQ-ZXJ by=hour",
                "station visits by=platform from=2026-10-01 to=2026-10-31",
            ]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let zone = invocation.timeZone
            let station = try await arguments.optionalString("station").asyncMap { try await StationStore.find($0, in: session) }
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let service = try await arguments.optionalString("service").asyncMap {
                try await ServiceCatalogue.resolve($0, argument: "service", in: session)
            }
            guard (service?.count ?? 1) == 1 else { throw WorkbenchError.invalidArgument("service", "name one service") }
            let from = arguments.optionalDate("from"), to = arguments.optionalDate("to")
            if let from, let to, to < from {
                throw WorkbenchError.invalidArgument("to", code: StationsErrorCode.visitEmptyPeriod, "to= \(to) is before from= \(from)")
            }
            let filters: [any PostgresEncodable] = [
                station?.id, scope?.path, arguments.optionalString("platform"), service?.first?.code, from?.startOfDay(in: zone),
                to.map { Self.startOfDayAfter($0, in: zone) },
            ]
            let totals = try await session.query(VisitQueries.totals, filters).single()
            let visits: Int64 = try totals.decode("visits")
            let workers: Int64 = try totals.decode("workers")
            let stations: Int64 = try totals.decode("stations")
            let period = "\(from.map(\.description) ?? "the start") – \(to.map(\.description) ?? "now")"
            let summary = "\(visits) visits by \(workers) identified workers at \(stations) stations, \(period)"
            guard let grouping = try arguments.optionalEnumeration("by", as: VisitGrouping.self) else {
                let page = try Page(arguments)
                let rows = try await session.query(VisitQueries.list, filters + [page.afterKey, page.fetchLimit])
                var reply = page.reply(
                    columns: ["id", "at", "station", "platform", "worker", "services"],
                    rows: try rows.map { row in
                        let id: Int64 = try row.decode("id")
                        let services: [String] = try row.decode("services")
                        return (
                            id,
                            [
                                .int(id), .timestamp(try row.decode("visited_at", as: Date.self)),
                                .string("\(try row.decode("station_code", as: String.self)) \(try row.decode("station_name", as: String.self))"),
                                .string(try row.decode("platform", as: String.self)), .string(try row.decode("worker", as: String?.self)),
                                .list(services.map { .string($0) }),
                            ]
                        )
                    }
                )
                reply.summary = summary + "; " + ReplyEncoder.summary(of: reply)
                return reply
            }
            var groups = try await session.query(grouping.statement, filters + [zone.identifier]).map { row in
                (
                    key: try row.decode("key", as: String.self), visits: try row.decode("visits", as: Int64.self),
                    workers: try row.decode("workers", as: Int64.self)
                )
            }
            switch grouping {
            case .hour:
                groups = (0..<24).map { hour in
                    let key = String(format: "%02d", hour)
                    return groups.first { $0.key == key } ?? (key, 0, 0)
                }
            case .weekday:
                groups = Weekday.allCases.map { day in
                    let found = groups.first { $0.key == String(day.rawValue) } ?? (String(day.rawValue), 0, 0)
                    return ("\(day.abbreviation) \(day.chinese)", found.visits, found.workers)
                }
            default: break
            }
            return .table(
                columns: [grouping.rawValue, "visits", "workers", "share"],
                rows: groups.map { group in
                    [
                        .string(group.key), .int(group.visits), .int(group.workers),
                        .string(visits == 0 ? "–" : String(format: "%.1f %%", Double(group.visits) * 100 / Double(visits))),
                    ]
                },
                summary: summary + (grouping == .service ? " (a visit counts for every service it used)" : "")
            )
        }
    }

    /// The instant the day after `day` starts (daylight saving time included).
    static func startOfDayAfter(_ day: CalendarDate, in zone: TimeZone) -> Date {
        CalendarDate(containing: day.startOfDay(in: zone).addingTimeInterval(36 * 3600), in: zone).startOfDay(in: zone)
    }
}
