import CLibPQ
import Foundation
import Glibc

/// One libpq connection (`PGconn`).
///
/// Every method blocks the calling thread until the server answers, so this type is for
/// tools that own a thread (the benchmark's seed with COPY, tests), never for Swift's
/// cooperative pool. The daemon's pool uses the non-blocking ``PipelinedConnection``
/// instead, and async code reaches it through ``PostgresSession``. Not safe for concurrent
/// use, except ``cancelRunningStatement()``, which may be called from any thread.
public final class PostgresConnection: @unchecked Sendable {
    private var handle: OpaquePointer?
    private var preparedNames: Set<String> = []
    private let cancelLock = NSLock()
    private var cancelHandle: OpaquePointer?

    /// The server's major version number (e.g. 15).
    public let serverMajorVersion: Int
    /// The backend process id serving this connection.
    public let backendPID: Int32

    /// Opens a connection and sets up the session (statement timeout, time zone, date style).
    ///
    /// Blocks. Throws a ``PostgresError`` with code `connectionFailed` when libpq cannot
    /// connect.
    public init(settings: PostgresConnectionSettings) throws {
        // Keywords before `dbname` are defaults the conninfo may override (libpq applies
        // an expanded dbname in place); keywords after it would override the operator's choice.
        let keywords = ["fallback_application_name", "connect_timeout", "client_encoding", "dbname"]
        let values = [
            settings.applicationName, String(settings.connectTimeoutSeconds), "UTF8", settings.conninfo,
        ]
        let handle = CStringArray.with(keywords) { keywordPointers in
            CStringArray.with(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let handle else {
            throw PostgresError(code: .connectionFailed, message: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Self.errorMessage(of: handle)
            PQfinish(handle)
            throw PostgresError(code: .connectionFailed, message: message)
        }
        self.handle = handle
        self.serverMajorVersion = Int(PQserverVersion(handle)) / 10_000
        self.backendPID = PQbackendPID(handle)
        self.cancelHandle = PQgetCancel(handle)
        // Server notices (e.g. "relation already exists, skipping") would go to stderr.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        do {
            let timeout = settings.statementTimeout.map { String($0.milliseconds) } ?? "0"
            _ = try execute(
                PostgresStatement(
                    unnamed: """
                        SELECT set_config('statement_timeout', $1, false), set_config('TimeZone', $2, false),
                               set_config('DateStyle', 'ISO, YMD', false), set_config('IntervalStyle', 'iso_8601', false)
                        """
                ),
                [timeout, settings.timeZone]
            )
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    /// Closes the connection; later calls fail with `connectionLost`.
    public func close() {
        cancelLock.withLock {
            if let cancelHandle { PQfreeCancel(cancelHandle) }
            cancelHandle = nil
        }
        if let handle { PQfinish(handle) }
        handle = nil
        preparedNames.removeAll()
    }

    /// Asks the server to cancel the statement this connection is running, if any. Safe to
    /// call from any thread; a no-op when nothing is running.
    public func cancelRunningStatement() {
        cancelLock.withLock {
            guard let cancelHandle else { return }
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(cancelHandle, &buffer, Int32(buffer.count))
        }
    }

    /// Runs one statement with bound parameters and returns its rows.
    ///
    /// Named statements are prepared on first use on this connection. Blocks.
    public func execute(_ statement: PostgresStatement, _ binds: [any PostgresEncodable]) throws -> PostgresRows {
        guard let handle else {
            throw PostgresError(code: .connectionLost, message: "the connection is closed")
        }
        let texts = binds.map(\.postgresText)
        if let name = statement.preparedName {
            if !preparedNames.contains(name) {
                let prepared = PQprepare(handle, name, statement.sql, Int32(binds.count), nil)
                _ = try consume(prepared, statement: statement)
                preparedNames.insert(name)
            }
            let result = CStringArray.withOptional(texts) { values in
                PQexecPrepared(handle, name, Int32(texts.count), values, nil, nil, 0)
            }
            return try consume(result, statement: statement)
        }
        let result = CStringArray.withOptional(texts) { values in
            PQexecParams(handle, statement.sql, Int32(texts.count), nil, values, nil, nil, 0)
        }
        return try consume(result, statement: statement)
    }

    /// Runs one or more `;`-separated statements without parameters (migrations, `BEGIN`,
    /// `COMMIT`). Returns the last statement's rows. Blocks.
    public func executeScript(_ sql: String) throws -> PostgresRows {
        guard let handle else {
            throw PostgresError(code: .connectionLost, message: "the connection is closed")
        }
        return try consume(PQexec(handle, sql), statement: PostgresStatement(unnamed: sql))
    }

    /// The libpq handle, for extensions in this module; nil once closed.
    var connectionHandle: OpaquePointer? { handle }

    /// Turns a `PGresult` into rows or a thrown error, and frees it (for extensions).
    func consumeResult(_ result: OpaquePointer, statement: PostgresStatement) throws -> PostgresRows {
        try consume(result, statement: statement)
    }

    /// libpq's last error message for a connection.
    static func errorText(of handle: OpaquePointer) -> String {
        errorMessage(of: handle)
    }

    /// Turns a `PGresult` into rows or a thrown error, and frees it.
    private func consume(_ result: OpaquePointer?, statement: PostgresStatement) throws -> PostgresRows {
        guard let result else {
            throw PostgresResultReader.connectionError(handle: handle, statement: statement.description)
        }
        defer { PQclear(result) }
        switch PostgresResultReader.outcome(of: result, handle: handle, statement: statement.description) {
        case .rows(let rows): return rows
        case .failed(let error): throw error
        case .aborted, .pipelineSync:
            throw PostgresError(code: .client, message: "unexpected pipeline result outside pipeline mode")
        }
    }

    private static func errorMessage(of handle: OpaquePointer) -> String {
        PostgresResultReader.errorMessage(of: handle)
    }
}
