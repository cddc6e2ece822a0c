import Foundation
public import Logging
import WorkbenchPostgres

/// Writes log lines to standard error, one line each: `LEVEL label: message key=value …`,
/// without a timestamp under systemd (the journal adds one) and with one otherwise.
///
/// The level comes from a shared ``LogLevelStore`` so SIGHUP can change it for every logger.
/// Warnings and errors that repeat go through a shared ``RepeatedWarningLimiter``: one line
/// per kind per interval, the next one carrying `suppressed=N`.
public struct DaemonLogHandler: LogHandler {
    private let label: String
    private let levels: LogLevelStore
    private let timestamps: Bool
    private let limiter: RepeatedWarningLimiter?
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    /// Creates a handler.
    ///
    /// - Parameter limiter: Shared by every handler of the process; nil writes every line.
    public init(label: String, levels: LogLevelStore, timestamps: Bool, limiter: RepeatedWarningLimiter? = nil) {
        self.label = label
        self.levels = levels
        self.timestamps = timestamps
        self.limiter = limiter
    }

    public var logLevel: Logger.Level {
        get { levels.current }
        set { levels.current = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        if let limiter, event.level == .warning || event.level == .error {
            switch limiter.decide(kind: label + "\u{0}" + event.message.description) {
            case .suppress: return
            case .write(let suppressed) where suppressed > 0:
                merged["suppressed"] = "\(suppressed) similar in the last \(limiter.interval)"
            case .write: break
            }
        }
        var line = ""
        if timestamps { line += PostgresTimestamp.format(Date()) + " " }
        line += "\(event.level.rawValue.uppercased()) \(label): \(event.message)"
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            let text = "\(value)"
            line += " \(key)=" + (text.contains(" ") || text.isEmpty ? "\"\(text)\"" : text)
        }
        line = line.replacingOccurrences(of: "\n", with: " ")
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
