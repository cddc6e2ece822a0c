import Foundation
import Testing
import WorkbenchDaemon
import WorkbenchKit

/// Every error code the daemon can answer with, listed from the named constants of the
/// workbench and each catalogued module's `errorCodes`: well formed, each module's under its own
/// prefix, none twice, and the same list as docs/error-codes.md.
@Suite("The error codes the daemon answers with")
struct ErrorCodeCatalogueTests {
    static let catalogue: [(source: String, codes: [String])] =
        [("workbench", WorkbenchErrorCode.all)] + ModuleCatalog.all.map { ($0.id, $0.errorCodes) }

    @Test func everyCodeIsDottedLowerCaseAndUnderItsModule() {
        for (source, codes) in Self.catalogue {
            #expect(!codes.isEmpty)
            for code in codes {
                #expect(code.range(of: #"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$"#, options: .regularExpression) != nil, "\(code)")
                if source != "workbench" { #expect(code.hasPrefix(source + "."), "\(code) belongs to \(source)") }
            }
        }
    }

    @Test func noCodeIsNamedTwice() {
        let all = Self.catalogue.flatMap(\.codes)
        #expect(Set(all).count == all.count, "\(Dictionary(grouping: all) { $0 }.filter { $0.value.count > 1 }.keys.sorted())")
    }

    @Test func theDocumentedListIsTheCode() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/error-codes.md").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let documented = text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `"), let end = line.dropFirst(3).firstIndex(of: "`") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 3)..<end])
        }
        let expected = Self.catalogue.flatMap { source, codes in codes.map { (code: $0, source: source) } }
        let same = documented == expected.map(\.code)
        #expect(
            same,
            """
            docs/error-codes.md lists other codes than the *ErrorCode types; its table should read:
            \(expected.map { "| `\($0.code)` | \($0.source) |" }.joined(separator: "\n"))
            """)
    }
}
