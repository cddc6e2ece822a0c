import Foundation
import Testing
import WorkbenchTestSupport

/// The Prometheus endpoint and the admin `metrics` command, scraped while commands run.
@Suite("Metrics for the people who run it")
struct MetricsEndToEndTests {
    @Test func theMetricsTextCountsCommandsPoolAndConnectionsWhileCommandsRun() async throws {
        let daemon = try await DaemonUnderTest.start(settings: ["DANGJIAN_METRICS_LISTEN": "127.0.0.1:0"])
        let client = try SocketClient(path: daemon.socketPath)
        let status = try client.exchange("status\n", replies: 1)[0]
        let listen = try #require(status.first { $0.hasPrefix("200-metrics_listen: 127.0.0.1:") }, "\(status)")
        let port = try #require(Int(listen.split(separator: ":").last!))

        // Commands run on another connection while the endpoint is scraped.
        let path = daemon.socketPath
        let load = Task.detached { () throws -> Int in
            let worker = try SocketClient(path: path)
            var created = 0
            for number in 0..<40 {
                let reply = try worker.exchange("org unit add code=M\(number) name=单位\(number) kind=district\norg unit show unit=NOPE\n", replies: 2)
                if reply[0].last?.hasPrefix("201") == true { created += 1 }
            }
            return created
        }
        var scrapes: [HTTPExchange] = []
        while scrapes.count < 3 {
            scrapes.append(try await HTTPExchange.send("GET", "/metrics", port: port))
        }
        let created = try await load.value
        #expect(created == 40)
        for scrape in scrapes {
            #expect(scrape.status == 200)
            #expect(scrape.headers.contains { $0.lowercased().hasPrefix("content-type: text/plain; version=0.0.4") })
        }
        let text = try await HTTPExchange.send("GET", "/metrics", port: port).body
        let samples = Self.samples(text)
        #expect(samples[#"dangjian_commands_total{module="organizations",command="unit add",status="201"}"#] == 40, "\(text)")
        #expect(
            samples[#"dangjian_commands_total{module="organizations",command="unit show",status="404"}"#] == 40,
            "\(text.split(separator: "\n").filter { $0.hasPrefix("dangjian_commands_total") })")
        #expect(samples[#"dangjian_commands_total{module="workbench",command="status",status="200"}"#] == 1)
        #expect((samples[#"dangjian_command_duration_seconds_count{module="organizations",command="unit add"}"#] ?? 0) == 40)
        #expect(samples[#"dangjian_command_duration_seconds_bucket{module="organizations",command="unit add",le="+Inf"}"#] == 40)
        #expect(samples["dangjian_pool_size"] == 4)
        #expect((samples["dangjian_database_round_trips_total"] ?? 0) >= 80)
        #expect((samples["dangjian_control_connections"] ?? 0) >= 1)
        #expect((samples["dangjian_control_connections_accepted_total"] ?? 0) >= 2)
        #expect((samples[#"dangjian_requests_total{class="4xx"}"#] ?? 0) >= 40)
        #expect(samples.keys.contains { $0.hasPrefix(#"dangjian_background_passes_total{job="escalation",outcome="ok"}"#) })
        #expect(samples.keys.contains { $0.hasPrefix("dangjian_build_info{version=") })
        #expect(samples.keys.contains { $0.hasPrefix(#"dangjian_pool_connections{state="leased"}"#) })

        // The same text on the control socket, for an admin.
        let reply = try client.exchange("metrics\n", replies: 1)[0]
        #expect(reply.last?.hasPrefix("200 ") == true)
        #expect(reply.contains { $0.hasPrefix(#"200-dangjian_commands_total{module="organizations",command="unit add",status="201"} 40"#) })

        // dangjianctl prints the bare text, as a textfile collector reads it.
        let printed = try await DaemonUnderTest.runTool(DaemonUnderTest.binDirectory + "/dangjianctl", ["--socket", daemon.socketPath, "metrics"])
        #expect(printed.status == 0)
        let printedLines = printed.output.split(separator: "\n")
        #expect(printedLines.contains { $0.hasPrefix("dangjian_pool_size ") }, "\(printed.output.prefix(500))")
        #expect(printedLines.allSatisfy { $0.hasPrefix("#") || $0.hasPrefix("dangjian_") }, "every line is a sample or a comment")

        // Only /metrics, only GET and HEAD.
        #expect(try await HTTPExchange.send("GET", "/", port: port).status == 404)
        #expect(try await HTTPExchange.send("POST", "/metrics", port: port).status == 405)
        let head = try await HTTPExchange.send("HEAD", "/metrics", port: port)
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(try await daemon.terminate() == 0)
    }

    @Test func aTakenPortStopsStartUpNamingTheKey() async throws {
        let first = try await DaemonUnderTest.start(settings: ["DANGJIAN_METRICS_LISTEN": "127.0.0.1:0"])
        let status = try SocketClient(path: first.socketPath).exchange("status\n", replies: 1)[0]
        let listen = try #require(status.first { $0.hasPrefix("200-metrics_listen: ") }).dropFirst("200-metrics_listen: ".count)
        let second = try await DaemonUnderTest.start(settings: ["DANGJIAN_METRICS_LISTEN": String(listen)], waitUntilReady: false)
        #expect(try await second.waitForExit() == 1)
        #expect(second.log.contains("startup.metrics_listen"), "\(second.log)")
        #expect(second.log.contains("metrics.listen"))
        #expect(try await first.terminate() == 0)
    }

    /// `name{labels} value` lines, by everything before the value.
    static func samples(_ text: String) -> [String: Double] {
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            samples[String(line[..<space])] = value
        }
        return samples
    }
}
