import CLibPQ

/// libpq's cancel handle (`PGcancel`) for one connection, kept alive by whoever still needs
/// it: a cancel request runs on a thread of its own and may outlive the connection.
final class CancelToken: @unchecked Sendable {
    private let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        PQfreeCancel(pointer)
    }

    /// Asks the server to cancel the connection's running statement. Blocks until the
    /// server has read the request (forever, if the server is stopped): call it on a thread
    /// that may wait.
    func send() {
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(pointer, &buffer, Int32(buffer.count))
    }
}
