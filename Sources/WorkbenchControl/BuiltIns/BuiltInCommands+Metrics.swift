import WorkbenchKit

extension BuiltInCommands {
    /// `metrics` (admin): the daemon's metrics in the Prometheus text format, the same text
    /// the `metrics.listen` endpoint serves, one line of the reply per line of the format; the
    /// summary (`# 61 samples`) is a comment line of the format too.
    ///
    /// - Parameter exposition: Renders the text (the daemon's registry).
    static func metrics(exposition: @escaping @Sendable () -> String) -> CommandSpec {
        CommandSpec(
            local: "metrics", synopsis: "Show the daemon's metrics in the Prometheus text format",
            help: """
                The same text the metrics listener serves at GET /metrics (metrics.listen, off by \
                default): commands by module, command and status, command latency, pool use and waits, \
                database round trips, background passes, connections and refusals.
                """,
            operands: .noWords, role: .admin
        ) { _ in
            let lines = exposition().split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            // The summary is a comment of the format, so that what dangjianctl prints (body and
            // summary) is itself a valid metrics file, e.g. for a textfile collector.
            return .text(lines, summary: "# \(lines.filter { !$0.hasPrefix("#") }.count) samples")
        }
    }
}
