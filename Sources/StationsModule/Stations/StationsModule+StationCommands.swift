import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension StationsModule {
    /// `station=`: a station by id or code.
    static func stationArgument(required: Bool = true, help: String = "The station (id or code)") -> ArgumentSpec {
        required
            ? .required("station", .string(maxLength: 32), help: help, label: "驿站")
            : .optional("station", .string(maxLength: 32), help: help, label: "驿站")
    }

    static let kindArgumentType = ArgumentType.enumeration(StationKind.argumentWords)

    var stationCommands: [CommandSpec] {
        [
            addStationCommand, importStationsCommand, showStationCommand, listStationsCommand, updateStationCommand, closeStationCommand,
            reopenStationCommand,
        ]
    }

    /// Opening hours from `hours=`, or a 400 that names what is wrong.
    static func openingHours(_ text: String) throws -> OpeningHours {
        do {
            return try OpeningHours(parsing: text)
        } catch {
            throw WorkbenchError.invalidArgument("hours", code: StationsErrorCode.hoursMalformed, error.description)
        }
    }

    private var importStationsCommand: CommandSpec {
        let (add, update) = (addStationCommand, updateStationCommand)
        return RegisterImportCommand.make(
            module: Self.alias, "import", noun: "stations", add: add,
            matching: """
                A station is matched by its code: left as it is (a re-import changes nothing), or with update=true given the \
                file's name, kind, address, place, host, hours and capacity where they differ (as 'station update'); services \
                of a station that exists change with 'station service add|remove'.
                """,
            ignoring: ["id", "status"], example: "station import dry_run=true"
        ) { StationRegister.register(add: add, update: update, invocation: $0) }
    }

    private var addStationCommand: CommandSpec {
        CommandSpec(
            "add", synopsis: "Register a station (驿站) for couriers and riders, with its place, hours and services",
            help: """
                lat= and lon= are WGS-84 degrees; with crs=gcj02 they are the GCJ-02 coordinates Amap (高德) or Tencent maps show, \
                converted before they are stored. hours= is per weekday: 'mon-fri 08:00-20:00; sat,sun 10:00-18:00', 'daily \
                07:00-22:00', '24/7'; a later rule replaces earlier ones for its days ('daily 08:00-20:00; sun closed'). services= \
                lists standard services by code or Chinese name (hot_meal 暖餐, drinking_water 饮水, rest 休憩, cooling 避暑清凉, \
                warming 取暖, reading 阅读, charging 充电, tyre_inflation 充气, toilet 如厕, first_aid 应急药箱), or all; extras= \
                adds the station's own services ("10+X"), such as 理发 or 法律咨询.
                """,
            arguments: [
                .required("code", .string(maxLength: 32), help: "A short code, starting with a letter", label: "编码"),
                .required("name", .string(maxLength: 100), help: "The station's name", label: "名称"),
                .required(
                    "kind", Self.kindArgumentType, help: "red_station 红色驿站, warm_home 红·暖之家, other, service_centre 党群服务中心 or service_station 党群服务站",
                    label: "类型"),
                .required("address", .string(maxLength: 200), help: "Street address", label: "地址"),
            ] + Self.positionArguments(required: true, what: "the station") + [
                OrganizationDirectory.unitArgument("host", help: "The Party organisation that runs it", label: "主办党组织"),
                .required("hours", .string(maxLength: 300), help: "Opening hours per weekday", label: "开放时间"),
                .optional("capacity", .int(0...10_000), help: "Seats or places to rest", label: "容纳人数"),
                .optional("services", .string(maxLength: 400), help: "Standard services (codes or names, comma-separated), or all", label: "服务"),
                .optional("extras", .string(maxLength: 400), help: "The station's own services by name (comma-separated)", label: "特色服务"),
            ],
            mutates: true,
            examples: [
                "station add code=YZ01 name=桐江红色驿站 kind=red_station address=\"桐江路8号\" lat=34.864 lon=117.557 host=SQ01 "
                    + "hours=\"mon-fri 08:00-20:00; sat,sun 10:00-18:00\" services=all extras=理发",
                "station add code=YZ02 name=红·暖之家 kind=warm_home address=\"光明路2号\" lat=34.8611 lon=117.5622 crs=gcj02 host=SQ02 "
                    + "hours=24/7 services=charging,饮水,休憩",
            ]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let hours = try Self.openingHours(try arguments.string("hours"))
            let position = try Self.position(arguments)!
            let host = try await OrganizationDirectory.activeUnit(try arguments.string("host"), argument: "host", in: session)
            let kind = StationKind(argument: try arguments.string("kind")) ?? .other
            let services = try await ServiceCatalogue.named(in: arguments, audience: kind.audience, in: session)
            let code = try arguments.string("code")
            let id: Int64 = try await session.query(
                StationStore.Queries.insert,
                [
                    code, try arguments.string("name"), StationKind(argument: try arguments.string("kind"))!, try arguments.string("address"),
                    position.latitude, position.longitude, host.id, hours.description, arguments.optionalInt("capacity"), invocation.now,
                ]
            ).single().decode("id")
            try await StationStore.storeIntervals(of: hours, station: id, in: session)
            _ = try await session.execute(ServiceCatalogue.Queries.offer, [id, services.map(\.code), invocation.now])
            return .created(
                id: id, "station \(code) registered at \(position), hosted by \(host.code)",
                fields: [("hours", .string(hours.description)), ("services", .list(services.map { .string($0.name) }))]
            )
        }
    }

    private var showStationCommand: CommandSpec {
        CommandSpec(
            "show", synopsis: "Show a station: place, hours, whether it is open now, services and visits",
            arguments: [Self.stationArgument()],
            examples: ["station show station=YZ01"]
        ) { invocation in
            let session = invocation.database
            let station = try await StationStore.find(try invocation.arguments.string("station"), in: session)
            let hours = try Self.openingHours(station.hours)
            let since = invocation.now.addingTimeInterval(-30 * 86_400)
            let counts = try await session.query(StationStore.Queries.visitCounts, [station.id, since]).single()
            return .record(
                station.fields(openNow: hours.isOpen(at: invocation.now, in: invocation.timeZone)) + [
                    ("visits", .int(try counts.decode("total", as: Int64.self))),
                    ("visits_30_days", .int(try counts.decode("recent", as: Int64.self))),
                    ("created_at", .timestamp(station.createdAt)), ("updated_at", .timestamp(station.updatedAt)),
                ],
                summary: station.label
            )
        }
    }

    private var listStationsCommand: CommandSpec {
        CommandSpec(
            "list", synopsis: "List stations, filtered by host subtree, kind, status, service and open now; paged",
            arguments: [
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only stations hosted in this subtree"),
                .optional("kind", Self.kindArgumentType, help: "Only this kind"),
                .optional("status", .enumeration(["open", "closed", "all"]), default: "open", help: "open (default), closed or all"),
                .optional("service", .string(maxLength: 40), help: "Only stations offering this service (code or name)"),
                .optional("open_now", .bool, help: "true: only stations open now by their hours; false: only those closed now"),
            ] + Page.arguments(),
            examples: ["station list scope=SZQ-ZXJ service=充电 open_now=true", "station list status=closed"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let service = try await arguments.optionalString("service").asyncMap {
                try await ServiceCatalogue.resolve($0, argument: "service", in: session)
            }
            guard (service?.count ?? 1) == 1 else {
                throw WorkbenchError.invalidArgument("service", "name one service; list several stations' services with 'station service list'")
            }
            let status = try arguments.string("status")
            let moment = LocalMoment(invocation.now, in: invocation.timeZone)
            let page = try Page(arguments)
            // The standard catalogue travels in the same round trip: services and extras are listed apart.
            let (rows, catalogue) = try await session.pipeline(
                (
                    StationStore.Queries.list,
                    [
                        page.afterKey, scope?.path, arguments.optionalString("kind").flatMap(StationKind.init(argument:)),
                        status == "all" ? nil : status, service?.first?.code, arguments.optionalBool("open_now"), Int64(moment.weekday.rawValue),
                        moment.timeText, page.fetchLimit,
                    ]
                ),
                (ServiceCatalogue.Queries.standard, [String?.none])
            )
            let standard = Set(try catalogue.map { try StationService(row: $0).name })
            return page.reply(
                columns: ["id", "code", "name", "kind", "host", "address", "lat", "lon", "hours", "capacity", "services", "extras", "status"],
                rows: try rows.map { row in
                    let station = try Station(row: row)
                    return (
                        station.id,
                        [
                            .int(station.id), .string(station.code), .string(station.name), .string(station.kind.chinese), .string(station.hostCode),
                            .string(station.address), .double(station.position.latitude), .double(station.position.longitude),
                            .string(station.hours), .int(station.capacity), .list(station.services.filter(standard.contains).map { .string($0) }),
                            .list(station.services.filter { !standard.contains($0) }.map { .string($0) }), .string(station.status.rawValue),
                        ]
                    )
                }
            )
        }
    }

    private var updateStationCommand: CommandSpec {
        CommandSpec(
            "update", synopsis: "Change a station's name, kind, address, place, host, hours or capacity",
            help:
                "Give only what changes. A new place needs both lat= and lon= (crs=gcj02 converts). Services change with 'station service "
                + "add|remove'.",
            arguments: [
                Self.stationArgument(),
                .optional("name", .string(maxLength: 100), help: "New name"),
                .optional("kind", Self.kindArgumentType, help: "New kind"),
                .optional("address", .string(maxLength: 200), help: "New address"),
            ] + Self.positionArguments(required: false, what: "the new place") + [
                OrganizationDirectory.unitArgument("host", required: false, help: "New host organisation"),
                .optional("hours", .string(maxLength: 300), help: "New opening hours (replace the old ones)"),
                .optional("capacity", .int(0...10_000), help: "New capacity"),
            ],
            mutates: true,
            examples: ["station update station=YZ01 hours=\"daily 07:00-22:00\"", "station update station=YZ02 lat=34.8615 lon=117.5630 crs=gcj02"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let changes = ["name", "kind", "address", "lat", "lon", "host", "hours", "capacity"].filter(arguments.wasGiven)
            guard !changes.isEmpty else {
                throw WorkbenchError.invalidArgument(
                    "station", code: StationsErrorCode.stationNothingToChange,
                    "name at least one of name=, kind=, address=, lat= and lon=, host=, hours=, capacity=")
            }
            let station = try await StationStore.find(try arguments.string("station"), forUpdate: true, in: session)
            let hours = try arguments.optionalString("hours").map(Self.openingHours)
            let position = try Self.position(arguments)
            let host = try await arguments.optionalString("host").asyncMap {
                try await OrganizationDirectory.activeUnit($0, argument: "host", in: session)
            }
            _ = try await session.execute(
                StationStore.Queries.update,
                [
                    station.id, arguments.optionalString("name"), arguments.optionalString("kind").flatMap(StationKind.init(argument:)),
                    arguments.optionalString("address"), position?.latitude, position?.longitude, host?.id, hours?.description,
                    arguments.optionalInt("capacity"), invocation.now,
                ]
            )
            if let hours { try await StationStore.storeIntervals(of: hours, station: station.id, in: session) }
            let updated = try await StationStore.find(String(station.id), in: session)
            let openNow = try Self.openingHours(updated.hours).isOpen(at: invocation.now, in: invocation.timeZone)
            return .record(updated.fields(openNow: openNow), summary: "\(station.label) updated: \(changes.joined(separator: ", "))")
        }
    }

    private var closeStationCommand: CommandSpec {
        CommandSpec(
            "close", synopsis: "Close a station: it leaves nearest answers, coverage and the map, and takes no visits",
            arguments: [
                Self.stationArgument(),
                .required("reason", .string(maxLength: 500), help: "Why it closed", label: "关闭原因"),
                .optional("on", .date, help: "The day it closed (default today, not in the future)"),
            ],
            mutates: true,
            examples: ["station close station=YZ03 reason=\"租约到期，迁往新址\""]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let day = arguments.optionalDate("on") ?? invocation.today
            guard day <= invocation.today else {
                throw WorkbenchError.invalidArgument(
                    "on", code: StationsErrorCode.stationFutureClosing, "\(day) is in the future; close the station on the day it closes")
            }
            let station = try await StationStore.find(try arguments.string("station"), forUpdate: true, in: session)
            guard station.status == .open else {
                throw WorkbenchError.conflict(
                    StationsErrorCode.stationAlreadyClosed,
                    "\(station.label) closed on \(station.closedOn.map(\.description) ?? "?"); reopen it with 'station reopen' first"
                )
            }
            _ = try await session.execute(StationStore.Queries.close, [station.id, day, try arguments.string("reason"), invocation.now])
            let updated = try await StationStore.find(String(station.id), in: session)
            return .record(updated.fields(openNow: false), summary: "\(station.label) closed on \(day)")
        }
    }

    private var reopenStationCommand: CommandSpec {
        CommandSpec(
            "reopen", synopsis: "Reopen a closed station",
            arguments: [Self.stationArgument()],
            mutates: true,
            examples: ["station reopen station=YZ03"]
        ) { invocation in
            let session = invocation.database
            let station = try await StationStore.find(try invocation.arguments.string("station"), forUpdate: true, in: session)
            guard station.status == .closed else {
                throw WorkbenchError.conflict(StationsErrorCode.stationAlreadyOpen, "\(station.label) is open; nothing to reopen")
            }
            _ = try await session.execute(StationStore.Queries.reopen, [station.id, invocation.now])
            let updated = try await StationStore.find(String(station.id), in: session)
            let openNow = try Self.openingHours(updated.hours).isOpen(at: invocation.now, in: invocation.timeZone)
            return .record(updated.fields(openNow: openNow), summary: "\(station.label) reopened")
        }
    }
}
