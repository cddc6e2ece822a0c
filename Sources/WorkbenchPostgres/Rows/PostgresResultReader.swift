import CLibPQ
import Foundation

/// Turns libpq's `PGresult` into ``PostgresRows`` or a ``PostgresError``: shared by the
/// blocking ``PostgresConnection`` and the pool's non-blocking ``PipelinedConnection``.
enum PostgresResultReader {
    /// What one `PGresult` says.
    enum Outcome {
        /// Rows (or a command tag's row count).
        case rows(PostgresRows)
        /// The server refused the statement.
        case failed(PostgresError)
        /// Pipeline mode: an earlier statement failed, so this one was not run.
        case aborted
        /// Pipeline mode: the end of a sync point.
        case pipelineSync
    }

    /// Reads `result` (without freeing it). `handle` tells whether the connection broke.
    static func outcome(of result: OpaquePointer, handle: OpaquePointer?, statement: String) -> Outcome {
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE:
            return .rows(rows(of: result))
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            let tuples = String(cString: PQcmdTuples(result))
            return .rows(PostgresRows(columns: [], columnTypes: [], values: [], affectedRows: Int(tuples) ?? 0))
        case PGRES_PIPELINE_ABORTED:
            return .aborted
        case PGRES_PIPELINE_SYNC:
            return .pipelineSync
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            var error = PostgresError(code: .client, message: "COPY is not supported on pooled connections")
            error.statement = statement
            return .failed(error)
        default:
            return .failed(serverError(result, handle: handle, statement: statement))
        }
    }

    /// The error for a call that returned no result or failed locally.
    static func connectionError(handle: OpaquePointer?, statement: String?) -> PostgresError {
        let message = handle.map(errorMessage(of:)) ?? "the connection is closed"
        let broken = handle.map { PQstatus($0) != CONNECTION_OK } ?? true
        var error = PostgresError(code: broken ? .connectionLost : .client, message: message.isEmpty ? "the connection failed" : message)
        error.statement = statement
        return error
    }

    /// The server's error fields.
    static func serverError(_ result: OpaquePointer, handle: OpaquePointer?, statement: String) -> PostgresError {
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
        error.statement = statement
        if broken && error.code == .server && (sqlState?.meansConnectionLost ?? false) {
            error.code = .connectionLost
        }
        return error
    }

    /// The rows of a `PGRES_TUPLES_OK` result, as text.
    static func rows(of result: OpaquePointer) -> PostgresRows {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        var columns: [String] = []
        var types: [UInt32] = []
        columns.reserveCapacity(columnCount)
        types.reserveCapacity(columnCount)
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
                    let length = Int(PQgetlength(result, Int32(row), Int32(column)))
                    let bytes = UnsafeRawPointer(PQgetvalue(result, Int32(row), Int32(column))!)
                    values.append(String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self))
                }
            }
        }
        return PostgresRows(columns: columns, columnTypes: types, values: values, affectedRows: rowCount)
    }

    /// libpq's last error message for a connection.
    static func errorMessage(of handle: OpaquePointer) -> String {
        String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
