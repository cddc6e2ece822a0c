import Foundation

/// The lines entered at the prompt, oldest first, kept in memory and in a file
/// (`$HOME/.dangjianctl_history`, one line each, mode 0600).
///
/// At most ``limit`` lines are kept (the oldest go first); a line equal to the one before it
/// is not added again, nor is a blank line.
struct History: Equatable, Sendable {
    /// The file's name in the home directory.
    static let fileName = ".dangjianctl_history"

    /// The lines, oldest first.
    private(set) var entries: [String]
    /// How many lines are kept.
    let limit: Int

    /// Creates a history holding the newest `limit` of `entries`.
    init(entries: [String] = [], limit: Int = 1000) {
        self.limit = limit
        self.entries = Array(entries.suffix(limit))
    }

    /// Adds `line`; false when it was not added (blank, or the same as the last line).
    @discardableResult
    mutating func add(_ line: String) -> Bool {
        guard !line.allSatisfy(\.isWhitespace), line != entries.last else { return false }
        entries.append(line)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        return true
    }

    /// The history file for `environment`: in `$HOME`, nil when `HOME` is not set.
    static func defaultPath(environment: [String: String]) -> String? {
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home.hasSuffix("/") ? home + fileName : home + "/" + fileName
    }

    /// Reads the history from `path`; empty when the file does not exist or cannot be read.
    static func load(from path: String, limit: Int = 1000) -> History {
        guard let data = FileManager.default.contents(atPath: path) else { return History(limit: limit) }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        return History(entries: lines, limit: limit)
    }

    /// Writes the history to `path`, replacing the file at once (through a temporary file)
    /// and readable by its owner only.
    func save(to path: String) throws {
        let text = entries.map { $0 + "\n" }.joined()
        let url = URL(fileURLWithPath: path)
        try Data(text.utf8).write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }
}
