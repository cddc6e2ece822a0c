import Foundation

/// Writes the bench's report lines straight to standard output (no stdio buffering), so they
/// interleave in order with the progress lines on standard error in a log.
enum Console {
    static func line(_ text: String = "") {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
