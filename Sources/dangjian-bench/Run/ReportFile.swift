import Foundation

/// Where a run's JSON report goes and how it is written.
enum ReportFile {
    /// Writes `report` as indented JSON with sorted keys to `path`, creating its directory.
    static func write(_ report: some Encodable, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(report).write(to: url)
    }

    /// The local time as `yyyyMMdd-HHmmss`, for default report names.
    static func stamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: Date())
    }
}
