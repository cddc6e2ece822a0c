#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Blocking reads and writes on file descriptors that retry on `EINTR` and wait out
/// `EAGAIN` with `poll(2)`, so they work on blocking and non-blocking descriptors alike.
enum POSIXIO {
    /// Writes every byte of `bytes` to `fd`; `what` names the descriptor in errors.
    static func writeAll(_ fd: Int32, _ bytes: some Collection<UInt8>, what: String) throws(ClientError) {
        let array = Array(bytes)
        var offset = 0
        while offset < array.count {
            let written = array.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written >= 0 {
                offset += written
                continue
            }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: _ = waitFor(fd, events: Int16(POLLOUT), milliseconds: -1)
            case let code: throw .io(what: what, errno: code)
            }
        }
    }

    /// Reads what is available from `fd` (blocking until something is), at most `limit`
    /// bytes; an empty array means end of file.
    static func readSome(_ fd: Int32, limit: Int = 65536, what: String) throws(ClientError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: limit)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, limit) }
            if count >= 0 {
                buffer.removeSubrange(count...)
                return buffer
            }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: _ = waitFor(fd, events: Int16(POLLIN), milliseconds: -1)
            case let code: throw .io(what: what, errno: code)
            }
        }
    }

    /// Waits until `fd` has one of `events` (or an error or hang-up) or `milliseconds`
    /// pass (-1: no limit); returns the events that occurred, 0 on timeout.
    static func waitFor(_ fd: Int32, events: Int16, milliseconds: Int32) -> Int16 {
        var descriptor = pollfd(fd: fd, events: events, revents: 0)
        while true {
            let result = poll(&descriptor, 1, milliseconds)
            if result > 0 { return descriptor.revents }
            if result == 0 { return 0 }
            if errno != EINTR { return Int16(POLLERR) }
        }
    }

    /// Replaces the file at `path` with `bytes` (created with mode 0644 when missing).
    static func replaceFile(_ path: String, with bytes: [UInt8]) throws(ClientError) {
        let what = "the output file \(path)"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ClientError.io(what: what, errno: errno) }
        defer { close(descriptor) }
        try writeAll(descriptor, bytes, what: what)
    }
}
