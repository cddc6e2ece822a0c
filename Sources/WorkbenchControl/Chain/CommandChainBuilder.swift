/// Lists the stages of a ``CommandChain`` one per line, outermost first.
@resultBuilder
public enum CommandChainBuilder {
    /// The stages, in order.
    public static func buildBlock(_ stages: any CommandMiddleware...) -> [any CommandMiddleware] {
        stages
    }
}
