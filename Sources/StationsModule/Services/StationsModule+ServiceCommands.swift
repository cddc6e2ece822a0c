import Foundation
import WorkbenchKit
import WorkbenchPostgres

extension StationsModule {
    var serviceCommands: [CommandSpec] { [addServiceCommand, removeServiceCommand, listServicesCommand, defineServiceCommand] }

    private var defineServiceCommand: CommandSpec {
        CommandSpec(
            "service define", synopsis: "Add a standard service to the workers' or the residents' catalogue",
            help: """
                The catalogues are configured here: a standard service joins the list 'services=all' offers to stations of its \
                audience (residents: Party-mass service centres and stations; workers: the others) and the list an unknown \
                service's refusal names. A station's own services join as extras (extras= of 'station service add').
                """,
            arguments: [
                .required("code", .string(maxLength: 40), help: "Its code (lowercase letters and _)", label: "编码"),
                .required("name", .string(maxLength: 20), help: "Its name (政务代办)", label: "名称"),
                .required("audience", .enumeration(ServiceAudience.allCases.map(\.rawValue)), help: "workers or residents", label: "对象"),
            ],
            role: .admin,
            mutates: true,
            examples: ["station service define code=housing_repairs name=房屋维修 audience=residents"]
        ) { invocation in
            let arguments = invocation.arguments
            let code = try arguments.string("code")
            guard code.range(of: "^[a-z][a-z0-9_]{1,39}$", options: .regularExpression) != nil else {
                throw WorkbenchError.invalidArgument("code", "'\(code)' is not a code of lowercase letters, digits and _ starting with a letter")
            }
            let name = try arguments.string("name")
            try ServiceCatalogue.refuseBadName(name, argument: "name")
            let audience: ServiceAudience = try arguments.enumeration("audience")
            let session = invocation.database
            if let known = try await session.query(ServiceCatalogue.Queries.find, [[code, name]]).map(StationService.init(row:)).first {
                throw WorkbenchError.conflict(
                    StationsErrorCode.serviceDuplicate, argument: known.code == code ? "code" : "name",
                    "the catalogue has \(known.label) already; see 'station service list'")
            }
            _ = try await session.execute(ServiceCatalogue.Queries.define, [code, name, audience])
            return .record(
                [("code", .string(code)), ("name", .string(try arguments.string("name"))), ("audience", .string(audience.rawValue))],
                summary: "\(try arguments.string("name")) (\(code)) is a standard service for \(audience.rawValue)")
        }
    }

    private var addServiceCommand: CommandSpec {
        CommandSpec(
            "service add", synopsis: "Offer services at a station: standard ones (10) and its own extras (+X)",
            help: """
                services= names standard services by code or Chinese name, or all; extras= names the station's own services, \
                which join the catalogue the first time any station offers them. Services already offered are left as they are.
                """,
            arguments: [
                Self.stationArgument(),
                .optional("services", .string(maxLength: 400), help: "Standard services or known extras (comma-separated), or all", label: "服务"),
                .optional("extras", .string(maxLength: 400), help: "The station's own services by name (comma-separated)", label: "特色服务"),
            ],
            mutates: true,
            examples: ["station service add station=YZ01 services=充电,充气", "station service add station=YZ01 extras=理发,法律咨询"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            guard arguments.wasGiven("services") || arguments.wasGiven("extras") else {
                throw WorkbenchError.invalidArgument("services", code: StationsErrorCode.serviceNoneNamed, "name services= or extras= (or both)")
            }
            let station = try await StationStore.find(try arguments.string("station"), forUpdate: true, in: session)
            let services = try await ServiceCatalogue.named(in: arguments, audience: station.kind.audience, in: session)
            let added = try await session.query(ServiceCatalogue.Queries.offer, [station.id, services.map(\.code), invocation.now])
                .map { try $0.decode("service", as: String.self) }
            let now = try await Self.services(of: station.id, in: session)
            let names = services.filter { added.contains($0.code) }.map(\.name)
            return .record(
                [
                    ("station", .string(station.label)), ("added", .list(names.map { .string($0) })),
                    ("services", .list(now.map { .string($0.name) })),
                ],
                summary: names.isEmpty
                    ? "\(station.label) already offers these services" : "\(station.label) now offers \(names.joined(separator: "、"))"
            )
        }
    }

    private var removeServiceCommand: CommandSpec {
        CommandSpec(
            "service remove", synopsis: "Stop offering services at a station (past visits keep the services they used)",
            arguments: [
                Self.stationArgument(),
                .required("services", .string(maxLength: 400), help: "The services to remove (codes or names, comma-separated)", label: "服务"),
            ],
            mutates: true,
            examples: ["station service remove station=YZ01 services=暖餐"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let station = try await StationStore.find(try arguments.string("station"), forUpdate: true, in: session)
            let services = try await ServiceCatalogue.resolve(
                try arguments.string("services"), argument: "services", audience: station.kind.audience, in: session)
            let offered = try await Self.services(of: station.id, in: session)
            if let missing = services.first(where: { service in !offered.contains { $0.code == service.code } }) {
                throw WorkbenchError(
                    status: .notFound, code: StationsErrorCode.serviceNotOffered,
                    message: "\(station.label) does not offer \(missing.name); it offers \(offered.map(\.name).joined(separator: "、"))",
                    argument: "services"
                )
            }
            _ = try await session.execute(ServiceCatalogue.Queries.withdraw, [station.id, services.map(\.code)])
            let now = try await Self.services(of: station.id, in: session)
            return .record(
                [
                    ("station", .string(station.label)), ("removed", .list(services.map { .string($0.name) })),
                    ("services", .list(now.map { .string($0.name) })),
                ],
                summary: "\(station.label) no longer offers \(services.map(\.name).joined(separator: "、"))"
            )
        }
    }

    private var listServicesCommand: CommandSpec {
        CommandSpec(
            "service list", synopsis: "The \"10+X\" catalogue with how many open stations offer each, or one station's services",
            arguments: [Self.stationArgument(required: false, help: "Only this station's services")],
            examples: ["station service list", "station service list station=YZ01"]
        ) { invocation in
            let session = invocation.database
            if let text = invocation.arguments.optionalString("station") {
                let station = try await StationStore.find(text, in: session)
                let rows = try await session.query(ServiceCatalogue.Queries.ofStation, [station.id])
                return .table(
                    columns: ["code", "name", "standard", "offered_since"],
                    rows: try rows.map { row in
                        let service = try StationService(row: row)
                        return [
                            .string(service.code), .string(service.name), .bool(service.isStandard),
                            .timestamp(try row.decode("added_at", as: Date.self)),
                        ]
                    },
                    summary: "\(station.label): \(rows.count) services"
                )
            }
            let rows = try await session.query(ServiceCatalogue.Queries.catalogue)
            let services = try rows.map(StationService.init(row:))
            let standard = services.filter(\.isStandard).count
            let audiences = try rows.map { try $0.decode("audience", as: String.self) }
            let forWorkers = zip(services, audiences).filter { $0.isStandard && $1 == ServiceAudience.workers.rawValue }.count
            return .table(
                columns: ["code", "name", "audience", "standard", "open_stations"],
                rows: try zip(services, rows).map { service, row in
                    [
                        .string(service.code), .string(service.name), .string(try row.decode("audience", as: String.self)), .bool(service.isStandard),
                        .int(try row.decode("stations", as: Int64.self)),
                    ]
                },
                summary: "\(services.count) services: \(standard) standard (\(forWorkers) for workers, \(standard - forWorkers) for residents), "
                    + "\(services.count - standard) extras"
            )
        }
    }

    /// The services a station offers, standard ones first.
    static func services(of station: Int64, in session: PostgresSession) async throws -> [StationService] {
        try await session.query(ServiceCatalogue.Queries.ofStation, [station]).map(StationService.init(row:))
    }
}
