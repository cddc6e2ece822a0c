public import WorkbenchKit

/// What a stage calls to pass a request on: the rest of the chain.
public typealias CommandResponder = @Sendable (CommandRequest, CommandContext) async throws -> Reply

/// One stage of the command chain, in the manner of a web framework's middleware: it looks
/// at a request, refuses it, changes it, or passes it to `next` and looks at what comes back.
///
/// Each stage has one job (framing, lookup, roles, arguments, the time limit…); the
/// ``CommandChain`` composes them once at start-up. A stage refuses by throwing a
/// ``WorkbenchError``; a reply comes back as the return value.
///
/// ```swift
/// struct Stopwatch: CommandMiddleware {
///     func handle(_ request: CommandRequest, context: CommandContext, next: @escaping CommandResponder) async throws -> Reply {
///         let started = ContinuousClock.now
///         defer { context.logger.debug("took \(ContinuousClock.now - started)") }
///         return try await next(request, context)
///     }
/// }
/// ```
public protocol CommandMiddleware: Sendable {
    /// Handles `request`, calling `next` to pass it on (or not, to answer or refuse it here).
    func handle(_ request: CommandRequest, context: CommandContext, next: @escaping CommandResponder) async throws -> Reply
}
