import ArgumentParser
import Testing

@testable import dangjianctl

@Suite("Command-line parsing")
struct DangjianctlParsingTests {
    @Test(arguments: [
        (["ping"], ["ping"]),
        (["help"], ["help"]),
        (["help", "grid", "case"], ["help", "grid", "case"]),
        (["grid", "case", "list", "status=open"], ["grid", "case", "list", "status=open"]),
        (["grid", "case", "list", "--raw", "--socket", "x"], ["grid", "case", "list", "--raw", "--socket", "x"]),
    ])
    func commandWordsAreCaptured(arguments: [String], expected: [String]) throws {
        let command = try Dangjianctl.parse(arguments)
        #expect(command.command == expected)
        #expect(command.socket == nil)
        #expect(!command.json && !command.raw)
    }

    @Test func optionsBeforeTheCommand() throws {
        let command = try Dangjianctl.parse(["--socket", "/x", "--json", "--raw", "--timeout", "2.5", "ping"])
        #expect(command.socket == "/x")
        #expect(command.json)
        #expect(command.raw)
        #expect(command.timeout == 2.5)
        #expect(command.command == ["ping"])
    }

    @Test func outputFileBeforeTheCommand() throws {
        let command = try Dangjianctl.parse(["-o", "map.svg", "station", "map", "scope=JD01"])
        #expect(command.output == "map.svg")
        #expect(command.command == ["station", "map", "scope=JD01"])
        #expect(try Dangjianctl.parse(["--output", "/tmp/x.tsv", "ping"]).output == "/tmp/x.tsv")
    }

    @Test func noCommandWords() throws {
        let command = try Dangjianctl.parse([])
        #expect(command.command.isEmpty)
        #expect(command.timeout == 60)
    }

    @Test(arguments: [["--help"], ["-h"], ["--json", "--help"]])
    func helpIsDangjianctlsOwn(arguments: [String]) {
        do {
            _ = try Dangjianctl.parse(arguments)
            Issue.record("\(arguments) parsed as a request")
        } catch {
            #expect(Dangjianctl.exitCode(for: error) == .success)
            let help = Dangjianctl.fullMessage(for: error)
            #expect(help.contains("--socket"))
            #expect(help.contains("dangjianctl grid case list status=open"))
        }
    }

    @Test func versionIsDangjianctlsOwn() {
        #expect(throws: (any Error).self) { try Dangjianctl.parse(["--version"]) }
        do {
            _ = try Dangjianctl.parse(["--version"])
        } catch {
            #expect(Dangjianctl.exitCode(for: error) == .success)
            #expect(Dangjianctl.fullMessage(for: error).hasPrefix("dangjianctl "))
        }
    }

    @Test(arguments: [
        ["--bogus", "ping"], ["--timeout", "0", "ping"], ["--timeout", "-1", "ping"], ["-o", "map.svg"], ["--output", "", "ping"],
        ["-o", "x.txt", "calendar", "import", "2026.csv"],
    ])
    func invalidInvocations(arguments: [String]) {
        do {
            _ = try Dangjianctl.parse(arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            #expect(Dangjianctl.exitCode(for: error) == .validationFailure)
        }
    }

    @Test(arguments: [
        (String?.some("/opt/x.sock"), ["DANGJIAN_SOCKET": "/env.sock"], "/opt/x.sock"),
        (nil, ["DANGJIAN_SOCKET": "/env.sock"], "/env.sock"),
        (nil, ["DANGJIAN_SOCKET": ""], "/run/dangjian/control.sock"),
        (nil, [:], "/run/dangjian/control.sock"),
    ])
    func socketPath(option: String?, environment: [String: String], expected: String) {
        #expect(Dangjianctl.socketPath(option: option, environment: environment) == expected)
    }

    @Test func unreachableSocketExitsWithTwo() throws {
        let command = try Dangjianctl.parse(["--socket", "/nonexistent/dangjianctl-test.sock", "ping"])
        #expect(command.execute(environment: [:], standardInputIsTerminal: false) == .serverFailed)
    }
}
