/// Thrown by the session stage for a blank line, which gets no reply: the dispatcher writes
/// nothing and the statistics do not count it.
public struct NoReply: Error, Sendable, Equatable {
    /// Creates the signal.
    public init() {}
}
