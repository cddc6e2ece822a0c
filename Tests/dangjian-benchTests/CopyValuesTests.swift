import Foundation
import Testing

@testable import dangjian_bench

@Suite("Instants and days for COPY")
struct CopyValuesTests {
    @Test(
        "Timestamps match Foundation's UTC calendar",
        arguments: [Int64(0), 951_782_400, 1_709_164_800, 1_795_000_000, -86_401, 4_102_444_799]
    )
    func timestampsMatchFoundation(seconds: Int64) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        #expect(CopyValues.timestamp(seconds) == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))) + "Z")
        formatter.dateFormat = "yyyy-MM-dd"
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        #expect(CopyValues.date(days: days) == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(days) * 86_400)))
    }

    @Test("The year of an instant counts in the daemon's offset")
    func yearAtOffset() {
        // 2025-12-31 16:30 UTC is 2026-01-01 00:30 in Asia/Shanghai.
        let instant: Int64 = 1_767_198_600
        #expect(CopyValues.year(of: instant, utcOffsetSeconds: 0) == 2025)
        #expect(CopyValues.year(of: instant, utcOffsetSeconds: 8 * 3_600) == 2026)
    }
}
