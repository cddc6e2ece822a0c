import GridsModule
public import WorkbenchKit
public import WorkbenchPostgres

/// Stations for the new employment groups 新就业群体驿站: "红色驿站" and "红·暖之家" where
/// couriers and delivery riders rest, eat, drink, charge and warm up (as in Zaozhuang and Fuding).
///
/// - **Stations** (`station add|show|list|update|close|reopen`): a code, name, kind
///   (``StationKind``), address, WGS-84 place (`crs=gcj02` converts the coordinates Chinese
///   web maps give, ``GCJ02``), host Party organisation, ``OpeningHours`` per weekday and
///   capacity.
/// - **Services "10+X"** (`station service add|remove|list`): the ten standard services (暖餐
///   hot meals, 饮水 drinking water, 休憩 rest, 避暑清凉 cooling, 取暖 warming, 阅读 reading, 充电
///   charging, 充气 tyre inflation, 如厕 toilet, 应急药箱 first-aid kit) and each station's extras.
/// - **Visits** (`station visit log`, `station visits [by=…]`): the platform, time and services
///   used, with an optional pseudonymous worker id and no personal data; usage statistics
///   per station, service, platform, hour, weekday and week.
/// - **Nearest** (`station nearest`): open stations by distance through a GiST index
///   (`cube` + `earthdistance`), with minutes on foot and by e-bike (``TravelSpeeds``), a
///   service filter and "open now".
/// - **Coverage** (`station coverage`): the share of the scope's grids — or of a generated
///   hexagon lattice (``HexLattice``) — within the 15-minute or 500-metre circle
///   (``ServiceCircle``) of an open station, with the gaps worst first (``CoverageAnalysis``).
/// - **Map** (`station map`): the same study as a standalone SVG (``StationMap``).
///
/// Stations are named by id or code. Configuration: ``StationsSettings``.
public struct StationsModule: WorkbenchModule {
    /// `stations`, also the PostgreSQL schema.
    public static let id = "stations"
    /// `station`.
    public static let alias = "station"
    /// 新就业群体驿站.
    public static let title = "新就业群体驿站"
    /// One line for `modules`.
    public static let summary = "Stations for couriers and riders: services, visits, nearest station, 15-minute coverage and the SVG map"
    /// Stations are hosted by units of the organisation tree.
    public static let requires = ["organizations"]
    /// Coverage is measured over grids when the grids module is loaded.
    public static let optionalRequires = ["grids"]
    /// The module's migrations, embedded from `Migrations/`.
    public static var migrations: [Migration] { EmbeddedMigrations.all }
    /// Every error code the module answers with.
    public static var errorCodes: [String] { StationsErrorCode.all }

    /// The configuration in force.
    public let settings: StationsSettings
    /// Whether coverage can use grids (the grids module is loaded).
    public let gridsLoaded: Bool

    /// Reads the configuration.
    ///
    /// - Throws: ``ModuleSettingsError`` for a value it cannot use.
    public init(context: ModuleContext) async throws {
        settings = try StationsSettings(config: context.config)
        gridsLoaded = context.module(GridsModule.self) != nil
    }

    /// Every command, grouped by area.
    public var commands: [CommandSpec] {
        stationCommands + serviceCommands + visitCommands + [nearestCommand, coverageCommand, mapCommand]
    }

    /// Friendly replies for the constraints an operator can run into.
    public var constraintErrors: [String: WorkbenchError] {
        [
            "stations_code_key": .conflict(
                StationsErrorCode.stationDuplicateCode, argument: "code",
                "a station with this code exists; choose another code or see 'station show station=<code>'"),
            "stations_code_upper_key": .conflict(
                StationsErrorCode.stationDuplicateCode, argument: "code",
                "a station with this code exists (codes ignore case); choose another code or see 'station show station=<code>'"
            ),
            "services_name_key": .conflict(StationsErrorCode.serviceDuplicate, "a service with this name was added at the same moment; try again"),
        ]
    }
}
