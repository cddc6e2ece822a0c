#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal settings saved before entering raw mode, for the signal handler: it may only
/// touch global state. Written on the main thread before raw mode starts; read by the
/// handler, which runs on that same thread.
nonisolated(unsafe) private var savedSettings = termios()
/// Whether ``TerminalMode/prepare(_:)`` saved the settings of a terminal.
nonisolated(unsafe) private var isPrepared = false
/// Whether the terminal is in raw mode now.
nonisolated(unsafe) private var isRaw: sig_atomic_t = 0
/// The descriptor whose settings were saved.
nonisolated(unsafe) private var savedDescriptor: Int32 = 0

/// Switches the terminal on standard input between its own (cooked) settings and the raw
/// mode the line editor needs: no echo, no line buffering, no signals from Ctrl-C or
/// Ctrl-Z (the editor handles those keys), no CR/LF translation on input, one byte at a
/// time. Output processing stays on, so `\n` still starts a new line.
///
/// The original settings are restored by ``leaveRawMode()``, and also when SIGINT, SIGTERM,
/// SIGHUP or SIGQUIT arrive, before the signal takes its default course.
enum TerminalMode {
    /// Saves the terminal's settings and installs the restoring signal handlers; false when
    /// `descriptor` is not a terminal (the caller then reads lines without editing).
    static func prepare(_ descriptor: Int32 = STDIN_FILENO) -> Bool {
        var settings = termios()
        guard isatty(descriptor) == 1, tcgetattr(descriptor, &settings) == 0 else { return false }
        savedSettings = settings
        savedDescriptor = descriptor
        isPrepared = true
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            _ = signal(signalNumber, restoreAndRaise)
        }
        return true
    }

    /// Enters raw mode; false when ``prepare(_:)`` found no terminal or the terminal refused.
    @discardableResult
    static func enterRawMode() -> Bool {
        guard isPrepared else { return false }
        var raw = savedSettings
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_cflag |= tcflag_t(CS8)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        withUnsafeMutableBytes(of: &raw.c_cc) { controlCharacters in
            controlCharacters[Int(VMIN)] = 1
            controlCharacters[Int(VTIME)] = 0
        }
        guard tcsetattr(savedDescriptor, TCSAFLUSH, &raw) == 0 else { return false }
        isRaw = 1
        return true
    }

    /// Restores the saved settings.
    static func leaveRawMode() {
        guard isRaw == 1 else { return }
        var settings = savedSettings
        _ = tcsetattr(savedDescriptor, TCSAFLUSH, &settings)
        isRaw = 0
    }

    /// The terminal's width in columns (80 when it cannot be asked).
    static func columns(_ descriptor: Int32 = STDOUT_FILENO) -> Int {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}

/// The signal handler: puts the terminal back, then lets the signal do what it does by
/// default (end the process). Only async-signal-safe calls.
private func restoreAndRaise(_ signalNumber: Int32) {
    if isRaw == 1 {
        var settings = savedSettings
        _ = tcsetattr(savedDescriptor, TCSAFLUSH, &settings)
        isRaw = 0
    }
    _ = signal(signalNumber, SIG_DFL)
    _ = raise(signalNumber)
}
