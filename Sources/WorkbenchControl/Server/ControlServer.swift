import Foundation
import Glibc
public import Logging
import NIOCore
import NIOPosix
public import ServiceLifecycle
import WorkbenchKit
import WorkbenchPostgres

/// The control socket: a SwiftNIO server on a Unix stream socket.
///
/// Each connection reads request lines (at most 64 KiB; longer ones get 413 and the
/// connection goes on), answers them strictly in order so clients may pipeline, and keeps
/// answering after the client half-closes its side. Peer credentials (`SO_PEERCRED`) are
/// mapped to a role once per connection. More than `maxConnections` clients get a 503 line
/// and are closed; a connection idle past `idleTimeout` is closed. A client that does not read
/// its replies stops being read once `outputBufferBytes` of replies wait for it, and is closed
/// after `writeTimeout` (``UnreadRepliesCloser``).
///
/// On graceful shutdown it stops accepting, closes idle connections, lets running commands
/// finish and reply, then closes those connections too; the `ServiceGroup`'s shutdown
/// deadline bounds the wait.
public final class ControlServer: Service, Sendable {
    private let configuration: ControlServerConfiguration
    private let dispatcher: CommandDispatcher
    private let access: AccessPolicyStore
    private let statistics: ControlStatistics
    private let logger: Logger
    private let onListening: @Sendable () -> Void
    private let executors: @Sendable () -> (any TaskExecutor)?
    private let sessions = SessionRegistry()

    /// Creates a server.
    ///
    /// - Parameters:
    ///   - executors: The executor each new connection's task runs on (the database pool's
    ///     event loops, so a command's replies, its logic and its statements share one thread
    ///     and pay no hop between them); nil runs it on the global executor.
    ///   - onListening: Called once the socket accepts connections (the daemon sends
    ///     `READY=1` from it).
    public init(
        configuration: ControlServerConfiguration, dispatcher: CommandDispatcher, access: AccessPolicyStore,
        statistics: ControlStatistics, logger: Logger, executors: @escaping @Sendable () -> (any TaskExecutor)? = { nil },
        onListening: @escaping @Sendable () -> Void = {}
    ) {
        self.executors = executors
        self.configuration = configuration
        self.dispatcher = dispatcher
        self.access = access
        self.statistics = statistics
        self.logger = logger
        self.onListening = onListening
    }

    private typealias Connection = (channel: NIOAsyncChannel<RequestFrame, ByteBuffer>, activity: SessionActivity)

    /// Listens and serves until graceful shutdown.
    public func run() async throws {
        let server = try await bind()
        logger.info("Control socket is listening", metadata: ["control.listener": "\(describe(configuration.listener))"])
        onListening()
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                do {
                    try await server.executeThenClose { inbound in
                        for try await connection in inbound {
                            group.addTask(executorPreference: self.executors()) { await self.serve(connection) }
                        }
                    }
                } catch {
                    self.logger.error("The control socket stopped accepting", metadata: ["error": "\(error)"])
                }
            }
        } onGracefulShutdown: {
            self.logger.info("Control socket: no longer accepting; finishing running commands")
            server.channel.close(promise: nil)
            self.sessions.drain()
        }
        if case .path(let path, _, _) = configuration.listener {
            unlink(path)
        }
        logger.info("Control socket closed")
    }

    // MARK: Connections

    private func serve(_ connection: Connection) async {
        let channel = connection.channel
        guard statistics.admit(limit: configuration.maxConnections) else {
            logger.warning("Refused a connection: too many clients", metadata: ["control.max_connections": "\(configuration.maxConnections)"])
            try? await channel.executeThenClose { _, outbound in
                try await outbound.write(
                    ByteBuffer(
                        string: "503 control.too_many_connections: the daemon already serves \(configuration.maxConnections) "
                            + "connections; try again later or raise control.max_connections\n"
                    )
                )
            }
            return
        }
        defer { statistics.connectionClosed() }
        guard sessions.register(channel.channel, activity: connection.activity) else {
            try? await channel.executeThenClose { _, _ in }
            return
        }
        defer { sessions.unregister(connection.activity) }
        let caller: Caller
        do {
            caller = access.policy.caller(for: try await PeerCredentials.of(channel.channel))
        } catch {
            guard channel.channel.isActive else {
                // The client went away before its first byte was read: nothing to answer, and
                // nothing worth a warning (thousands of such clients would flood the journal).
                logger.debug("Client left before its credentials were read", metadata: ["error": "\(error)"])
                try? await channel.executeThenClose { _, _ in }
                return
            }
            logger.warning("Could not read peer credentials; the peer gets no role", metadata: ["error": "\(error)"])
            caller = Caller(pid: 0, uid: UInt32.max, gid: UInt32.max, userName: "unknown", role: nil)
        }
        var sessionLogger = logger
        sessionLogger[metadataKey: "peer.uid"] = "\(caller.uid)"
        sessionLogger[metadataKey: "peer.pid"] = "\(caller.pid)"
        sessionLogger.debug("Client connected", metadata: ["peer.user": "\(caller.userName)", "peer.role": "\(caller.role?.rawValue ?? "none")"])
        do {
            try await channel.executeThenClose { inbound, outbound in
                var state = SessionState(caller: caller)
                var assembler = RowsAssembler()
                for try await received in inbound {
                    let frame: RequestFrame
                    var closing = false
                    switch assembler.feed(received) {
                    case .collecting: continue
                    case .answer(let complete): frame = complete
                    case .refuseAndClose(let error): (frame, closing) = (.refused(error), true)
                    }
                    guard connection.activity.beginCommand() else { break }
                    if let reply = await dispatcher.respond(to: frame, in: &state) {
                        try await outbound.write(ByteBuffer(string: reply))
                    }
                    guard connection.activity.endCommand(), !state.wantsClose, !closing else { break }
                }
            }
        } catch {
            sessionLogger.debug("Connection ended with an error", metadata: ["error": "\(error)"])
        }
        sessionLogger.debug("Client disconnected")
    }

    // MARK: Binding

    private func bind() async throws -> NIOAsyncChannel<Connection, Never> {
        let idleTimeout = TimeAmount(configuration.idleTimeout)
        let writeTimeout = TimeAmount(configuration.writeTimeout)
        let statistics = statistics
        let logger = logger
        let output = configuration.outputBufferBytes
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(.writeBufferWaterMark, value: ChannelOptions.Types.WriteBufferWaterMark(low: output / 2, high: output))
        let initializer: @Sendable (any Channel) -> EventLoopFuture<Connection> = { channel in
            channel.eventLoop.makeCompletedFuture {
                let activity = SessionActivity()
                let operations = channel.pipeline.syncOperations
                try operations.addHandler(ByteToMessageHandler(RequestLineDecoder(maximumBytes: ReplyLine.maximumRequestBytes)))
                try operations.addHandler(IdleStateHandler(readTimeout: idleTimeout))
                try operations.addHandler(IdleConnectionCloser(activity: activity))
                try operations.addHandler(UnreadRepliesCloser(timeout: writeTimeout, statistics: statistics, logger: logger))
                let asyncChannel = try NIOAsyncChannel<RequestFrame, ByteBuffer>(wrappingChannelSynchronously: channel)
                return (asyncChannel, activity)
            }
        }
        switch configuration.listener {
        case .inherited(let descriptor):
            return try await bootstrap.bind(descriptor, childChannelInitializer: initializer)
        case .path(let path, let mode, let group):
            try prepareDirectory(of: path)
            try refuseIfAnotherDaemonListens(on: path)
            let server = try await bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true, childChannelInitializer: initializer)
            guard chmod(path, mode_t(mode)) == 0 else {
                throw ControlServerError("cannot set mode \(String(mode, radix: 8)) on \(path): \(String(cString: strerror(errno)))")
            }
            if let group {
                if let gid = SystemAccount.groupID(named: group) {
                    if chown(path, uid_t.max, gid) != 0 {
                        logger.warning(
                            "Could not give the control socket to its group",
                            metadata: ["control.group": "\(group)", "error": "\(String(cString: strerror(errno)))"]
                        )
                    }
                } else {
                    logger.warning(
                        "The control socket's group does not exist; only the daemon's user and root can connect",
                        metadata: ["control.group": "\(group)"]
                    )
                }
            }
            return server
        }
    }

    private func prepareDirectory(of path: String) throws {
        guard path.utf8.count < 108 else {
            throw ControlServerError("the socket path \(path) is longer than the 107 bytes a Unix socket address allows")
        }
        let directory = (path as NSString).deletingLastPathComponent
        guard !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) else { return }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755]
            )
        } catch {
            throw ControlServerError("cannot create the socket directory \(directory): \(error.localizedDescription)")
        }
    }

    /// A socket file another live daemon listens on must not be removed from under it.
    private func refuseIfAnotherDaemonListens(on path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFSOCK else {
            throw ControlServerError("\(path) exists and is not a socket; remove it or choose another control.socket")
        }
        let probe = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard probe >= 0 else { return }
        defer { close(probe) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            path.utf8CString.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0.prefix(buffer.count - 1))) }
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(probe, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        if connected == 0 {
            throw ControlServerError("another daemon is already listening on \(path); stop it first or choose another control.socket")
        }
    }

    private func describe(_ listener: ControlServerConfiguration.Listener) -> String {
        switch listener {
        case .path(let path, _, _): path
        case .inherited(let descriptor): "systemd socket (fd \(descriptor))"
        }
    }
}

/// The control socket could not be set up.
public struct ControlServerError: Error, Sendable, CustomStringConvertible {
    /// What went wrong and what to do.
    public var message: String

    init(_ message: String) { self.message = message }

    public var description: String { message }
}
