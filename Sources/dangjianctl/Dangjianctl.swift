import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `dangjianctl`: the operator's client for the `dangjiand` control socket.
///
/// With command words it sends them as one request and prints the reply; without, it reads
/// requests from standard input (one per line) or, on a terminal, at an interactive prompt.
@main
struct Dangjianctl: ParsableCommand {
    /// The socket used when neither `--socket` nor `DANGJIAN_SOCKET` names one.
    static let defaultSocketPath = "/run/dangjian/control.sock"
    /// The environment variable that names the socket.
    static let socketEnvironmentVariable = "DANGJIAN_SOCKET"

    /// The command's name, help text with examples, and version.
    static let configuration = CommandConfiguration(
        commandName: "dangjianctl",
        abstract: "Send commands to the Dangjian Workbench daemon (dangjiand).",
        usage: """
            dangjianctl [<options>] <module> <verb>... [<name>=<value>...]
            dangjianctl [<options>] < requests.txt
            dangjianctl [<options>] -o <file> <module> <verb>... [<name>=<value>...]
            dangjianctl [<options>] calendar import <file.csv>
            dangjianctl [<options>] <module> <register> import <file.csv|file.xlsx> [dry_run=true] [update=true]
            dangjianctl [<options>] template <file.xlsx|file.csv> <module> <register> import
            dangjianctl [<options>] demo load [<directory>]
            dangjianctl [<options>]
            """,
        discussion: """
            The words after the options form one request, sent as they are: quote values \
            with blanks for the shell, and dangjianctl quotes them again for the daemon. \
            Words that look like options (--x) after the first command word are part of \
            the request; a trailing --json works like the --json option, and a trailing \
            --help asks the daemon for help on the words before it.

            Without command words, requests are read from standard input, one per line \
            (blank lines and lines starting with # are skipped), and their replies printed \
            in order. On a terminal, an interactive prompt starts instead, with line \
            editing and history (~/.dangjianctl_history); leave it with quit or Ctrl-D.

            'calendar import FILE' reads a working-calendar file (date,kind,name lines; # \
            comments and a header line allowed) and sends all its rows in one request; the \
            daemon checks every row and applies all of them or none, naming each refused \
            row as FILE:LINE.

            '<module> <register> import FILE' (org unit import units.xlsx) reads a .csv or .xlsx \
            file (the first sheet; the header names the columns in English, in Chinese or both, \
            as -o writes them) and sends its rows in one request; the daemon checks every row \
            by the register's own rules and imports all or none, naming refused rows as \
            FILE:LINE. dry_run=true checks and counts only. 'template FILE.xlsx <import words>' \
            writes an empty register to fill in: the header, an example row and a sheet that \
            explains each column and its allowed values.

            'demo load' (as admin, on a fresh database) builds the demo district of every \
            module, Shizhong District of Zaozhuang (枣庄市市中区): it imports the registers of \
            the demo directory and runs its demo.script (requests as typed here, with ids kept \
            from earlier replies and dates relative to today). The directory is the one named, \
            else $DANGJIAN_DEMO, else the installed share/dangjian/demo/shizhong, else \
            demo/shizhong in a source checkout.

            -o FILE (--output) writes a successful reply's body to FILE as it came (an SVG \
            map, a table as TSV; with --json the JSON) and says on standard output what it \
            wrote; a refused request writes nothing. It needs command words. A FILE ending \
            in .csv or .xlsx (or --format csv|xlsx) gets a list or table as a spreadsheet: \
            CSV in UTF-8 with a byte-order mark for Excel, or a workbook with numbers and \
            dates kept, a frozen header row in the domain's words (编码 code) and columns \
            wide enough for Chinese. --all follows the list's after= pages to the last one.

            Tables are printed with aligned columns (a newline inside a cell shows as ↵, a \
            tab as ⇥), records with aligned keys; errors go to standard error. Use --raw to \
            see the protocol's lines, or --json for machine-readable replies.

            Exit status: 0 when every reply was 2xx, 1 when the worst was 4xx (the \
            request's fault), 2 for 5xx, when the daemon cannot be reached, closes the \
            connection early, or does not answer within --timeout, or when -o cannot write \
            its file.

            Examples:
              dangjianctl ping
              dangjianctl help
              dangjianctl help grid case
              dangjianctl grid case list status=open
              dangjianctl org unit add name="Party branch 1" parent=3
              dangjianctl --json grid case show case=42 | jq .record.status
              dangjianctl --json grid case show case=42 | jq '.tables.timeline.rows[].kind'
              dangjianctl --socket /tmp/dangjian.sock status
              printf 'ping\\nwhoami\\n' | dangjianctl
              dangjianctl calendar import config/calendar/2025-cn.csv
              dangjianctl -o map.svg station map scope=SQ01
              dangjianctl -o members.xlsx --all org member list under=JD01
              dangjianctl org unit import units.xlsx dry_run=true
              dangjianctl template members.xlsx org member import
              dangjianctl demo load
            """,
        version: "dangjianctl 0.1.0"
    )

    /// The control socket's path.
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The control socket (default: $\(socketEnvironmentVariable), else \(defaultSocketPath)).",
            valueName: "path"
        )
    )
    var socket: String?

    /// Ask for JSON replies.
    @Flag(name: .long, help: "Ask for JSON replies and print them as they come (one JSON object per reply).")
    var json = false

    /// Print the protocol's lines.
    @Flag(name: .long, help: "Print each reply's lines exactly as received, status codes included.")
    var raw = false

    /// Where to write the reply's body.
    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("Write a successful reply's body to this file (e.g. the SVG of 'station map') instead of printing it.", valueName: "file")
    )
    var output: String?

    /// The spreadsheet form for `-o`, when the file's extension does not say.
    @Option(name: .long, help: ArgumentHelp("Write -o's file as csv or xlsx whatever its name (default: by its extension).", valueName: "form"))
    var format: String?

    /// Follow the pages of a list.
    @Flag(name: .long, help: "With -o FILE.csv or .xlsx: follow the list's after= pages to the last one.")
    var all = false

    /// How long to wait for each reply.
    @Option(name: .long, help: ArgumentHelp("How long to wait for each reply, in seconds.", valueName: "seconds"))
    var timeout: Double = 60

    /// The request's words.
    @Argument(
        parsing: .captureForPassthrough,
        help: ArgumentHelp(
            "The request: a module, its verbs and name=value arguments, or a built-in (help, ping, version, whoami, modules, status).",
            valueName: "command"
        )
    )
    var command: [String] = []

    /// Rejects a non-positive timeout and unknown options, and answers `--help`, `-h` and
    /// `--version` that the parser captured with the command words.
    func validate() throws {
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--timeout must be a positive number of seconds")
        }
        let words = CommandWords(captured: command)
        switch words.builtIn {
        case .help: throw CleanExit.helpRequest(self)
        case .version: throw CleanExit.message(Self.configuration.version)
        case nil: break
        }
        if let option = words.unknownOption {
            throw ValidationError("Unknown option '\(option)'")
        }
        if let output {
            guard !output.isEmpty else { throw ValidationError("--output needs a file name") }
            guard !words.words.isEmpty, !CalendarImport.isRequested(by: words.words) else {
                throw ValidationError("--output writes the reply of one request: give the request's words after the options")
            }
        }
        if let format, ExportFormat(rawValue: format.lowercased()) == nil {
            throw ValidationError("--format takes csv or xlsx")
        }
        if format != nil || all {
            guard let output, exportFormat(for: output) != nil else {
                throw ValidationError("--format and --all need -o FILE with a .csv or .xlsx name, or --format csv|xlsx")
            }
            guard !raw, !json, !words.wantsJSON else {
                throw ValidationError("-o FILE.\(exportFormat(for: output)!.rawValue) writes a spreadsheet; leave out --json and --raw")
            }
        }
        if CalendarImport.isRequested(by: words.words) && words.words.count != 3 {
            throw ValidationError("calendar import takes one file: \(CalendarImport.usage)")
        }
    }

    /// Runs and exits with the worst outcome's status (``ExitStatus``).
    func run() throws {
        _ = signal(SIGPIPE, SIG_IGN)
        let status = execute(environment: ProcessInfo.processInfo.environment, standardInputIsTerminal: isatty(STDIN_FILENO) == 1)
        if status != .success { throw ExitCode(status.rawValue) }
    }

    /// Runs the command in the way its words and standard input call for; returns the exit
    /// status.
    func execute(environment: [String: String], standardInputIsTerminal: Bool) -> ExitStatus {
        let words = CommandWords(captured: command)
        let json = self.json || words.wantsJSON
        let mode: OutputMode = raw ? .raw : json ? .json : .text
        let path = Self.socketPath(option: socket, environment: environment)
        // More than 30 years is as good as no limit, and keeps the conversion in range.
        let timeout = Duration.milliseconds(Int64((min(self.timeout, 1e9) * 1000).rounded(.up)))
        if CalendarImport.isRequested(by: words.words) {
            guard words.words.count == 3 else {
                StandardStreams.printError("dangjianctl: calendar import takes one file: \(CalendarImport.usage)")
                return .requestFailed
            }
            return CalendarImport(path: words.words[2]).run(socketPath: path, timeout: timeout)
        }
        if let template = RegisterTemplate(words: words.words) {
            do {
                let conversation = Conversation(connection: try ControlConnection(connectingTo: path), timeout: timeout)
                StandardStreams.print(try template.run(over: conversation) + "\n")
                return .success
            } catch {
                StandardStreams.printError(error.message)
                return error.exitStatus
            }
        }
        if let demo = DemoLoad(words: words.words) {
            do {
                let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
                let directory = try demo.resolvedDirectory(environment: environment, executable: executable)
                let conversation = Conversation(connection: try ControlConnection(connectingTo: path), timeout: timeout)
                let (status, line) = try demo.run(in: directory, over: conversation) { StandardStreams.print($0 + "\n") }
                if status == .success { StandardStreams.print(line + "\n") } else { StandardStreams.printError("dangjianctl: " + line) }
                return status
            } catch {
                StandardStreams.printError(error.message)
                return error.exitStatus
            }
        }
        if let registerImport = RegisterImport(words: words.words) {
            do {
                let conversation = Conversation(connection: try ControlConnection(connectingTo: path), timeout: timeout)
                let (status, line) = try registerImport.run(over: conversation)
                if status == .success { StandardStreams.print(line + "\n") } else { StandardStreams.printError("dangjianctl: " + line) }
                return status
            } catch {
                StandardStreams.printError(error.message)
                return error.exitStatus
            }
        }
        if !words.words.isEmpty, let output, let exportFormat = exportFormat(for: output), mode == .text {
            let export = SpreadsheetExport(path: output, format: exportFormat, allPages: all)
            return Self.runExport(export, words: words.words, path: path, timeout: timeout, showProgress: isatty(STDERR_FILENO) == 1)
        }
        if !words.words.isEmpty {
            return Self.runOnce(
                RequestBuilder.line(words: words.words, json: json), path: path, timeout: timeout, mode: mode, file: output.map(ReplyFile.init(path:))
            )
        }
        if standardInputIsTerminal {
            let shell = InteractiveShell(
                socketPath: path, timeout: timeout, mode: mode, json: json,
                historyPath: History.defaultPath(environment: environment)
            )
            return shell.run()
        }
        return Self.runBatch(path: path, timeout: timeout, mode: mode, json: json)
    }

    /// The socket to use: `--socket`, else `$DANGJIAN_SOCKET`, else the default.
    static func socketPath(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let variable = environment[socketEnvironmentVariable], !variable.isEmpty { return variable }
        return defaultSocketPath
    }

    /// Sends one request and prints its reply, or writes its body to `file`.
    static func runOnce(_ line: String, path: String, timeout: Duration, mode: OutputMode, file: ReplyFile? = nil) -> ExitStatus {
        do {
            try RequestBuilder.check(line)
            let conversation = Conversation(connection: try ControlConnection(connectingTo: path), timeout: timeout)
            let reply = try conversation.ask(line)
            if let file, reply.isSuccess {
                StandardStreams.print(try file.write(reply, mode: mode) + "\n")
                return reply.exitStatus
            }
            StandardStreams.write(ReplyRenderer(mode: mode).render(reply))
            return reply.exitStatus
        } catch {
            StandardStreams.printError(error.message)
            return error.exitStatus
        }
    }

    /// The spreadsheet form `-o path` asks for: `--format`, else the file's extension.
    func exportFormat(for path: String) -> ExportFormat? {
        if let format { return ExportFormat(rawValue: format.lowercased()) }
        return ExportFormat(path: path)
    }

    /// Writes a list or table as a spreadsheet (``SpreadsheetExport``).
    static func runExport(_ export: SpreadsheetExport, words: [String], path: String, timeout: Duration, showProgress: Bool) -> ExitStatus {
        do {
            let conversation = Conversation(connection: try ControlConnection(connectingTo: path), timeout: timeout)
            let outcome = try export.run(words: words, over: conversation) { rows in
                if showProgress && export.allPages { StandardStreams.writeError("\rdangjianctl: \(rows) rows …") }
            }
            if showProgress && export.allPages { StandardStreams.writeError("\r\u{1B}[K") }
            switch outcome {
            case .written(let line):
                StandardStreams.print(line + "\n")
                return .success
            case .refused(let reply):
                StandardStreams.write(ReplyRenderer(mode: .text).render(reply))
                return reply.exitStatus
            }
        } catch {
            StandardStreams.printError(error.message)
            return error.exitStatus
        }
    }

    /// Sends standard input's lines and prints their replies.
    static func runBatch(path: String, timeout: Duration, mode: OutputMode, json: Bool) -> ExitStatus {
        let renderer = ReplyRenderer(mode: mode)
        var worst = ExitStatus.success
        do {
            let connection = try ControlConnection(connectingTo: path)
            let runner = BatchRunner(input: STDIN_FILENO, connection: connection, timeout: timeout, json: json)
            let finalStatus = try runner.run { outcome in
                switch outcome {
                case .reply(let reply):
                    StandardStreams.write(renderer.render(reply))
                    worst = worst.worsened(by: reply.exitStatus)
                case .refused(let error):
                    StandardStreams.printError(error.message)
                    worst = worst.worsened(by: error.exitStatus)
                }
            }
            return worst.worsened(by: finalStatus)
        } catch {
            StandardStreams.printError(error.message)
            return worst.worsened(by: error.exitStatus)
        }
    }
}
