/// The words after dangjianctl's own options, as the argument parser captured them.
///
/// They are passed through to the daemon, except for a few conveniences:
/// - a leading `--` (which ends dangjianctl's options) is dropped;
/// - a trailing `--json` is taken as the `--json` option, so
///   `dangjianctl grid case list --json` prints JSON like `dangjianctl --json grid case list`;
/// - a trailing `--help` asks the daemon for help on the words before it:
///   `dangjianctl grid case --help` sends `help grid case`;
/// - a first word `--help`, `-h` or `--version` is dangjianctl's own option (``builtIn``):
///   the parser captures these with the words, because it stops at the first input it does
///   not recognise as a declared option.
struct CommandWords: Equatable, Sendable {
    /// The words of the request.
    var words: [String]
    /// Whether the words ended in `--json`.
    var wantsJSON: Bool
    /// The first word when it looks like an option dangjianctl does not know: the parser
    /// captures those too, because it stops at the first input it does not recognise.
    var unknownOption: String?

    /// dangjianctl's own option found among the words, if any.
    var builtIn: BuiltIn?

    /// An option of dangjianctl's own that the parser captured with the words.
    enum BuiltIn: Equatable, Sendable {
        /// `--help` or `-h`: dangjianctl's help.
        case help
        /// `--version`.
        case version
    }

    /// Splits the captured words.
    init(captured: [String]) {
        var words = captured
        unknownOption = nil
        builtIn = nil
        switch words.first {
        case "--":
            words.removeFirst()
        case "--help", "-h":
            builtIn = .help
        case "--version":
            builtIn = .version
        case let first? where first.hasPrefix("-") && first.count > 1:
            unknownOption = first
        default:
            break
        }
        wantsJSON = words.count > 1 && words.last == RequestBuilder.jsonFlag
        if wantsJSON { words.removeLast() }
        if words.count > 1, words.last == "--help" {
            words = ["help"] + words.dropLast()
        }
        self.words = words
    }
}
