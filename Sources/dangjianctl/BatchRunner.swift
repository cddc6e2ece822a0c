#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sends the lines read from a descriptor (standard input) as requests, pipelined over one
/// connection, and hands back their replies in order.
///
/// Lines are sent without leading and trailing blanks; blank lines and lines starting with
/// `#` are skipped. Reading input, sending requests and
/// reading replies happen in one `poll(2)` loop, so a slow producer on standard input is
/// fine and neither side can stall the other however many requests are in flight. A line
/// longer than the daemon accepts is not sent: it is reported in its place in the order.
/// After a `quit` request the rest of the input is ignored (the daemon closes the connection
/// after answering it). When the input ends, the socket is shut down for writing and the
/// remaining replies are read.
struct BatchRunner {
    /// One request's outcome, in input order.
    enum Outcome: Equatable, Sendable {
        /// The daemon's reply.
        case reply(ReceivedReply)
        /// The line was not sent.
        case refused(ClientError)
    }

    /// Where requests come from.
    var input: Int32
    /// Where they go.
    var connection: ControlConnection
    /// How long to wait for each reply.
    var timeout: Duration
    /// Whether to append `--json` to each request.
    var json: Bool
    /// How many requests may await their replies at once.
    var maximumInFlight = 256
    /// How many request bytes may wait to be sent.
    var maximumUnsent = 1 << 20

    /// Runs until the input ends and every request is answered; returns the worst exit
    /// status among the outcomes. Throws when the connection fails, after reporting every
    /// outcome that arrived before.
    func run(report: (Outcome) -> Void) throws(ClientError) -> ExitStatus {
        var state = State()
        var inputLines = LineBuffer()
        var inputOpen = true
        var reader = ReplyReader()
        var worst = ExitStatus.success

        func flushRefused() {
            while case .refused(let error)? = state.queue.first {
                report(.refused(error))
                worst = worst.worsened(by: error.exitStatus)
                state.queue.removeFirst()
            }
        }

        while true {
            flushRefused()
            if !inputOpen && state.unsentCount == 0 && !state.sendingFinished {
                connection.finishSending()
                state.sendingFinished = true
            }
            if !inputOpen && state.queue.isEmpty { return worst }
            if state.peerClosed {
                throw .connectionClosed(path: connection.path, unanswered: state.queue.count)
            }

            let wantsInput = inputOpen && state.unsentCount < maximumUnsent && state.queue.count < maximumInFlight
            var socketEvents = Int16(POLLIN)
            if state.unsentCount > 0 && !state.sendingFinished { socketEvents |= Int16(POLLOUT) }
            var descriptors = [pollfd(fd: connection.descriptor, events: socketEvents, revents: 0)]
            if wantsInput { descriptors.append(pollfd(fd: input, events: Int16(POLLIN), revents: 0)) }
            let milliseconds = try ControlConnection.pollMilliseconds(
                until: state.waitingSince.map { $0 + timeout }, path: connection.path, timeout: timeout
            )
            let ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .io(what: "waiting for \(connection.path)", errno: errno)
            }
            if ready == 0 { continue }

            if wantsInput, descriptors[1].revents != 0 {
                let bytes = try POSIXIO.readSome(input, what: "reading standard input")
                if bytes.isEmpty {
                    inputOpen = false
                    if let last = inputLines.takeRemainder() { _ = enqueue(last, into: &state) }
                } else {
                    inputLines.append(bytes)
                }
                while inputOpen, let line = inputLines.nextLine() {
                    inputOpen = enqueue(line, into: &state)
                }
            }

            let socketReady = descriptors[0].revents
            if socketReady & Int16(POLLOUT) != 0 {
                do {
                    state.sent += try connection.sendSome(state.unsent[state.sent...])
                    if state.sent == state.unsent.count {
                        state.unsent.removeAll(keepingCapacity: true)
                        state.sent = 0
                    }
                } catch .connectionClosed {
                    // The daemon hung up; read what it still sent, then report the rest.
                    state.unsent.removeAll()
                    state.sent = 0
                    state.sendingFinished = true
                }
            }
            if socketReady & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                guard let bytes = try connection.receiveAvailable() else { continue }
                if bytes.isEmpty { state.peerClosed = true }
                reader.append(bytes)
                while let reply = reader.nextReply() {
                    flushRefused()
                    guard !state.queue.isEmpty else { continue }  // a reply nobody asked for
                    state.queue.removeFirst()
                    report(.reply(reply))
                    worst = worst.worsened(by: reply.exitStatus)
                    state.waitingSince = state.queue.contains(.awaiting) ? .now : nil
                }
            }
        }
    }

    /// Queues one input line; returns false when the input should not be read further
    /// (the line was `quit`).
    private func enqueue(_ bytes: [UInt8], into state: inout State) -> Bool {
        var line = String(decoding: bytes, as: UTF8.self).trimmingBlanks()
        guard !line.isEmpty, !line.hasPrefix("#") else { return true }
        if json { line = RequestBuilder.withJSONFlag(line) }
        do {
            try RequestBuilder.check(line)
        } catch {
            state.queue.append(.refused(error))
            return true
        }
        if !state.queue.contains(.awaiting) { state.waitingSince = .now }
        state.queue.append(.awaiting)
        state.unsent.append(contentsOf: line.utf8)
        state.unsent.append(UInt8(ascii: "\n"))
        return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first != "quit"
    }

    /// What the loop keeps between iterations.
    private struct State {
        /// One entry per request line, in input order.
        var queue: [Entry] = []
        /// Request bytes not yet taken by the socket, from `sent` on.
        var unsent: [UInt8] = []
        /// How much of `unsent` was sent.
        var sent = 0
        /// Whether the socket is shut down for writing (or the daemon stopped reading).
        var sendingFinished = false
        /// Whether the daemon closed the connection.
        var peerClosed = false
        /// Since when the oldest unanswered request has waited for its reply.
        var waitingSince: ContinuousClock.Instant?

        /// How many bytes of `unsent` are still to send.
        var unsentCount: Int { unsent.count - sent }
    }

    /// A queued request line.
    private enum Entry: Equatable {
        /// Sent (or about to be), awaiting its reply.
        case awaiting
        /// Not sent, for this reason.
        case refused(ClientError)
    }
}
