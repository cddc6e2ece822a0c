import CLibPQ

extension PostgresConnection {
    /// Runs `COPY … FROM STDIN` (text format) and streams the rows that `produce` writes.
    ///
    /// `produce` is called with a ``CopyTextWriter``; it appends rows and calls
    /// ``CopyTextWriter/flushIfFull()`` now and then, which hands full chunks to libpq
    /// (`PQputCopyData`). When it returns, the rest is sent and the copy is ended
    /// (`PQputCopyEnd`). If `produce` throws, the copy is aborted and nothing it wrote stays.
    /// Blocks.
    ///
    /// - Parameters:
    ///   - sql: The `COPY table (columns) FROM STDIN` statement. It takes no parameters: the
    ///     values travel as COPY data, never as SQL text.
    ///   - produce: Writes the rows.
    /// - Returns: How many rows the server stored.
    @discardableResult
    public func copyIn(_ sql: String, _ produce: (inout CopyTextWriter) throws -> Void) throws -> Int {
        guard let handle = connectionHandle else {
            throw PostgresError(code: .connectionLost, message: "the connection is closed")
        }
        let statement = PostgresStatement(unnamed: sql)
        guard let started = PQexec(handle, sql) else {
            throw PostgresError(code: .connectionLost, message: Self.errorText(of: handle))
        }
        let status = PQresultStatus(started)
        if status != PGRES_COPY_IN {
            // Not a COPY FROM STDIN (or it failed): report the server's error as usual.
            _ = try consumeResult(started, statement: statement)
            throw PostgresError(code: .client, message: "\(statement) is not a COPY … FROM STDIN statement")
        }
        PQclear(started)
        var writer = CopyTextWriter { chunk in
            let sent = chunk.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
            }
            guard sent == 1 else {
                throw PostgresError(code: .connectionLost, message: Self.errorText(of: handle))
            }
        }
        do {
            try produce(&writer)
            try writer.flush()
        } catch {
            _ = PQputCopyEnd(handle, "the client stopped the copy: \(error)")
            drainResults(of: handle)
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else {
            throw PostgresError(code: .connectionLost, message: Self.errorText(of: handle))
        }
        var stored = 0
        var failure: (any Error)?
        while let result = PQgetResult(handle) {
            do {
                stored = try consumeResult(result, statement: statement).affectedRows
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
        return stored
    }

    /// Reads and frees whatever results are left after an aborted copy.
    private func drainResults(of handle: OpaquePointer) {
        while let result = PQgetResult(handle) { PQclear(result) }
    }
}
