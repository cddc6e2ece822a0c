#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes to standard output and standard error with `write(2)`, unbuffered, so replies
/// appear as they arrive and the two streams interleave in order. A failed write (a closed
/// pipe) is ignored: there is no one left to tell.
enum StandardStreams {
    /// Writes a rendered reply.
    static func write(_ output: ReplyRenderer.Output) {
        if !output.standardOutput.isEmpty { write(output.standardOutput, to: STDOUT_FILENO) }
        if !output.standardError.isEmpty { write(output.standardError, to: STDERR_FILENO) }
    }

    /// Writes `text` to standard output.
    static func print(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    /// Writes `text` and a newline to standard error.
    static func printError(_ text: String) {
        write(text + "\n", to: STDERR_FILENO)
    }

    /// Writes `text` to standard error as it is (a progress line that rewrites itself).
    static func writeError(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    /// Writes all of `text` to `descriptor`.
    private static func write(_ text: String, to descriptor: Int32) {
        try? POSIXIO.writeAll(descriptor, text.utf8, what: "writing output")
    }
}
