import WorkbenchKit

/// Stages composed into one responder, outermost first, ending in the ``CommandRunner``
/// that runs the command's handler.
///
/// ```swift
/// let chain = CommandChain(runner: CommandRunner(table: table, timeZone: timeZone)) {
///     StatisticsStage(statistics: statistics)
///     SessionStage()
///     LookupStage(table: table)
/// }
/// let reply = try await chain.responder(request, context)
/// ```
public struct CommandChain: Sendable {
    /// The stages, outermost first.
    public let stages: [any CommandMiddleware]
    /// The composed chain: calling it runs every stage, then the runner.
    public let responder: CommandResponder

    /// Composes `stages` in front of `runner`.
    public init(runner: CommandRunner, @CommandChainBuilder stages: () -> [any CommandMiddleware]) {
        self.init(stages: stages(), terminal: { request, context in try await runner.respond(to: request, context: context) })
    }

    /// Composes `stages` in front of `terminal` (tests end a chain with a handler of their own).
    public init(stages: [any CommandMiddleware], terminal: @escaping CommandResponder) {
        self.stages = stages
        var responder = terminal
        for stage in stages.reversed() {
            let next = responder
            responder = { request, context in try await stage.handle(request, context: context, next: next) }
        }
        self.responder = responder
    }
}
