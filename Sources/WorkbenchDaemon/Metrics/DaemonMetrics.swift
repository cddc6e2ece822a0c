public import Metrics
public import Prometheus
import Synchronization
public import WorkbenchControl
public import WorkbenchPostgres

/// The daemon's metrics: swift-metrics with swift-prometheus as its backend, bootstrapped
/// once, first thing at start-up, so that every metric the code creates is recorded.
///
/// Most metrics are recorded where things happen (commands in the chain's `MetricsStage`,
/// pool waits, background passes, escalations). What the daemon already counts elsewhere
/// (the pool's and the control server's figures, the embedded cluster's restarts) is
/// sampled into gauges and counters each time the text is rendered (``exposition()``), so
/// the serving path carries no second set of counters.
///
/// `docs/operations.md` ("Metrics") lists every metric with its meaning.
public final class DaemonMetrics: Sendable {
    /// The registry the text is rendered from.
    public let registry: PrometheusCollectorRegistry
    private let sources = Mutex<[Source]>([])
    private let rendering = Mutex<Void>(())

    /// Histogram buckets for command durations: commands take about a millisecond, the
    /// slowest reports seconds.
    public static let commandBuckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500),
        .seconds(5), .seconds(10), .seconds(30),
    ]
    /// Histogram buckets for waits for a pool connection (up to the acquire timeout).
    public static let waitBuckets: [Duration] = [
        .microseconds(100), .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5),
    ]

    /// Creates the registry and makes it swift-metrics' backend. Call once per process.
    public static func bootstrap() -> DaemonMetrics {
        let metrics = DaemonMetrics()
        var factory = PrometheusMetricsFactory(registry: metrics.registry)
        factory.durationHistogramBuckets = [
            "dangjian_command_duration_seconds": commandBuckets,
            "dangjian_pool_wait_seconds": waitBuckets,
            "dangjian_background_pass_duration_seconds": commandBuckets,
        ]
        MetricsSystem.bootstrap(factory)
        return metrics
    }

    private init() {
        registry = PrometheusCollectorRegistry()
    }

    /// Samples `pool`'s figures at each rendering: `dangjian_pool_*` and
    /// `dangjian_database_round_trips_total`.
    public func sample(pool: PostgresPool) {
        add(
            Source { [pool] in
                let figures = pool.statistics
                return Figures(
                    gauges: [
                        ("dangjian_pool_size", [], figures.size), ("dangjian_pool_connections", [("state", "open")], figures.open),
                        ("dangjian_pool_connections", [("state", "idle")], figures.idle),
                        ("dangjian_pool_connections", [("state", "leased")], figures.leased),
                        ("dangjian_pool_waiting", [], figures.waiting),
                        ("dangjian_database_statements_in_flight", [], figures.statementsInFlight),
                    ],
                    counters: [
                        ("dangjian_pool_connections_opened_total", [], figures.connectionsOpened),
                        ("dangjian_pool_connections_discarded_total", [], figures.connectionsDiscarded),
                        ("dangjian_pool_acquire_timeouts_total", [], figures.acquireTimeouts),
                        ("dangjian_database_round_trips_total", [], figures.roundTrips),
                    ])
            })
    }

    /// Samples the control server's figures: `dangjian_control_*` and `dangjian_requests_total`.
    public func sample(control statistics: ControlStatistics) {
        add(
            Source { [statistics] in
                let figures = statistics.snapshot
                return Figures(
                    gauges: [("dangjian_control_connections", [], figures.connections)],
                    counters: [
                        ("dangjian_control_connections_accepted_total", [], figures.accepted),
                        ("dangjian_control_connections_refused_total", [("reason", "too_many_connections")], figures.refused),
                        ("dangjian_control_connections_closed_total", [("reason", "unread_replies")], figures.writeTimeouts),
                        ("dangjian_requests_total", [("class", "2xx")], figures.requests - figures.clientErrors - figures.serverErrors),
                        ("dangjian_requests_total", [("class", "4xx")], figures.clientErrors),
                        ("dangjian_requests_total", [("class", "5xx")], figures.serverErrors),
                    ])
            })
        Gauge(label: "dangjian_start_time_seconds").record(statistics.startedAt.timeIntervalSince1970)
    }

    /// Samples the embedded cluster's supervisor: `dangjian_embedded_postgres_restarts_total`
    /// and `dangjian_embedded_postgres_up`.
    public func sample(embedded: EmbeddedPostgres) {
        add(
            Source { [embedded] in
                Figures(
                    gauges: [("dangjian_embedded_postgres_up", [], embedded.serverPID == nil ? 0 : 1)],
                    counters: [("dangjian_embedded_postgres_restarts_total", [], embedded.restarts)]
                )
            })
    }

    /// `dangjian_build_info{version}` = 1.
    public func recordBuild(version: String) {
        Gauge(label: "dangjian_build_info", dimensions: [("version", version)]).record(1)
    }

    /// Updates the sampled metrics and renders every metric in the Prometheus text format
    /// (version 0.0.4).
    public func exposition() -> String {
        rendering.withLock { _ in
            for source in sources.withLock({ $0 }) { source.update() }
            return registry.emitToString()
        }
    }

    private func add(_ source: Source) {
        sources.withLock { $0.append(source) }
    }
}

extension DaemonMetrics {
    /// A metric read from elsewhere: `(name, labels, value)`.
    typealias Sample = (name: String, labels: [(String, String)], value: Int)

    /// What one source reads at a rendering, from one snapshot.
    struct Figures {
        var gauges: [Sample]
        var counters: [Sample]
    }

    /// Figures read at rendering: gauges are set; counters grow by what their figure grew
    /// since the last rendering (renderings are serialised).
    final class Source: Sendable {
        private let read: @Sendable () -> Figures
        private let last = Mutex<[String: Int]>([:])

        init(read: @escaping @Sendable () -> Figures) {
            self.read = read
        }

        func update() {
            let figures = read()
            for sample in figures.gauges {
                Gauge(label: sample.name, dimensions: sample.labels).record(sample.value)
            }
            for sample in figures.counters {
                let key = sample.name + sample.labels.map { "\u{1F}\($0.0)=\($0.1)" }.joined()
                let grown = last.withLock { last -> Int in
                    defer { last[key] = sample.value }
                    return sample.value - (last[key] ?? 0)
                }
                // Created even at zero, so that every series exists from the first scrape.
                Counter(label: sample.name, dimensions: sample.labels).increment(by: max(grown, 0))
            }
        }
    }
}
