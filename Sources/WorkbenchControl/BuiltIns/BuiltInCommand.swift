import WorkbenchKit

/// The commands every daemon has, whatever modules are loaded.
enum BuiltInCommand: String, CaseIterable, Sendable {
    case help, ping, version, whoami, modules, status, format, quit

    /// The least role needed; nil when any peer, even an unmapped one, may run it.
    var role: Role? {
        switch self {
        case .help, .ping, .whoami, .quit: nil
        case .version, .modules, .status, .format: .viewer
        }
    }

    var usage: String {
        switch self {
        case .help: "help [module [command…]]"
        case .ping: "ping"
        case .version: "version"
        case .whoami: "whoami"
        case .modules: "modules"
        case .status: "status"
        case .format: "format text|json"
        case .quit: "quit"
        }
    }

    var synopsis: String {
        switch self {
        case .help: "List what you may run, or explain a module or command"
        case .ping: "Check that the daemon answers"
        case .version: "Show the daemon's and the database server's versions"
        case .whoami: "Show your peer credentials and role"
        case .modules: "List the loaded modules"
        case .status: "Show uptime, connections, database pool and migrations"
        case .format: "Switch this connection's replies to text or JSON (or add --json to one request)"
        case .quit: "Close the connection"
        }
    }

    static var helpEntries: [HelpFormatter.BuiltIn] {
        allCases.map { HelpFormatter.BuiltIn(usage: $0.usage, synopsis: $0.synopsis, role: $0.role) }
    }
}
