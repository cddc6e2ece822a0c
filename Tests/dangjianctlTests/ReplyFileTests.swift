import Foundation
import Testing

@testable import dangjianctl

/// `-o FILE`: what a successful reply writes, and that a refusal writes nothing.
@Suite struct ReplyFileTests {
    @Test func writesTheBodyAsItCame() throws {
        let reply = try #require(
            ReceivedReply(rawLines: [#"200-<?xml version="1.0" encoding="UTF-8"?>"#, "200-<svg>\t<g/></svg>", "200 map of JD01: 2 stations"])
        )
        #expect(
            String(decoding: ReplyFile.contents(of: reply, mode: .text), as: UTF8.self)
                == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg>\t<g/></svg>\n")
        let json = try #require(ReceivedReply(rawLines: [#"200 {"lines":["<svg/>"],"message":"map"}"#]))
        #expect(String(decoding: ReplyFile.contents(of: json, mode: .json), as: UTF8.self) == "{\"lines\":[\"<svg/>\"],\"message\":\"map\"}\n")

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reply-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let said = try ReplyFile(path: path).write(reply, mode: .text)
        #expect(said == "wrote \(path) (56 bytes): map of JD01: 2 stations")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("</svg>\n"))
    }

    @Test func aMissingDirectoryIsAnErrorNamingTheFile() throws {
        let reply = try #require(ReceivedReply(rawLines: ["200-x", "200 done"]))
        #expect(throws: ClientError.self) { try ReplyFile(path: "/nonexistent-dir/map.svg").write(reply, mode: .text) }
        do {
            _ = try ReplyFile(path: "/nonexistent-dir/map.svg").write(reply, mode: .text)
        } catch {
            #expect(error.message.contains("the output file /nonexistent-dir/map.svg"))
        }
    }
}
