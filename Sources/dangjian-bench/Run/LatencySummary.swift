import Histogram

/// Throughput and latency percentiles of one side of a run (the daemon, pgbench, or one
/// command), in the report and the JSON file.
struct LatencySummary: Codable, Equatable {
    /// Answered commands (or pgbench transactions) per second.
    var perSecond: Double
    var answered: Int
    var p50Milliseconds: Double
    var p95Milliseconds: Double
    var p99Milliseconds: Double
    var maxMilliseconds: Double

    /// The summary of a histogram of microseconds over `seconds`.
    init(_ histogram: Histogram<UInt64>, seconds: Double) {
        answered = Int(histogram.totalCount)
        perSecond = seconds > 0 ? Double(answered) / seconds : 0
        func milliseconds(_ percentile: Double) -> Double {
            histogram.totalCount == 0 ? 0 : Double(histogram.valueAtPercentile(percentile)) / 1_000
        }
        p50Milliseconds = milliseconds(50)
        p95Milliseconds = milliseconds(95)
        p99Milliseconds = milliseconds(99)
        maxMilliseconds = histogram.totalCount == 0 ? 0 : Double(histogram.max) / 1_000
    }
}
