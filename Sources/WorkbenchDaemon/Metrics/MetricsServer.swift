import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle
import Synchronization

/// The metrics listener (`metrics.listen`): a plain HTTP/1.1 endpoint serving
/// `GET /metrics` for Prometheus, bound at start-up and closed on graceful shutdown. It is
/// off unless configured; bind it to a loopback address (or behind a firewall): the text
/// names commands and counts, not data, but it needs no credentials.
final class MetricsServer: Service, Sendable {
    private let address: MetricsListenAddress
    private let exposition: @Sendable () -> String
    private let logger: Logger
    private let bound = Mutex<(any Channel)?>(nil)

    init(address: MetricsListenAddress, exposition: @escaping @Sendable () -> String, logger: Logger) {
        self.address = address
        self.exposition = exposition
        self.logger = logger
    }

    /// Binds the listener; returns the port it listens on (the kernel's choice for port 0).
    func bind() async throws -> Int {
        let exposition = self.exposition
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 64)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(MetricsHTTPHandler(exposition: exposition))
                }
            }
            .bind(host: address.host, port: address.port)
            .get()
        bound.withLock { $0 = channel }
        let port = channel.localAddress?.port ?? address.port
        logger.info("Metrics listening", metadata: ["metrics.listen": "\(MetricsListenAddress(host: address.host, port: port))"])
        return port
    }

    /// Serves until graceful shutdown, then closes the listener.
    func run() async throws {
        guard let channel = bound.withLock({ $0 }) else { return }
        await withGracefulShutdownHandler {
            try? await channel.closeFuture.get()
        } onGracefulShutdown: {
            channel.close(promise: nil)
        }
    }
}
