import Foundation
import Glibc
import Testing
import WorkbenchTestSupport

/// The deployment under systemd (deploy/): the units checked by systemd's own tools, the
/// daemon started by socket activation, and deploy/install and deploy/uninstall run into a
/// scratch tree. No running systemd is needed, only the `systemd` package.
@Suite("Deployment under systemd", .serialized)
struct SystemdDeploymentTests {
    /// The repository (this file is Tests/EndToEndTests/…).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOfFile: repository + "/" + relativePath, encoding: .utf8)
    }

    /// `Key=value` settings of a unit file (comments skipped; repeated keys keep every value).
    static func settings(_ unit: String) -> [String: [String]] {
        var settings: [String: [String]] = [:]
        for line in unit.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("[") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            settings[String(line[..<equals]), default: []].append(String(line[line.index(after: equals)...]))
        }
        return settings
    }

    /// The units copied to a temporary directory with ExecStart naming the dangjiand just
    /// built (`systemd-analyze verify` checks that the program exists).
    static func stagedUnits(execStart: String = DaemonUnderTest.binDirectory + "/dangjiand") throws -> String {
        let directory = try TestCluster.makeTemporaryDirectory("dangjian-units")
        let service = try text("deploy/systemd/dangjiand.service")
        let staged = service.replacingOccurrences(of: "ExecStart=/usr/local/bin/dangjiand ", with: "ExecStart=\(execStart) ")
        guard staged != service else { throw TestFailure("dangjiand.service has no ExecStart=/usr/local/bin/dangjiand line") }
        try staged.write(toFile: directory + "/dangjiand.service", atomically: true, encoding: .utf8)
        try text("deploy/systemd/dangjiand.socket").write(toFile: directory + "/dangjiand.socket", atomically: true, encoding: .utf8)
        return directory
    }

    static func run(_ tool: String, _ arguments: [String]) async throws -> (status: Int32, output: String, error: String) {
        try await DaemonUnderTest.runTool(try DaemonUnderTest.tool(tool), arguments)
    }

    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
    }

    // MARK: The units

    @Test func theUnitsPassSystemdAnalyzeVerify() async throws {
        let directory = try Self.stagedUnits()
        let verified = try await Self.run(
            "systemd-analyze", ["verify", "--man=no", directory + "/dangjiand.service", directory + "/dangjiand.socket"])
        #expect(verified.status == 0, "systemd-analyze verify failed: \(verified.error)")
        // Warnings (an unknown key, a value that does not parse) go to stderr with status 0.
        #expect(verified.error.isEmpty && verified.output.isEmpty, "systemd-analyze verify complained:\n\(verified.error)\(verified.output)")

        // The check is real: a unit whose program is missing is refused.
        let broken = try Self.stagedUnits(execStart: directory + "/no-such-dangjiand")
        let refused = try await Self.run("systemd-analyze", ["verify", "--man=no", broken + "/dangjiand.service"])
        #expect(refused.status != 0)
        #expect(refused.error.contains("no-such-dangjiand"))
    }

    @Test func theSecurityExposureIsAtMostTwo() async throws {
        let directory = try Self.stagedUnits()
        // --threshold is on systemd's 0-100 scale: exit status 1 above 2.0.
        let result = try await Self.run(
            "systemd-analyze", ["security", "--offline=true", "--threshold=20", "--no-pager", directory + "/dangjiand.service"]
        )
        let overall = result.output.split(separator: "\n").first { $0.contains("Overall exposure level for dangjiand.service") }
        print("systemd-analyze security: \(overall.map(String.init) ?? "no overall line")")
        let score = overall.flatMap { line in
            line.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) }
        }
        #expect(result.status == 0, "exposure above 2.0 or the analysis failed: \(result.error)\n\(result.output)")
        let exposure = try #require(score, "no exposure score in:\n\(result.output)")
        #expect(exposure <= 2.0)
        // The settings that carry the score are really there.
        #expect(result.output.contains("✓ PrivateNetwork="))
        #expect(result.output.contains("✓ MemoryDenyWriteExecute="))
        #expect(result.output.contains("✓ ProtectSystem="))
        #expect(result.output.contains("✓ RestrictAddressFamilies=~AF_NETLINK"))
        #expect(result.output.contains("✓ CapabilityBoundingSet=~CAP_SYS_ADMIN"))
    }

    @Test func theUnitsSysusersTmpfilesAndConfigurationAgree() async throws {
        let service = Self.settings(try Self.text("deploy/systemd/dangjiand.service"))
        let socket = Self.settings(try Self.text("deploy/systemd/dangjiand.socket"))
        #expect(service["Type"] == ["notify"])
        #expect(service["NotifyAccess"] == ["main"])
        #expect(service["WatchdogSec"] == ["30s"])
        #expect(service["Restart"] == ["on-failure"])
        #expect(service["User"] == ["dangjian"] && service["Group"] == ["dangjian"])
        #expect(service["StateDirectory"] == ["dangjian"])
        #expect(service["ConfigurationDirectory"] == ["dangjian"])
        #expect(service["LoadCredential"] == ["pgpass:/etc/dangjian/pgpass"])
        #expect(service["UMask"] == ["0027"])
        #expect(service["CapabilityBoundingSet"] == [""])
        // AF_INET only for Foundation's loopback wake-up sockets: no network, loopback only.
        #expect(service["RestrictAddressFamilies"] == ["AF_UNIX AF_INET"])
        #expect(service["PrivateNetwork"] == ["yes"])
        #expect(service["IPAddressDeny"] == ["any"] && service["IPAddressAllow"] == ["localhost"])
        #expect(service["SystemCallFilter"]?.first == "@system-service")
        #expect(socket["ListenStream"] == ["/run/dangjian/control.sock"])
        #expect(socket["SocketMode"] == ["0660"])
        #expect(socket["SocketGroup"] == ["dangjian-ctl"])
        #expect(socket["FileDescriptorName"] == ["control"])

        // The shipped configuration, as the daemon itself reads it, names the same paths
        // and maps the sysusers groups to roles.
        let configPath = try #require(service["ExecStart"]?.first?.split(separator: " ").last.map(String.init))
        #expect(configPath == "/etc/\(service["ConfigurationDirectory"]![0])/dangjian.yaml")
        let check = try await DaemonUnderTest.runTool(
            DaemonUnderTest.binDirectory + "/dangjiand", ["--config", Self.repository + "/config/dangjian.yaml", "--check-config"],
            environment: ["PATH": "/usr/bin:/bin"]
        )
        #expect(check.status == 0, "\(check.error)")
        var effective: [String: String] = [:]
        for line in check.output.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { effective[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        #expect(effective["control.socket"] == socket["ListenStream"]?.first)
        #expect(effective["control.socket_mode"] == socket["SocketMode"]?.first)
        #expect(effective["control.socket_group"] == socket["SocketGroup"]?.first)
        #expect(effective["daemon.state_dir"] == "/var/lib/\(service["StateDirectory"]![0])")
        #expect(effective["database.url"] == "(embedded cluster)")
        #expect(effective["access.operator"] == "users:  groups: dangjian-ctl")
        #expect(effective["access.admin"] == "users: root groups: dangjian-admin")

        // sysusers.d and tmpfiles.d, applied to a scratch root by systemd's own tools.
        let root = try TestCluster.makeTemporaryDirectory("dangjian-sysroot")
        try FileManager.default.createDirectory(atPath: root + "/etc/dangjian", withIntermediateDirectories: true)
        try Self.text("config/dangjian.yaml").write(toFile: root + "/etc/dangjian/dangjian.yaml", atomically: true, encoding: .utf8)
        let sysusers = try await Self.run("systemd-sysusers", ["--root=\(root)", Self.repository + "/deploy/sysusers.d/dangjian.conf"])
        #expect(sysusers.status == 0, "\(sysusers.error)")
        let tmpfiles = try await Self.run("systemd-tmpfiles", ["--root=\(root)", "--create", Self.repository + "/deploy/tmpfiles.d/dangjian.conf"])
        #expect(tmpfiles.status == 0, "\(tmpfiles.error)")
        let passwd = try String(contentsOfFile: root + "/etc/passwd", encoding: .utf8)
        let group = try String(contentsOfFile: root + "/etc/group", encoding: .utf8)
        let user = try #require(passwd.split(separator: "\n").first { $0.hasPrefix("dangjian:") }).split(separator: ":")
        #expect(user[5] == "/var/lib/dangjian")
        func gid(_ name: String) -> gid_t? {
            group.split(separator: "\n").first { $0.hasPrefix(name + ":") }.flatMap { gid_t($0.split(separator: ":")[2]) }
        }
        #expect(gid("dangjian-ctl") != nil && gid("dangjian-admin") != nil)
        func owner(_ path: String) -> (uid_t, gid_t, mode_t)? {
            var info = stat()
            return stat(root + path, &info) == 0 ? (info.st_uid, info.st_gid, info.st_mode & 0o7777) : nil
        }
        let uid = uid_t(user[2])!
        #expect(owner("/run/dangjian").map { $0.0 == uid && $0.2 == 0o755 } == true, "the daemon may bind its socket in /run/dangjian")
        #expect(owner("/var/lib/dangjian").map { $0.0 == uid && $0.2 == 0o700 } == true)
        #expect(owner("/etc/dangjian").map { $0.0 == 0 && $0.1 == gid("dangjian") && $0.2 == 0o750 } == true)
        #expect(owner("/etc/dangjian/dangjian.yaml").map { $0.0 == 0 && $0.1 == gid("dangjian") && $0.2 == 0o640 } == true)
    }

    // MARK: Socket activation and sd_notify

    @Test func socketActivationServesOnThePassedSocketAndNotifiesSystemd() async throws {
        // WATCHDOG_USEC makes the daemon ping every second.
        let daemon = try await DaemonUnderTest.start(
            settings: ["WATCHDOG_USEC": "2000000"], notify: true, activatedSocket: "activated.sock", waitUntilReady: false
        )
        // systemd-socket-activate listens first and starts the daemon on the first
        // connection, which waits in the backlog until the daemon serves it.
        var connected: SocketClient?
        let deadline = ContinuousClock.now + .seconds(20)
        while connected == nil, ContinuousClock.now < deadline {
            connected = try? SocketClient(path: daemon.socketPath)
            if connected == nil { try await Task.sleep(for: .milliseconds(20)) }
        }
        let client = try #require(connected, "systemd-socket-activate did not listen on \(daemon.socketPath):\n\(daemon.log)")
        // The first reply waits for the whole start (connecting, every module's migrations):
        // as long as any daemon is given to start (DaemonUnderTest.startTimeout), since the
        // full suite loads both cores with throwaway databases meanwhile.
        let replies = try client.exchange("ping\nmigrations\nwhoami\n", replies: 3, timeout: DaemonUnderTest.startTimeout)
        #expect(replies[0] == ["200 pong"], "\(daemon.log)")
        #expect(replies[1].contains { $0.hasPrefix("200-workbench\t1\taudit_log_and_idempotency\tapplied\t") })
        #expect(replies[2].contains("200-role: admin"))
        #expect(daemon.log.contains("Execing "), "started by systemd-socket-activate")
        #expect(daemon.log.contains("control.listener=\"systemd socket (fd 3)\""))
        #expect(daemon.log.contains("Applied migration"), "a fresh database: migrations ran in this start")
        // The passed socket is used, not control.socket from the configuration.
        #expect(!FileManager.default.fileExists(atPath: daemon.directory + "/run/control.sock"))

        // Another client on the same socket: dangjianctl.
        let ctl = try await DaemonUnderTest.runTool(DaemonUnderTest.binDirectory + "/dangjianctl", ["--socket", daemon.socketPath, "ping"])
        #expect(ctl.status == 0 && ctl.output.contains("pong"), "\(ctl.error)")

        // READY=1 only after migrations, then watchdog pings.
        var messages: [String] = []
        let watchdogDeadline = ContinuousClock.now + .seconds(10)
        while messages.filter({ $0 == "WATCHDOG=1" }).count < 2, ContinuousClock.now < watchdogDeadline {
            messages += daemon.notifications?.drain() ?? []
            try await Task.sleep(for: .milliseconds(50))
        }
        let migrating = messages.firstIndex { $0.contains("STATUS=applying migrations") }
        let ready = messages.firstIndex { $0.hasPrefix("READY=1\nSTATUS=serving") }
        #expect(migrating != nil && ready != nil && migrating! < ready!, "messages: \(messages)")
        #expect(messages.filter { $0 == "WATCHDOG=1" }.count >= 2, "messages: \(messages)")

        #expect(try await daemon.terminate() == 0)
        messages += daemon.notifications?.drain() ?? []
        #expect(messages.last == "STOPPING=1\nSTATUS=stopping", "messages: \(messages)")
        // The socket belongs to whoever passed it: the daemon leaves the file alone.
        #expect(FileManager.default.fileExists(atPath: daemon.socketPath))
    }

    @Test func aNotifySocketNobodyReadsNeverKeepsTheDaemonFromStopping() async throws {
        // A watchdog ping every 2 ms fills the listener's queue (it is never read) within
        // the wait; a blocking sd_notify would then hang the watchdog task and shutdown.
        let daemon = try await DaemonUnderTest.start(settings: ["WATCHDOG_USEC": "4000"], notify: true)
        try await Task.sleep(for: .seconds(2))
        let client = try SocketClient(path: daemon.socketPath)
        #expect(try client.exchange("ping\n", replies: 1)[0] == ["200 pong"])
        #expect(try await daemon.terminate(timeout: .seconds(20)) == 0)
        let queued = daemon.notifications?.drain() ?? []
        // The queue really filled up (net.unix.max_dgram_qlen is 10 by default).
        #expect(queued.count >= 10 && queued.contains("WATCHDOG=1"), "\(queued.count) messages: \(queued)")
    }

    // MARK: deploy/install and deploy/uninstall

    static let installedFiles = [
        "/usr/local/bin/dangjiand", "/usr/local/bin/dangjianctl",
        "/usr/local/lib/systemd/system/dangjiand.service", "/usr/local/lib/systemd/system/dangjiand.socket",
        "/usr/local/lib/sysusers.d/dangjian.conf", "/usr/local/lib/tmpfiles.d/dangjian.conf",
        "/usr/local/share/doc/dangjian/operations.md", "/usr/local/share/doc/dangjian/demo.md", "/etc/dangjian/dangjian.yaml",
        "/usr/local/share/dangjian/demo/shizhong/demo.script", "/usr/local/share/dangjian/demo/shizhong/members.csv",
    ]

    static func script(_ name: String, _ arguments: [String]) async throws -> (status: Int32, output: String, error: String) {
        try await DaemonUnderTest.runTool("/bin/bash", [repository + "/deploy/" + name] + arguments)
    }

    @Test func installDryRunShowsACompleteInstallationAndChangesNothing() async throws {
        let root = try TestCluster.makeTemporaryDirectory("dangjian-install")
        let result = try await Self.script("install", ["--dry-run", "--prefix", root])
        #expect(result.status == 0, "\(result.error)")
        let output = result.output
        #expect(output.contains("would run: swift build --package-path \(Self.repository) -c release --static-swift-stdlib --product dangjiand"))
        #expect(output.contains("--product dangjianctl"))
        for file in Self.installedFiles {
            #expect(output.contains(root + file), "the dry run does not show \(file):\n\(output)")
        }
        #expect(output.contains("install -D -m 0755 \(Self.repository)/.build/release/dangjiand \(root)/usr/local/bin/dangjiand"))
        #expect(output.contains("install -D -m 0640 \(Self.repository)/config/dangjian.yaml \(root)/etc/dangjian/dangjian.yaml"))
        #expect(output.contains("systemd-sysusers /usr/local/lib/sysusers.d/dangjian.conf"))
        #expect(output.contains("systemd-tmpfiles --create /usr/local/lib/tmpfiles.d/dangjian.conf"))
        #expect(output.contains("systemctl daemon-reload"))
        #expect(output.contains("systemctl enable --now dangjiand.socket dangjiand.service"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty, "a dry run changes nothing")
    }

    @Test func installPutsEverythingInPlaceAndNeverOverwritesAnEditedConfiguration() async throws {
        let root = try TestCluster.makeTemporaryDirectory("dangjian-install")
        let first = try await Self.script("install", ["--prefix", root, "--bin-dir", DaemonUnderTest.binDirectory])
        #expect(first.status == 0, "\(first.error)\n\(first.output)")
        #expect(first.output.contains("dangjiand --check-config: /etc/dangjian/dangjian.yaml is OK"), "\(first.output)")
        for file in Self.installedFiles {
            #expect(FileManager.default.fileExists(atPath: root + file), "\(file) was not installed")
        }
        #expect(Self.mode(root + "/usr/local/bin/dangjiand") == 0o755)
        #expect(Self.mode(root + "/usr/local/lib/systemd/system/dangjiand.service") == 0o644)
        #expect(Self.mode(root + "/etc/dangjian/dangjian.yaml") == 0o640)
        #expect(
            FileManager.default.contentsEqual(
                atPath: root + "/usr/local/lib/systemd/system/dangjiand.service", andPath: Self.repository + "/deploy/systemd/dangjiand.service")
        )
        #expect(FileManager.default.contentsEqual(atPath: root + "/etc/dangjian/dangjian.yaml", andPath: Self.repository + "/config/dangjian.yaml"))
        let version = try await DaemonUnderTest.runTool(root + "/usr/local/bin/dangjiand", ["--version"])
        #expect(version.status == 0 && !version.output.isEmpty)

        // An unedited configuration may be replaced; an edited one is kept, with the new
        // default next to it.
        let again = try await Self.script("install", ["--prefix", root, "--bin-dir", DaemonUnderTest.binDirectory])
        #expect(again.status == 0 && again.output.contains("/etc/dangjian/dangjian.yaml is up to date"), "\(again.output)")
        let edited = try Self.text("config/dangjian.yaml") + "\n# local edit\n"
        try edited.write(toFile: root + "/etc/dangjian/dangjian.yaml", atomically: true, encoding: .utf8)
        let upgrade = try await Self.script("install", ["--prefix", root, "--bin-dir", DaemonUnderTest.binDirectory])
        #expect(upgrade.status == 0, "\(upgrade.error)")
        #expect(upgrade.output.contains("has local edits: keeping it"))
        #expect(try String(contentsOfFile: root + "/etc/dangjian/dangjian.yaml", encoding: .utf8) == edited)
        #expect(
            FileManager.default.contentsEqual(atPath: root + "/etc/dangjian/dangjian.yaml.new", andPath: Self.repository + "/config/dangjian.yaml"))

        // A broken edit is reported by the new daemon's --check-config.
        try "daemon:\n  time_zone: Mars/Olympus\n".write(toFile: root + "/etc/dangjian/dangjian.yaml", atomically: true, encoding: .utf8)
        let broken = try await Self.script("install", ["--prefix", root, "--bin-dir", DaemonUnderTest.binDirectory])
        #expect(broken.status == 0)
        #expect(broken.output.contains("WARNING: dangjiand --check-config refuses /etc/dangjian/dangjian.yaml"))
        #expect(broken.output.contains("daemon.time_zone"))
    }

    @Test func uninstallRemovesWhatInstallPutThereAndLeavesTheData() async throws {
        let root = try TestCluster.makeTemporaryDirectory("dangjian-install")
        #expect(try await Self.script("install", ["--prefix", root, "--bin-dir", DaemonUnderTest.binDirectory]).status == 0)
        // Data: an embedded cluster, a password file, an edited configuration.
        try FileManager.default.createDirectory(atPath: root + "/var/lib/dangjian/postgres/data", withIntermediateDirectories: true)
        try "15\n".write(toFile: root + "/var/lib/dangjian/postgres/data/PG_VERSION", atomically: true, encoding: .utf8)
        try "*:*:*:dangjian:secret\n".write(toFile: root + "/etc/dangjian/pgpass", atomically: true, encoding: .utf8)
        let edited = try Self.text("config/dangjian.yaml") + "\n# local edit\n"
        try edited.write(toFile: root + "/etc/dangjian/dangjian.yaml", atomically: true, encoding: .utf8)

        let dryRun = try await Self.script("uninstall", ["--prefix", root, "--dry-run"])
        #expect(dryRun.status == 0 && dryRun.output.contains("would run: rm -f \(root)/usr/local/bin/dangjiand"), "\(dryRun.output)")
        #expect(FileManager.default.fileExists(atPath: root + "/usr/local/bin/dangjiand"))

        let result = try await Self.script("uninstall", ["--prefix", root])
        #expect(result.status == 0, "\(result.error)")
        for file in Self.installedFiles where file != "/etc/dangjian/dangjian.yaml" {
            #expect(!FileManager.default.fileExists(atPath: root + file), "\(file) was left behind")
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/usr/local/share/dangjian"))
        #expect(!FileManager.default.fileExists(atPath: root + "/usr/local/share/doc/dangjian"))
        #expect(try String(contentsOfFile: root + "/etc/dangjian/dangjian.yaml", encoding: .utf8) == edited)
        #expect(FileManager.default.fileExists(atPath: root + "/etc/dangjian/pgpass"))
        #expect(FileManager.default.fileExists(atPath: root + "/var/lib/dangjian/postgres/data/PG_VERSION"))

        // An unedited configuration goes with the program (the directory stays: pgpass is data).
        #expect(try await Self.script("install", ["--prefix", root, "--bin-dir", DaemonUnderTest.binDirectory]).status == 0)
        try Self.text("config/dangjian.yaml").write(toFile: root + "/etc/dangjian/dangjian.yaml", atomically: true, encoding: .utf8)
        let unedited = try await Self.script("uninstall", ["--prefix", root])
        #expect(unedited.status == 0 && unedited.output.contains("was never edited: removing it"), "\(unedited.output)")
        #expect(!FileManager.default.fileExists(atPath: root + "/etc/dangjian/dangjian.yaml"))
        #expect(!FileManager.default.fileExists(atPath: root + "/etc/dangjian/dangjian.yaml.new"))
        #expect(FileManager.default.fileExists(atPath: root + "/etc/dangjian/pgpass"))

        // --purge takes the data too.
        #expect(try await Self.script("install", ["--prefix", root, "--bin-dir", DaemonUnderTest.binDirectory]).status == 0)
        let purge = try await Self.script("uninstall", ["--prefix", root, "--purge"])
        #expect(purge.status == 0, "\(purge.error)")
        #expect(!FileManager.default.fileExists(atPath: root + "/var/lib/dangjian"))
        #expect(!FileManager.default.fileExists(atPath: root + "/etc/dangjian"))
        #expect(!FileManager.default.fileExists(atPath: root + "/usr/local/bin/dangjiand"))
    }
}
