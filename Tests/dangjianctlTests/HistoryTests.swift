import Foundation
import Testing

@testable import dangjianctl

@Suite("History")
struct HistoryTests {
    @Test func duplicatesOfThePreviousLineAndBlankLinesAreNotKept() {
        var history = History()
        let added = ["ping", "ping", "whoami", "ping", "   "].map { history.add($0) }
        // The second ping repeats the previous line; the third does not; blanks are never kept.
        #expect(added == [true, false, true, true, false])
        #expect(history.entries == ["ping", "whoami", "ping"])
    }

    @Test func onlyTheNewestLinesAreKept() {
        var history = History(limit: 3)
        for number in 1...5 { history.add("echo \(number)") }
        #expect(history.entries == ["echo 3", "echo 4", "echo 5"])
        #expect(History(entries: (1...1500).map(String.init)).entries.count == 1000)
        #expect(History(entries: (1...1500).map(String.init)).entries.first == "501")
    }

    @Test func savedAndLoaded() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dangjianctl-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(History.fileName).path

        #expect(History.load(from: path).entries.isEmpty)  // no file yet
        var history = History()
        history.add("grid case list status=open")
        history.add(#"org unit add name="第一党支部""#)
        try history.save(to: path)
        #expect(History.load(from: path).entries == history.entries)

        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)

        for number in 0..<1200 { history.add("echo \(number)") }
        try history.save(to: path)
        let loaded = History.load(from: path)
        #expect(loaded.entries.count == 1000)
        #expect(loaded.entries.last == "echo 1199")
    }

    @Test(arguments: [
        (["HOME": "/home/li"], String?.some("/home/li/.dangjianctl_history")),
        (["HOME": "/root/"], "/root/.dangjianctl_history"),
        (["HOME": ""], nil),
        ([:], nil),
    ])
    func defaultPath(environment: [String: String], expected: String?) {
        #expect(History.defaultPath(environment: environment) == expected)
    }
}
