import ArgumentParser

/// `dangjian-bench run` (placeholder replaced below).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run")
    func run() throws {}
}
