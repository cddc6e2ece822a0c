/// A stage found the request without what an earlier stage should have added: the chain was
/// put together in the wrong order. A fault in the daemon, answered as an internal error.
public struct ChainOrderError: Error, Sendable, CustomStringConvertible {
    /// The stage that found it.
    public var stage: String
    /// What was missing.
    public var missing: String

    /// Creates the error.
    public init(stage: String, missing: String) {
        self.stage = stage
        self.missing = missing
    }

    public var description: String { "command chain: the \(stage) stage has no \(missing)" }
}
