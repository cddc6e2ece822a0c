// swift-tools-version: 6.1
//
// Dangjian Workbench: the `dangjiand` daemon, its operator client and its modules.
// Layout and contracts: README.md ("Layout") and the design notes it links.

import PackageDescription

/// Swift settings shared by every target: Swift 6 language mode is the package default;
/// these add the upcoming features we rely on.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "dangjian-workbench",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dangjiand", targets: ["dangjiand"]),
        .executable(name: "dangjianctl", targets: ["dangjianctl"]),
        .executable(name: "dangjian-bench", targets: ["dangjian-bench"]),
        .library(name: "WorkbenchKit", targets: ["WorkbenchKit"]),
        .library(name: "WorkbenchPostgres", targets: ["WorkbenchPostgres"]),
        .plugin(name: "EmbedMigrations", targets: ["EmbedMigrations"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0", traits: ["YAML"]),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // MARK: PostgreSQL through libpq

        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(name: "CEventPoll"),
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(
            name: "WorkbenchFoundation",
            swiftSettings: strictSettings
        ),
        .target(
            name: "WorkbenchPostgres",
            dependencies: [
                "WorkbenchFoundation",
                "CLibPQ",
                "CEventPoll",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: The module contract

        .target(
            name: "WorkbenchKit",
            dependencies: [
                "WorkbenchPostgres",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: The core module (audit log, request ids, migrations, the working calendar)

        .target(
            name: "CoreModule",
            dependencies: [
                "WorkbenchKit", "WorkbenchPostgres",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Migrations"],
            swiftSettings: strictSettings,
            plugins: ["EmbedMigrations"]
        ),

        // MARK: The control socket

        .target(
            name: "WorkbenchControl",
            dependencies: [
                "CoreModule",
                "WorkbenchKit",
                "WorkbenchPostgres",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Domain modules

        .target(
            name: "OrganizationsModule",
            dependencies: [
                "WorkbenchKit", "WorkbenchPostgres",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Migrations"],
            swiftSettings: strictSettings,
            plugins: ["EmbedMigrations"]
        ),
        .target(
            name: "GridsModule",
            dependencies: [
                "OrganizationsModule", "WorkbenchKit", "WorkbenchPostgres",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            exclude: ["Migrations"],
            swiftSettings: strictSettings,
            plugins: ["EmbedMigrations"]
        ),
        .target(
            name: "PropertyModule",
            dependencies: [
                "OrganizationsModule", "GridsModule", "WorkbenchKit", "WorkbenchPostgres",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            exclude: ["Migrations"],
            swiftSettings: strictSettings,
            plugins: ["EmbedMigrations"]
        ),
        .target(
            name: "StationsModule",
            dependencies: ["OrganizationsModule", "GridsModule", "WorkbenchKit", "WorkbenchPostgres"],
            exclude: ["Migrations"],
            swiftSettings: strictSettings,
            plugins: ["EmbedMigrations"]
        ),
        .target(
            name: "ConsultationsModule",
            dependencies: ["OrganizationsModule", "GridsModule", "WorkbenchKit", "WorkbenchPostgres"],
            exclude: ["Migrations"],
            swiftSettings: strictSettings,
            plugins: ["EmbedMigrations"]
        ),
        .target(
            name: "GovernanceModule",
            dependencies: [
                "OrganizationsModule", "WorkbenchKit", "WorkbenchPostgres",
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            exclude: ["Migrations"],
            swiftSettings: strictSettings,
            plugins: ["EmbedMigrations"]
        ),
        // new-module: targets (swift package new-module adds a module's target above this line)

        // MARK: Boot

        .target(
            name: "WorkbenchDaemon",
            dependencies: [
                "WorkbenchControl",
                "WorkbenchKit",
                "WorkbenchPostgres",
                "OrganizationsModule",
                "GridsModule",
                "PropertyModule",
                "StationsModule",
                "ConsultationsModule",
                "GovernanceModule",
                // new-module: daemon dependencies (swift package new-module adds a module above this line)
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "dangjiand",
            dependencies: [
                "WorkbenchDaemon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "dangjianctl",
            dependencies: [
                "WorkbenchKit",
                "CXLSXWriter",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "dangjian-bench",
            dependencies: [
                "WorkbenchPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Build tooling

        .plugin(
            name: "EmbedMigrations",
            capability: .buildTool(),
            dependencies: ["EmbedMigrationsTool"]
        ),
        .executableTarget(
            name: "EmbedMigrationsTool",
            path: "Plugins/EmbedMigrationsTool"
        ),
        .plugin(
            name: "NewModule",
            capability: .command(
                intent: .custom(verb: "new-module", description: "Scaffold a workbench module target, its migration and its tests"),
                permissions: [.writeToPackageDirectory(reason: "Creates Sources/<Name>Module and Tests/<Name>ModuleTests")]
            )
        ),

        // MARK: Tests

        .target(
            name: "WorkbenchTestSupport",
            dependencies: [
                "WorkbenchPostgres",
                "WorkbenchKit",
                "WorkbenchControl",
                "CoreModule",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            path: "Tests/WorkbenchTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WorkbenchPostgresTests",
            dependencies: ["WorkbenchPostgres", "WorkbenchTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WorkbenchKitTests",
            dependencies: ["WorkbenchKit", "WorkbenchTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CoreModuleTests",
            dependencies: ["CoreModule", "WorkbenchPostgres", "WorkbenchTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WorkbenchControlTests",
            dependencies: [
                "WorkbenchControl", "CoreModule", "WorkbenchKit", "WorkbenchTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WorkbenchDaemonTests",
            dependencies: [
                "WorkbenchDaemon", "OrganizationsModule", "GridsModule", "PropertyModule", "StationsModule", "ConsultationsModule",
                "WorkbenchControl", "CoreModule", "WorkbenchKit", "WorkbenchPostgres", "WorkbenchTestSupport",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "OrganizationsModuleTests",
            dependencies: ["OrganizationsModule", "WorkbenchKit", "WorkbenchPostgres", "WorkbenchTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GridsModuleTests",
            dependencies: ["CoreModule", "GridsModule", "OrganizationsModule", "WorkbenchKit", "WorkbenchPostgres", "WorkbenchTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PropertyModuleTests",
            dependencies: ["PropertyModule", "GridsModule", "OrganizationsModule", "WorkbenchKit", "WorkbenchPostgres", "WorkbenchTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StationsModuleTests",
            dependencies: ["StationsModule", "GridsModule", "OrganizationsModule", "WorkbenchKit", "WorkbenchPostgres", "WorkbenchTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ConsultationsModuleTests",
            dependencies: ["ConsultationsModule", "GridsModule", "OrganizationsModule", "WorkbenchKit", "WorkbenchPostgres", "WorkbenchTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GovernanceModuleTests",
            dependencies: [
                "ConsultationsModule", "GovernanceModule", "GridsModule", "OrganizationsModule", "PropertyModule", "WorkbenchKit",
                "WorkbenchPostgres", "WorkbenchTestSupport",
            ],
            swiftSettings: strictSettings
        ),
        // new-module: test targets (swift package new-module adds a module's tests above this line)
        .testTarget(
            name: "dangjianctlTests",
            dependencies: ["dangjianctl"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "dangjian-benchTests",
            dependencies: [
                "dangjian-bench", "OrganizationsModule", "GridsModule", "WorkbenchControl", "CoreModule", "WorkbenchKit", "WorkbenchPostgres",
                "WorkbenchTestSupport",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["WorkbenchKit", "WorkbenchPostgres", "WorkbenchTestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
