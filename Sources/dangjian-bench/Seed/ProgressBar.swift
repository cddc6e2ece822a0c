import Foundation

/// A one-line progress bar on standard error: `members  [#######·····]  62 %  310,000 / 500,000  4.1 s`.
///
/// On a terminal it redraws in place at most ten times a second; otherwise (a log, CI) it
/// prints one line when each step ends.
struct ProgressBar {
    private let label: String
    private let total: Int
    private let started = ContinuousClock.now
    private var lastDrawn = ContinuousClock.now - .seconds(1)
    private let interactive = isatty(STDERR_FILENO) == 1

    init(label: String, total: Int) {
        self.label = label
        self.total = max(total, 1)
    }

    /// Shows that `done` of the total are loaded.
    mutating func update(_ done: Int) {
        guard interactive, ContinuousClock.now - lastDrawn >= .milliseconds(100) else { return }
        lastDrawn = ContinuousClock.now
        draw(done, final: false)
    }

    /// Shows the step as finished with `done` rows.
    func finish(_ done: Int) {
        draw(done, final: true)
    }

    /// The elapsed time since the bar started.
    var elapsed: Duration { ContinuousClock.now - started }

    private func draw(_ done: Int, final: Bool) {
        let width = 24
        let filled = min(width, done * width / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: "·", count: width - filled)
        let percent = min(100, done * 100 / total)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let line =
            "\(label.padding(toLength: 12, withPad: " ", startingAt: 0)) [\(bar)] \(String(format: "%3d", percent)) %  "
            + "\(Self.grouped(done)) / \(Self.grouped(total))  \(String(format: "%.1f", seconds)) s"
        let text = interactive ? "\r\u{1B}[K" + line + (final ? "\n" : "") : line + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return value < 0 ? "-" + text : text
    }
}
