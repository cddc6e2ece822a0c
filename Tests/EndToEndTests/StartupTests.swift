import Foundation
import Glibc
import Testing
import WorkbenchPostgres
import WorkbenchTestSupport

@Suite("Start-up, migrations and the embedded cluster", .serialized)
struct StartupTests {
    @Test func aChangedAppliedMigrationStopsStartUpNamingTheFile() async throws {
        let conninfo = try await TestCluster.makeDatabase()
        let first = try await DaemonUnderTest.start(conninfo: conninfo)
        #expect(try await first.terminate() == 0)
        let pool = PostgresPool(
            configuration: PostgresPoolConfiguration(connection: PostgresConnectionSettings(conninfo: conninfo), size: 1),
            logger: TestCluster.logger
        )
        try await pool.withConnection { session in
            try await session.executeScript("UPDATE workbench.schema_migrations SET checksum = repeat('0', 64) WHERE module = 'workbench'")
        }
        await pool.shutdown()
        let second = try await DaemonUnderTest.start(conninfo: conninfo, waitUntilReady: false)
        #expect(try await second.waitForExit() == 1)
        #expect(second.log.contains("migrations.checksum_mismatch"))
        #expect(second.log.contains("migration workbench 1 (Sources/CoreModule/Migrations/0001_audit_log_and_idempotency.sql)"))
    }

    @Test func aSuperuserDatabaseURLStopsStartUpSayingWhichRolesToCreate() async throws {
        let daemon = try await DaemonUnderTest.start(asOwner: true, waitUntilReady: false)
        #expect(try await daemon.waitForExit() == 1)
        #expect(daemon.log.contains("startup.database_role"), "\(daemon.log)")
        #expect(daemon.log.contains("is a superuser"))
        #expect(daemon.log.contains("member of dangjian_runtime"))
    }

    /// The README's "Database roles" statements, as an administrator of an external server
    /// runs them: a non-superuser owner applies every migration, the runtime login serves.
    @Test func anOrdinaryOwnerRoleMigratesAndTheRuntimeLoginServes() async throws {
        let cluster = try await TestCluster.shared()
        let suffix = UInt32.random(in: 0...UInt32.max)
        let owner = "owner_\(suffix)", database = "owned_\(suffix)"
        let admin = TestCluster.pool(cluster.conninfo, size: 1)
        try await admin.withConnection { session in
            _ = try await session.executeScript("CREATE ROLE \(owner) LOGIN")
            _ = try await session.executeScript("CREATE DATABASE \(database) OWNER \(owner) TEMPLATE template0")
        }
        await admin.shutdown()
        let superuser = cluster.conninfo.replacingOccurrences(of: "dbname='\(cluster.configuration.database)'", with: "dbname='\(database)'")
        let extensions = TestCluster.pool(superuser, size: 1)
        try await extensions.withConnection { _ = try await $0.executeScript("CREATE EXTENSION cube; CREATE EXTENSION earthdistance") }
        await extensions.shutdown()
        let daemon = try await DaemonUnderTest.start(
            settings: ["DANGJIAN_DATABASE_OWNER_URL": TestCluster.conninfo(superuser, user: owner)], conninfo: superuser
        )
        let client = try SocketClient(path: daemon.socketPath)
        let replies = try client.exchange("migrations\norg unit add code=SZ name=市中区委 kind=district\n", replies: 2)
        #expect(replies[0].last?.hasPrefix("200") == true)
        #expect(!replies[0].contains { $0.contains("\tpending\t") })
        #expect(replies[1].last?.hasPrefix("201") == true, "\(replies[1])")
        #expect(try await daemon.terminate() == 0)
    }

    @Test func pendingMigrationsWithoutAnOwnerURLStopStartUp() async throws {
        let conninfo = try await TestCluster.makeDatabase()
        let daemon = try await DaemonUnderTest.start(
            settings: ["DANGJIAN_DATABASE_URL": TestCluster.runtimeConninfo(conninfo), "DANGJIAN_DATABASE_OWNER_URL": ""],
            conninfo: conninfo, waitUntilReady: false
        )
        #expect(try await daemon.waitForExit() == 1)
        #expect(daemon.log.contains("startup.migrations_pending"), "\(daemon.log)")
        #expect(daemon.log.contains("database.owner_url is not set"))
    }

    @Test func aBadConfigurationStopsStartUpNamingTheKey() async throws {
        let daemon = try await DaemonUnderTest.start(settings: ["DANGJIAN_DAEMON_TIME_ZONE": "Mars/Olympus"], waitUntilReady: false)
        #expect(try await daemon.waitForExit() == 78)
        #expect(daemon.log.contains("daemon.time_zone"))
    }

    @Test func theEmbeddedClusterSurvivesSIGKILL() async throws {
        let daemon = try await DaemonUnderTest.start(embedded: true)
        let client = try SocketClient(path: daemon.socketPath)
        #expect(status(try client.exchange("migrations\n", replies: 1)[0]) == 200)
        let pidText = try String(contentsOfFile: daemon.directory + "/state/postgres/data/postmaster.pid", encoding: .utf8)
        let postmaster = try #require(Int32(pidText.split(separator: "\n")[0]))
        kill(postmaster, SIGKILL)
        // Backends of a killed postmaster may still answer for a moment, so the first replies can be 200;
        // what matters is that nothing but 200 or 503 is ever seen and that service returns on its own.
        var statuses: [Int] = []
        var restarted = false
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let reply = try client.exchange("migrations\nstatus\n", replies: 2)
            statuses.append(status(reply[0]))
            restarted = reply[1].contains("200-embedded_postgres_restarts: 1")
            if restarted && statuses.last == 200 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(restarted, "the supervisor restarted postgres once")
        #expect(statuses.last == 200, "service came back without restarting the daemon, got \(statuses)")
        #expect(Set(statuses).isSubset(of: [200, 503]), "only 200 or 503 while postgres restarts, got \(statuses)")
        #expect(try await daemon.terminate() == 0)
        let stillRunning = kill(postmaster, 0) == 0
        #expect(!stillRunning)
    }
}

@Suite("Reloading on SIGHUP")
struct ReloadTests {
    @Test func sighupReloadsRoles() async throws {
        let daemon = try await DaemonUnderTest.start(notify: true)
        let before = try SocketClient(path: daemon.socketPath)
        #expect(try before.exchange("whoami\n", replies: 1)[0].contains("200-role: admin"))
        // Take every role away, then reload.
        let path = daemon.directory + "/dangjian.yaml"
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        let stripped = yaml.components(separatedBy: "access:")[0]
        try stripped.write(toFile: path, atomically: true, encoding: .utf8)
        _ = daemon.notifications?.drain()
        kill(daemon.process.processIdentifier, SIGHUP)
        let deadline = ContinuousClock.now + .seconds(10)
        var messages: [String] = []
        while ContinuousClock.now < deadline, !messages.contains(where: { $0.contains("READY=1") }) {
            messages += daemon.notifications?.drain() ?? []
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(messages.first?.hasPrefix("RELOADING=1\nMONOTONIC_USEC=") == true)
        #expect(messages.contains { $0.contains("READY=1") })
        // Roles are mapped when a client connects: a new connection sees the new policy.
        let after = try SocketClient(path: daemon.socketPath)
        let reply = try after.exchange("whoami\nstatus\n", replies: 2)
        #expect(reply[0].contains("200-role: none"))
        #expect(status(reply[1]) == 403)
        #expect(try await daemon.terminate() == 0)
    }

    @Test func aSecondDaemonOnTheSameStateDirectoryExitsAtOnceAndTouchesNothing() async throws {
        let first = try await DaemonUnderTest.start(embedded: true)
        let pidFile = first.directory + "/state/postgres/data/postmaster.pid"
        let postmasterBefore = try String(contentsOfFile: pidFile, encoding: .utf8)
        // The same configuration, so the same state directory, but another control socket: the
        // second daemon must not get as far as the embedded cluster.
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("DANGJIAN_") && $0.key != "NOTIFY_SOCKET" }
        environment["DANGJIAN_CONTROL_SOCKET"] = first.directory + "/run/second.sock"
        let second = try await DaemonUnderTest.runTool(
            DaemonUnderTest.binDirectory + "/dangjiand", ["--config", first.directory + "/dangjian.yaml"], environment: environment
        )
        #expect(second.status == 1)
        let told = second.output + second.error
        #expect(told.contains("another dangjiand (pid \(first.process.processIdentifier)) is running on this state directory"), "\(told)")
        #expect(!FileManager.default.fileExists(atPath: first.directory + "/run/second.sock"))
        #expect(try String(contentsOfFile: pidFile, encoding: .utf8) == postmasterBefore, "the first daemon's postgres was left alone")
        let client = try SocketClient(path: first.socketPath)
        #expect(status(try client.exchange("status\n", replies: 1)[0]) == 200)
        #expect(try client.exchange("status\n", replies: 1)[0].contains("200-embedded_postgres_restarts: 0"))
        #expect(try await first.terminate() == 0)
    }
}
