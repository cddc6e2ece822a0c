#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The interactive prompt: reads request lines with the ``LineEditor``, sends each over one
/// connection and prints its reply.
///
/// Blank lines and `#` comments are skipped; `quit` and `exit` (or Ctrl-D) leave. Lines go to
/// the daemon as typed (they are already in the protocol's syntax), with `--json` appended
/// when that option is set. Every line entered is kept in the ``History``, which is saved
/// after each line. When the daemon has closed the connection (it restarted, or the
/// connection was idle too long), the next request reconnects first; a failure is reported
/// and the prompt goes on.
struct InteractiveShell {
    /// The prompt.
    static let prompt = "dangjian> "

    /// The socket path.
    var socketPath: String
    /// How long to wait for each reply.
    var timeout: Duration
    /// How replies are printed.
    var mode: OutputMode
    /// Whether to append `--json` to each request.
    var json: Bool
    /// Where the history is kept; nil to keep it in memory only.
    var historyPath: String?

    /// Runs the prompt until the operator leaves; returns the exit status: 2 when the
    /// daemon could not be reached at the start, else 0.
    func run() -> ExitStatus {
        var conversation: Conversation
        do {
            conversation = Conversation(connection: try ControlConnection(connectingTo: socketPath), timeout: timeout)
        } catch {
            StandardStreams.printError(error.message)
            return error.exitStatus
        }
        var history = historyPath.map { History.load(from: $0) } ?? History()
        _ = TerminalMode.prepare()
        // The prompt belongs on the terminal, even when replies are redirected to a file.
        let terminal = isatty(STDOUT_FILENO) == 1 ? STDOUT_FILENO : STDERR_FILENO
        let editor = LineEditor(prompt: Self.prompt, history: history.entries, output: terminal)
        let renderer = ReplyRenderer(mode: mode)
        let greeting = "Connected to \(socketPath). Type 'help' for commands, 'quit' or Ctrl-D to leave.\n"
        try? POSIXIO.writeAll(terminal, greeting.utf8, what: "writing to the terminal")

        while let entered = editor.readLine() {
            let line = entered.trimmingBlanks()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if history.add(line) {
                editor.setHistory(history.entries)
                if let historyPath { try? history.save(to: historyPath) }
            }
            if line == "quit" || line == "exit" { break }
            let request = json ? RequestBuilder.withJSONFlag(line) : line
            do {
                if conversation.connection.peerHasClosed() {
                    conversation = Conversation(connection: try ControlConnection(connectingTo: socketPath), timeout: timeout)
                }
                StandardStreams.write(renderer.render(try conversation.ask(request)))
            } catch {
                StandardStreams.printError(error.message)
                if case .requestTooLong = error { continue }
                // The connection is of no further use: reconnect before the next request.
                if let fresh = try? ControlConnection(connectingTo: socketPath) {
                    conversation = Conversation(connection: fresh, timeout: timeout)
                }
            }
        }
        return .success
    }
}
