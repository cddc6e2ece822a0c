import CLibPQ
import Foundation
import Glibc

/// One libpq connection (`PGconn`).
///
/// Every method blocks the calling thread until the server answers, so this type is used
/// only from threads of the pool's `NIOThreadPool`, never from Swift's cooperative pool:
/// async code reaches it through ``PostgresSession``. It is not safe for concurrent use; the
/// ``PostgresPool`` lends each connection to one task at a time. The exception is
/// ``cancelRunningStatement()``, which may be called from any thread.
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
        let handle = Self.withCStringArray(keywords) { keywordPointers in
            Self.withCStringArray(values) { valuePointers in
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

    /// True when libpq considers the connection usable and it is not inside a transaction.
    public var isIdleAndHealthy: Bool {
        guard let handle, PQstatus(handle) == CONNECTION_OK else { return false }
        return PQtransactionStatus(handle) == PQTRANS_IDLE
    }

    /// Checks, without a round trip, whether the server has closed the connection since its
    /// last use (a restart, `pg_terminate_backend`): returns false when the connection is
    /// unusable.
    ///
    /// The daemon never uses `LISTEN`, so an idle connection has nothing to read unless the
    /// server sent a termination notice or closed the socket; a readable socket therefore
    /// means the connection is done for.
    public func probe() -> Bool {
        guard let handle, PQstatus(handle) == CONNECTION_OK else { return false }
        let socket = PQsocket(handle)
        guard socket >= 0 else { return false }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) == 0
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
            let result = Self.withOptionalCStringArray(texts) { values in
                PQexecPrepared(handle, name, Int32(texts.count), values, nil, nil, 0)
            }
            return try consume(result, statement: statement)
        }
        let result = Self.withOptionalCStringArray(texts) { values in
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
            throw connectionError(statement: statement)
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE:
            return Self.rows(of: result)
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            let tuples = String(cString: PQcmdTuples(result))
            return PostgresRows(columns: [], columnTypes: [], values: [], affectedRows: Int(tuples) ?? 0)
        default:
            throw serverError(result, statement: statement)
        }
    }

    private func connectionError(statement: PostgresStatement) -> PostgresError {
        let message = handle.map(Self.errorMessage(of:)) ?? "the connection is closed"
        let broken = handle.map { PQstatus($0) != CONNECTION_OK } ?? true
        var error = PostgresError(code: broken ? .connectionLost : .client, message: message)
        error.statement = statement.description
        return error
    }

    private func serverError(_ result: OpaquePointer, statement: PostgresStatement) -> PostgresError {
        func field(_ code: Character) -> String? {
            guard let value = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: value)
        }
        let sqlState = field("C").map(SQLState.init(rawValue:))
        let broken = handle.map { PQstatus($0) != CONNECTION_OK } ?? true
        var error = PostgresError(
            code: sqlState == nil && broken ? .connectionLost : .server,
            message: field("M") ?? String(cString: PQresultErrorMessage(result)).trimmingCharacters(in: .whitespacesAndNewlines),
            sqlState: sqlState,
            detail: field("D"),
            hint: field("H"),
            constraint: field("n")
        )
        error.schema = field("s")
        error.table = field("t")
        error.column = field("c")
        error.statement = statement.description
        if broken && error.code == .server && (sqlState?.meansConnectionLost ?? false) {
            error.code = .connectionLost
        }
        return error
    }

    private static func rows(of result: OpaquePointer) -> PostgresRows {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        var columns: [String] = []
        var types: [UInt32] = []
        columns.reserveCapacity(columnCount)
        for column in 0..<columnCount {
            columns.append(String(cString: PQfname(result, Int32(column))))
            types.append(PQftype(result, Int32(column)))
        }
        var values: [String?] = []
        values.reserveCapacity(rowCount * columnCount)
        for row in 0..<rowCount {
            for column in 0..<columnCount {
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(row), Int32(column))))
                }
            }
        }
        return PostgresRows(columns: columns, columnTypes: types, values: values, affectedRows: rowCount)
    }

    private static func errorMessage(of handle: OpaquePointer) -> String {
        String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func withCStringArray<R>(
        _ strings: [String],
        _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R
    ) -> R {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    private static func withOptionalCStringArray<R>(
        _ strings: [String?],
        _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R
    ) -> R {
        let copies = strings.map { $0.map { strdup($0) } }
        defer { copies.forEach { $0.map { free($0) } } }
        let pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0!) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}
