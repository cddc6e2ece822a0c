import WorkbenchKit
import WorkbenchPostgres

/// Finds services by the codes and names operators write, and records new extras.
enum ServiceCatalogue {
    enum Queries {
        /// `$1` words: services whose code or name is one of them.
        static let find = PostgresStatement(
            "stations.service.find", "SELECT code, name, standard FROM stations.services WHERE code = ANY($1::text[]) OR name = ANY($1::text[])"
        )
        /// The standard services for audience `$1` (null: both).
        static let standard = PostgresStatement(
            "stations.service.standard",
            """
            SELECT code, name, standard FROM stations.services
            WHERE standard AND ($1::text IS NULL OR audience = $1) ORDER BY audience DESC, position
            """
        )
        /// `$1` names of extras for audience `$2`; existing ones are kept.
        static let insertExtras = PostgresStatement(
            "stations.service.insert_extras",
            """
            INSERT INTO stations.services (code, name, standard, audience) SELECT n, n, false, $2 FROM unnest($1::text[]) AS n
            ON CONFLICT DO NOTHING
            """
        )
        /// `$1` code, `$2` name, `$3` audience: a standard service added to the catalogue, last
        /// in its audience's order.
        static let define = PostgresStatement(
            "stations.service.define",
            """
            INSERT INTO stations.services (code, name, standard, audience, position)
            VALUES ($1, $2, true, $3, (SELECT coalesce(max(position), 0) + 1 FROM stations.services WHERE audience = $3))
            """
        )
        /// `$1` station id: its services, standard ones first.
        static let ofStation = PostgresStatement(
            "stations.service.of_station",
            """
            SELECT v.code, v.name, v.standard, x.added_at FROM stations.station_services x JOIN stations.services v ON v.code = x.service
            WHERE x.station_id = $1 ORDER BY v.standard DESC, v.position, v.name
            """
        )
        /// The catalogue with how many open stations offer each service.
        static let catalogue = PostgresStatement(
            "stations.service.catalogue",
            """
            SELECT v.code, v.name, v.standard, v.audience,
                   (SELECT count(*) FROM stations.station_services x JOIN stations.stations s ON s.id = x.station_id
                    WHERE x.service = v.code AND s.status = 'open') AS stations
            FROM stations.services v ORDER BY v.audience DESC, v.standard DESC, v.position, v.name
            """
        )
        /// `$1` station, `$2` codes, `$3` now: adds the services not offered yet.
        static let offer = PostgresStatement(
            "stations.service.offer",
            """
            INSERT INTO stations.station_services (station_id, service, added_at) SELECT $1, c, $3 FROM unnest($2::text[]) AS c
            ON CONFLICT DO NOTHING RETURNING service
            """
        )
        /// `$1` station, `$2` codes.
        static let withdraw = PostgresStatement(
            "stations.service.withdraw", "DELETE FROM stations.station_services WHERE station_id = $1 AND service = ANY($2::text[]) RETURNING service"
        )
    }

    /// The names of the services station `s` offers, standard ones first, as an SQL array
    /// expression (a column of the station statements).
    static let namesOfStation = """
        ARRAY(SELECT v.name FROM stations.station_services x JOIN stations.services v ON v.code = x.service
              WHERE x.station_id = s.id ORDER BY v.standard DESC, v.position, v.name)
        """

    /// The words of a list argument: `充电,饮水`, `充电，饮水` or `充电、饮水`.
    static func words(_ text: String) -> [String] {
        ListText.items(text)
    }

    /// The services named in `text` (codes or names of standard services or known extras;
    /// `all` is the ten standard ones), or a 400 naming `argument`, the unknown word and the
    /// standard services.
    static func resolve(
        _ text: String, argument: String, audience: ServiceAudience = .workers, in session: PostgresSession
    ) async throws -> [StationService] {
        let words = words(text)
        guard !words.isEmpty else {
            throw WorkbenchError.invalidArgument(
                argument, code: StationsErrorCode.serviceNoneNamed, "name at least one service, e.g. \(argument)=充电,饮水")
        }
        if words == ["all"] { return try await session.query(Queries.standard, [audience]).map(StationService.init(row:)) }
        let found = try await session.query(Queries.find, [words]).map(StationService.init(row:))
        var services: [StationService] = []
        for word in words {
            guard let service = found.first(where: { $0.code == word }) ?? found.first(where: { $0.name == word }) else {
                throw WorkbenchError.invalidArgument(
                    argument, code: StationsErrorCode.serviceUnknown,
                    "'\(word)' is not a known service; the standard services for \(audience.rawValue) are "
                        + "\(try await standardList(audience, in: session)) (or all), "
                        + "and a station's own service is added with extras=<name>"
                )
            }
            if !services.contains(service) { services.append(service) }
        }
        return services
    }

    /// The extras named in `text`, recorded in the catalogue when new; a name that is a
    /// known service (standard or extra) is that service.
    static func extras(
        _ text: String, argument: String, audience: ServiceAudience = .workers, in session: PostgresSession
    ) async throws -> [StationService] {
        let names = words(text)
        guard !names.isEmpty else {
            throw WorkbenchError.invalidArgument(argument, code: StationsErrorCode.serviceNoneNamed, "name at least one service, e.g. \(argument)=理发")
        }
        for name in names { try refuseBadName(name, argument: argument) }
        let known = try await session.query(Queries.find, [names]).map(StationService.init(row:))
        let new = names.filter { name in !known.contains { $0.code == name || $0.name == name } }
        if !new.isEmpty { _ = try await session.execute(Queries.insertExtras, [new, audience]) }
        return try await resolve(names.joined(separator: ","), argument: argument, audience: audience, in: session)
    }

    /// A 400 naming `argument` unless `name` can name a service: 1 to 20 characters without
    /// blanks, `=` or `"` (it is written back into lists and commands).
    static func refuseBadName(_ name: String, argument: String) throws {
        guard (1...20).contains(ArgumentType.length(of: name)), !name.contains(where: { $0.isWhitespace || $0 == "=" || $0 == "\"" }) else {
            throw WorkbenchError.invalidArgument(
                argument, code: StationsErrorCode.serviceBadExtra, "'\(name)' is not a service name of 1 to 20 characters without blanks")
        }
    }

    /// The services a command names in `services=` (from the catalogue) and `extras=` (new
    /// extras recorded), in that order; none when neither argument was given.
    static func named(
        in arguments: Arguments, audience: ServiceAudience = .workers, in session: PostgresSession
    ) async throws -> [StationService] {
        let standard = try await arguments.optionalString("services").asyncMap {
            try await resolve($0, argument: "services", audience: audience, in: session)
        }
        let extra = try await arguments.optionalString("extras").asyncMap {
            try await extras($0, argument: "extras", audience: audience, in: session)
        }
        return (standard ?? []) + (extra ?? [])
    }

    /// `hot_meal 暖餐, drinking_water 饮水, …`.
    static func standardList(_ audience: ServiceAudience, in session: PostgresSession) async throws -> String {
        try await session.query(Queries.standard, [audience]).map { try StationService(row: $0).label }.joined(separator: ", ")
    }
}
