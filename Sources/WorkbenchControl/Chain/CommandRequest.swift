public import Foundation
public import WorkbenchKit

/// One request on its way through the chain: the frame as it arrived, then what each stage
/// learned from it (its words, its command, its arguments).
public struct CommandRequest: Sendable {
    /// The line as the decoder delivered it.
    public var frame: RequestFrame
    /// Who sent it.
    public var caller: Caller
    /// When it arrived (by the daemon's clock): the command's "now".
    public var now: Date
    /// Its words, without a trailing `--json` (the session stage fills this in).
    public var words: [CommandLineTokenizer.Word] = []
    /// The command the words name (the lookup stage fills this in).
    public var command: CommandSpec?
    /// How many of ``words`` the command's name took.
    public var commandWordCount = 0
    /// The checked `name=value` arguments (the binding stage fills this in).
    public var arguments = Arguments()
    /// The bare words after a command that takes operands.
    public var operands: [String] = []
    /// The caller's `request_id=`, if given.
    public var requestID: String?
    /// The lines of a rows request as they arrived (the session stage fills this in).
    public var rowLines: [String]?
    /// Those lines read and checked against the command's rows spec (the binding stage).
    public var rows: RequestRows?

    /// Creates a request as it arrives.
    public init(frame: RequestFrame, caller: Caller, now: Date = Date()) {
        self.frame = frame
        self.caller = caller
        self.now = now
    }

    /// The words after the command's name.
    public var wordsAfterCommand: ArraySlice<CommandLineTokenizer.Word> { words.dropFirst(commandWordCount) }

    /// The command, for stages after the lookup; throws when the chain is put together in the
    /// wrong order (answered as an internal error).
    public func resolvedCommand(in stage: String) throws -> CommandSpec {
        guard let command else { throw ChainOrderError(stage: stage, missing: "the command (the lookup stage must come first)") }
        return command
    }
}
