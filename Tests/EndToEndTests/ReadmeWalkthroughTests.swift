import Foundation
import Testing

/// The walkthroughs (docs/walkthroughs.md), run line by line through the shell, the real
/// `dangjianctl` and the real daemon: what a new user types is what is tested.
@Suite("The walkthroughs")
struct ReadmeWalkthroughTests {
    static let readme: String = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/walkthroughs.md").path
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }()

    /// The `sh` block that follows `marker`, and the `sh` block after that one.
    static func blocks(after marker: String) -> [[String]] {
        guard let start = readme.range(of: marker) else { return [] }
        var blocks: [[String]] = []
        var current: [String]?
        for line in readme[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```sh") {
                current = []
            } else if line.hasPrefix("```"), let block = current {
                blocks.append(block)
                current = nil
                if blocks.count == 2 { break }
            } else if current != nil, line.hasPrefix("dangjianctl ") {
                current!.append(String(line))
            }
        }
        return blocks
    }

    func shell(_ line: String, socket: String) async throws -> (status: Int32, output: String, error: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = DaemonUnderTest.binDirectory + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["DANGJIAN_SOCKET"] = socket
        return try await DaemonUnderTest.runTool("/bin/sh", ["-c", line], environment: environment)
    }

    /// The JSON object `dangjianctl --json <command>` prints.
    func json(_ command: String, socket: String) async throws -> [String: Any] {
        let result = try await shell("dangjianctl --json " + command, socket: socket)
        #expect(result.status == 0, "\(command)\n\(result.error)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result.output)")
    }

    /// The rows of a table in a JSON reply: `tables.<section>.rows`, or `rows` of a table reply.
    func rows(_ object: [String: Any], _ section: String? = nil) -> [[String: Any]] {
        let table = section.flatMap { (object["tables"] as? [String: Any])?[$0] as? [String: Any] } ?? object
        return table["rows"] as? [[String: Any]] ?? []
    }

    @Test func aNewUserBuildsATreeAndReadsCorrectNumbers() async throws {
        let blocks = Self.blocks(after: "<!-- walkthrough: organizations")
        try #require(blocks.count == 2, "the walkthroughs keep the walkthrough and the errors block")
        let daemon = try await DaemonUnderTest.start()
        var outputs: [String: String] = [:]
        for line in blocks[0] {
            let result = try await shell(line, socket: daemon.socketPath)
            #expect(result.status == 0, "\(line)\n\(result.output)\(result.error)")
            outputs[line] = result.output
        }
        let tree = rows(try await json("org unit tree unit=QW01", socket: daemon.socketPath))
        func node(_ code: String) -> String? {
            tree.first { $0["code"] as? String == code }.map {
                "\($0["depth"]!) \($0["kind_name"]!) members=\($0["members"]!) children=\($0["children"]!)"
            }
        }
        #expect(node("QW01") == "0 区委 members=3 children=2", "\(tree)")
        #expect(node("SQ01") == "2 社区党委 members=2 children=1", "\(tree)")
        #expect(node("LZ01") == "4 楼栋党小组 members=1 children=0", "\(tree)")
        let rank = try #require(outputs.first { $0.key.contains("org points rank") }?.value)
        let names = rank.split(separator: "\n").dropFirst().compactMap {
            $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(2).first
        }
        #expect(names.prefix(2) == ["王芳", "李强"], "\(rank)")
        let coverage = try #require(outputs.first { $0.key.contains("org coverage") }?.value)
        let jd01 = try #require(coverage.split(separator: "\n").first { $0.hasPrefix("JD01") })
        #expect(
            jd01.split(separator: " ", omittingEmptySubsequences: true).map(String.init) == [
                "JD01", "新华路街道党工委", "1", "1", "100", "1", "100", "800", "60",
            ])

        // The mistakes block: each line fails with the status its comment names, and changes nothing.
        let before = try await shell("dangjianctl --raw org unit list status=all limit=1000", socket: daemon.socketPath).output
        for line in blocks[1] {
            let status = try #require(line.range(of: #"# ([0-9]{3}):"#, options: .regularExpression).map { line[$0].dropFirst(2).prefix(3) })
            let result = try await shell(line, socket: daemon.socketPath)
            #expect(result.status == 1, "\(line)\n\(result.error)")
            #expect(result.error.contains("\(status) "), "\(line) → \(result.error)")
        }
        #expect(try await shell("dangjianctl --raw org unit list status=all limit=1000", socket: daemon.socketPath).output == before)
        let members = try await shell("dangjianctl org member list", socket: daemon.socketPath).output
        #expect(members.contains("王芳") && !members.contains("赵六"), "\(members)")
        #expect(try await daemon.terminate() == 0)
    }

    @Test func aCaseIsFollowedFromReportToClose() async throws {
        let organizations = Self.blocks(after: "<!-- walkthrough: organizations")
        let grids = Self.blocks(after: "<!-- walkthrough: grids")
        try #require(organizations.count == 2 && grids.count == 2, "the walkthroughs keep both walkthroughs and their errors blocks")
        let daemon = try await DaemonUnderTest.start()
        var outputs: [String: String] = [:]
        for line in organizations[0] + grids[0] {
            let result = try await shell(line, socket: daemon.socketPath)
            #expect(result.status == 0, "\(line)\n\(result.output)\(result.error)")
            outputs[line] = result.output
        }
        let shown = try await json("grid case show case=1", socket: daemon.socketPath)
        let timeline = rows(shown, "timeline")
        #expect(
            timeline.map { $0["kind"] as? String } == ["reported", "accepted", "escalated", "resolved", "reopened", "resolved", "confirmed"],
            "\(shown)")
        #expect(timeline.contains { $0["from_level"] as? String == "complex" && $0["to_level"] as? String == "street" }, "\(shown)")
        #expect(timeline.contains { $0["from_status"] as? String == "resolved" && $0["to_status"] as? String == "in_progress" }, "\(shown)")
        #expect((shown["record"] as? [String: Any])?["status"] as? String == "closed", "\(shown)")
        let stats = try #require(outputs.first { $0.key.contains("grid stats") }?.value)
        for expected in ["cases", "closed", "escalations_to_street", "escalated_cases"] {
            #expect(stats.split(separator: "\n").contains { $0.hasPrefix(expected) && $0.hasSuffix(" 1") }, "\(expected): \(stats)")
        }
        #expect(stats.split(separator: "\n").contains { $0.hasPrefix("reopen_rate") && $0.hasSuffix(" 100") }, "\(stats)")

        let before = try await shell("dangjianctl --raw grid case show case=1", socket: daemon.socketPath).output
        for line in grids[1] {
            let status = try #require(line.range(of: #"# ([0-9]{3}):"#, options: .regularExpression).map { line[$0].dropFirst(2).prefix(3) })
            let result = try await shell(line, socket: daemon.socketPath)
            #expect(result.status == 1, "\(line)\n\(result.error)")
            #expect(result.error.contains("\(status) "), "\(line) → \(result.error)")
        }
        #expect(try await shell("dangjianctl --raw grid case show case=1", socket: daemon.socketPath).output == before)
        #expect(!(try await shell("dangjianctl grid list", socket: daemon.socketPath).output.contains("G0102")))
        #expect(try await daemon.terminate() == 0)
    }

    @Test func aCompanyIsRankedFromItsChecklistAndComplaints() async throws {
        let organizations = Self.blocks(after: "<!-- walkthrough: organizations")
        let grids = Self.blocks(after: "<!-- walkthrough: grids")
        let property = Self.blocks(after: "<!-- walkthrough: property")
        try #require(
            organizations.count == 2 && grids.count == 2 && property.count == 2, "the walkthroughs keep the walkthroughs and their errors blocks")
        let daemon = try await DaemonUnderTest.start()
        var outputs: [String: String] = [:]
        for line in organizations[0] + grids[0] + property[0] {
            let result = try await shell(line, socket: daemon.socketPath)
            #expect(result.status == 0, "\(line)\n\(result.output)\(result.error)")
            outputs[line] = result.output
        }
        let gaps = try #require(outputs.first { $0.key.contains("crossapp gaps") }?.value)
        #expect(gaps.contains("XQ02") && !gaps.contains("XQ01"), "\(gaps)")
        let shown = try await json("prop complaint show complaint=1", socket: daemon.socketPath)
        #expect(rows(shown, "timeline").map { $0["kind"] as? String } == ["filed", "acknowledged", "resolved", "closed"], "\(shown)")
        let published = try await shell("dangjianctl --raw prop ranking show quarter=2026Q3 scope=JD01", socket: daemon.socketPath).output
        let rows = published.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.contains { $0.count > 4 && $0[1] == "red" && $0[2] == "红心物业服务有限公司" && $0[4] == "95.8" }, "\(published)")
        #expect(rows.contains { $0.count > 9 && $0[1] == "black" && $0[4] == "33.5" && $0[9] == "N02" }, "\(published)")

        let companies = try await shell("dangjianctl --raw prop company list", socket: daemon.socketPath).output
        for line in property[1] {
            let status = try #require(line.range(of: #"# ([0-9]{3}):"#, options: .regularExpression).map { line[$0].dropFirst(2).prefix(3) })
            let result = try await shell(line, socket: daemon.socketPath)
            #expect(result.status == 1, "\(line)\n\(result.error)")
            #expect(result.error.contains("\(status) "), "\(line) → \(result.error)")
        }
        #expect(try await shell("dangjianctl --raw prop company list", socket: daemon.socketPath).output == companies)
        #expect(try await shell("dangjianctl --raw prop ranking show quarter=2026Q3 scope=JD01", socket: daemon.socketPath).output == published)
        #expect(
            (try await json("prop complaint show complaint=2", socket: daemon.socketPath)["record"] as? [String: Any])?["status"] as? String
                == "filed")
        #expect(try await daemon.terminate() == 0)
    }

    @Test func aRiderFindsAStationAndTheStreetSeesItsGaps() async throws {
        let organizations = Self.blocks(after: "<!-- walkthrough: organizations")
        let grids = Self.blocks(after: "<!-- walkthrough: grids")
        let stations = Self.blocks(after: "<!-- walkthrough: stations")
        try #require(
            organizations.count == 2 && grids.count == 2 && stations.count == 2, "the walkthroughs keep the walkthroughs and their errors blocks")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("walkthrough-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let daemon = try await DaemonUnderTest.start()
        var outputs: [String: String] = [:]
        for line in organizations[0] + grids[0] + stations[0] {
            // The map goes to a scratch directory, not wherever the tests run.
            let result = try await shell("cd \(directory) && " + line, socket: daemon.socketPath)
            #expect(result.status == 0, "\(line)\n\(result.output)\(result.error)")
            outputs[line] = result.output
        }
        let nearest = try #require(outputs.first { $0.key.contains("station nearest") }?.value)
        #expect(nearest.contains("YZ02") && !nearest.contains("YZ03"), "\(nearest)")
        let coverage = try #require(outputs.first { $0.key.contains("minutes=15") }?.value)
        #expect(coverage.contains("coverage 50.0 %: 1 of 2 grids within 15 min walk (1000 m)"), "\(coverage)")
        #expect(coverage.contains("G0102") && !coverage.contains("G0101"), "\(coverage)")
        let visits = try #require(outputs.first { $0.key.contains("by=platform") }?.value)
        #expect(visits.contains("3 visits by 1 identified workers at 2 stations"), "\(visits)")
        let map = try String(contentsOfFile: directory + "/map.svg", encoding: .utf8)
        #expect(map.hasPrefix("<?xml") && map.hasSuffix("</svg>\n"))
        #expect(map.contains("新华路街道党工委 新就业群体驿站空间分布图") && map.contains("15分钟步行服务圈（1000米）"))

        let before = try await shell("dangjianctl --raw station list status=all", socket: daemon.socketPath).output
        let visitsBefore = try await shell("dangjianctl --raw station visits", socket: daemon.socketPath).output
        for line in stations[1] {
            let status = try #require(line.range(of: #"# ([0-9]{3}):"#, options: .regularExpression).map { line[$0].dropFirst(2).prefix(3) })
            let result = try await shell(line, socket: daemon.socketPath)
            #expect(result.status == 1, "\(line)\n\(result.error)")
            #expect(result.error.contains("\(status) "), "\(line) → \(result.error)")
        }
        #expect(try await shell("dangjianctl --raw station list status=all", socket: daemon.socketPath).output == before)
        #expect(try await shell("dangjianctl --raw station visits", socket: daemon.socketPath).output == visitsBefore)
        #expect(try await daemon.terminate() == 0)
    }

    @Test func aResidentsTopicIsSettledAndAVolunteersHoursBecomePoints() async throws {
        let organizations = Self.blocks(after: "<!-- walkthrough: organizations")
        let grids = Self.blocks(after: "<!-- walkthrough: grids")
        let consultations = Self.blocks(after: "<!-- walkthrough: consultations")
        try #require(
            organizations.count == 2 && grids.count == 2 && consultations.count == 2, "the walkthroughs keep the walkthroughs and their errors blocks"
        )
        let daemon = try await DaemonUnderTest.start()
        var outputs: [String: String] = [:]
        for line in organizations[0] + grids[0] + consultations[0] {
            let result = try await shell(line, socket: daemon.socketPath)
            #expect(result.status == 0, "\(line)\n\(result.output)\(result.error)")
            outputs[line] = result.output
        }
        let settled = try #require(outputs.first { $0.key.contains("action done action=2") }?.value)
        #expect(settled.contains("topic 1 is settled (有落实)"), "\(settled)")
        let timeline = try #require(outputs.first { $0.key.contains("topic timeline") }?.value)
        for event in ["proposed", "accepted", "scheduled", "voted", "replied", "implementing", "action_added", "action_done", "settled"] {
            #expect(timeline.contains(event), "\(event) missing from:\n\(timeline)")
        }
        let rank = try await shell("dangjianctl --raw org points rank unit=QW01 category=志愿服务", socket: daemon.socketPath).output
        // 5 points from the organizations walkthrough's 'org points add' and 3 for 1.5 hours.
        #expect(rank.contains("200-1\t1\t王芳\tWG01\t8\t2"), "\(rank)")
        let stats = try #require(outputs.first { $0.key.contains("consult stats") }?.value)
        #expect(stats.contains("有落实 adopted topics settled") && stats.contains("1 of 1"), "\(stats)")

        let topics = try await shell("dangjianctl --raw consult topic list", socket: daemon.socketPath).output
        let sessions = try await shell("dangjianctl --raw consult session list", socket: daemon.socketPath).output
        let orders = try await shell("dangjianctl --raw consult order list", socket: daemon.socketPath).output
        for line in consultations[1] {
            let status = try #require(line.range(of: #"# ([0-9]{3}):"#, options: .regularExpression).map { line[$0].dropFirst(2).prefix(3) })
            let result = try await shell(line, socket: daemon.socketPath)
            #expect(result.status == 1, "\(line)\n\(result.error)")
            #expect(result.error.contains("\(status) "), "\(line) → \(result.error)")
            if line.contains("session close") {
                for missing in ["有记录 minutes", "有回声", "vote and resolution on topic 2", "convener 问题召集方"] {
                    #expect(result.error.contains(missing), "\(missing) not named: \(result.error)")
                }
                #expect(!result.error.contains("有场所") && !result.error.contains("有标识"), "\(result.error)")
            }
        }
        #expect(try await shell("dangjianctl --raw consult topic list", socket: daemon.socketPath).output == topics)
        #expect(try await shell("dangjianctl --raw consult session list", socket: daemon.socketPath).output == sessions)
        #expect(try await shell("dangjianctl --raw consult order list", socket: daemon.socketPath).output == orders)
        #expect(try await daemon.terminate() == 0)
    }

    @Test func aStreetMeetsItsPartTimeMembersAndAYearIsAssessedPublishedAndFrozen() async throws {
        let organizations = Self.blocks(after: "<!-- walkthrough: organizations")
        let grids = Self.blocks(after: "<!-- walkthrough: grids")
        let stations = Self.blocks(after: "<!-- walkthrough: stations")
        let governance = Self.blocks(after: "<!-- walkthrough: governance")
        try #require(
            [organizations, grids, stations, governance].allSatisfy { $0.count == 2 },
            "the walkthroughs keep the walkthroughs and their errors blocks")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("walkthrough-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let daemon = try await DaemonUnderTest.start()
        var outputs: [String: String] = [:]
        for line in organizations[0] + grids[0] + stations[0] + governance[0] {
            let result = try await shell("cd \(directory) && " + line, socket: daemon.socketPath)
            #expect(result.status == 0, "\(line)\n\(result.output)\(result.error)")
            outputs[line] = result.output
        }
        let socket = daemon.socketPath
        #expect(
            rows(try await json("gov body members body=JD01", socket: socket)).map { "\($0["code"]!) \($0["via"]!)" } == ["ZQ01 seat", "ZQ02 seat"])

        // A quarter's meeting with both part-time members present; both tasks closed on time.
        let meeting = try await json("gov meeting show meeting=1", socket: socket)
        #expect(
            rows(meeting, "attendance").filter { $0["present"] as? Bool == true }.map { $0["code"] as? String } == ["ZQ01", "ZQ02"], "\(meeting)")
        #expect(rows(meeting, "tasks").map { $0["status"] as? String } == ["done", "done"], "\(meeting)")
        for task in [1, 2] {
            let shown = try await json("gov task show task=\(task)", socket: socket)
            #expect((shown["record"] as? [String: Any])?["on_time"] as? Bool == true, "\(shown)")
        }

        // The community that held no meeting is a gap; the street's quarter is not.
        let gaps = rows(try await json("gov compliance scope=JD01 from=2026-07-01", socket: socket), "gaps").map {
            "\($0["organisation"]!) \($0["period"]!) \($0["state"]!)"
        }
        #expect(gaps.contains("SQ01 2026Q3 missed") && !gaps.contains { $0.hasPrefix("JD01 2026Q3") }, "\(gaps)")
        let stats = rows(try await json("gov stats scope=JD01 from=2026-07-01 by=quarter", socket: socket))
        #expect(stats.first?["period"] as? String == "2026Q3" && "\(stats.first?["meetings"] ?? "")" == "1", "\(stats)")
        #expect("\(stats.first?["attendances"] ?? "")" == "2", "\(stats)")

        // The year's assessment, as calculated by hand in the walkthrough, published and frozen.
        let assessment = try await shell("dangjianctl --raw gov assessment show assessment=1", socket: socket).output
        let record = try await json("gov assessment show assessment=1", socket: socket)
        let fields = try #require(record["record"] as? [String: Any])
        #expect("\(fields["total"] ?? "")" == "53.28" && fields["grade"] as? String == "较差", "\(record)")
        #expect(rows(record, "indicators").map { "\($0["percent"] ?? "")" } == ["0", "92.59", "85"], "\(record)")
        #expect(rows(record, "review").first?["result"] as? String == "好", "\(record)")
        let projects = rows(try await json("gov breakthrough list year=2027", socket: socket))
        #expect(projects.map { $0["indicator"] as? String } == ["I1", "I3"], "\(projects)")

        // The 500-metre red service circle over the community's households, and the map.
        let coverage = try #require(outputs.first { $0.key.contains("of=households") && $0.key.contains("station coverage") }?.value)
        #expect(coverage.contains("coverage 66.7 %: 2 of 3 households within 500 m of an open Party-mass service centre"), "\(coverage)")
        let map = try String(contentsOfFile: directory + "/centres.svg", encoding: .utf8)
        #expect(map.contains("党群服务中心（站）空间分布图") && map.contains(#"<g class="station service_station" data-code="DQ01">"#))
        #expect(map.contains(#"<g class="station red_station" data-code="YZ01">"#), "both kinds on the map")

        let task = try await shell("dangjianctl --raw gov task show task=1", socket: socket).output
        let list = try await shell("dangjianctl --raw gov checklist show checklist=1", socket: socket).output
        for line in governance[1] {
            let status = try #require(line.range(of: #"# ([0-9]{3}):"#, options: .regularExpression).map { line[$0].dropFirst(2).prefix(3) })
            let result = try await shell(line, socket: socket)
            #expect(result.status == 1, "\(line)\n\(result.error)")
            #expect(result.error.contains("\(status) "), "\(line) → \(result.error)")
        }
        #expect(try await shell("dangjianctl --raw gov assessment show assessment=1", socket: socket).output == assessment)
        #expect(try await shell("dangjianctl --raw gov task show task=1", socket: socket).output == task)
        #expect(try await shell("dangjianctl --raw gov checklist show checklist=1", socket: socket).output == list)
        #expect(rows(try await json("gov body list", socket: socket)).count == 2, "no body was added for the grid branch")
        #expect(try await daemon.terminate() == 0)
    }
}
