import Foundation
import WorkbenchKit

/// `dangjianctl demo load [DIR]`: builds the demo district of every module from the files of a
/// demo directory — its registers (`.csv`) loaded through the modules' `import` commands and
/// its `demo.script` (``DemoScript``) run request by request, as an operator would type them.
///
/// Each import is all or none; the load stops at the first refused request and names its
/// script line, leaving what the lines before it did. The directory is `DIR`, else
/// `$DANGJIAN_DEMO`, else the installed one (`../share/dangjian/demo/shizhong` beside the
/// executable), else `demo/shizhong` under the working directory (a source checkout).
struct DemoLoad {
    /// The environment variable that names the demo directory.
    static let environmentVariable = "DANGJIAN_DEMO"
    /// The script's name in the directory.
    static let scriptName = "demo.script"

    /// The directory given on the command line, if any.
    var directory: String?

    /// The load that `demo load [DIR]` words ask for; nil for other requests.
    init?(words: [String]) {
        guard words.count >= 2, words[0] == "demo", words[1] == "load", words.count <= 3 else { return nil }
        directory = words.count == 3 ? words[2] : nil
    }

    /// The demo directory to read.
    func resolvedDirectory(environment: [String: String], executable: String) throws(ClientError) -> String {
        if let directory { return directory }
        if let variable = environment[Self.environmentVariable], !variable.isEmpty { return variable }
        let installed = URL(fileURLWithPath: executable).deletingLastPathComponent()
            .appendingPathComponent("../share/dangjian/demo/shizhong").standardized.path
        for candidate in [installed, "demo/shizhong"] where FileManager.default.fileExists(atPath: candidate + "/" + Self.scriptName) {
            return candidate
        }
        throw ClientError.export(
            "no demo directory found (\(installed) or demo/shizhong); name one: dangjianctl demo load DIR, or set $\(Self.environmentVariable)")
    }

    /// Runs the script in `directory` over `conversation`, reporting each step to `progress`;
    /// returns the exit status and the closing line.
    func run(
        in directory: String, over conversation: Conversation, now: Date = Date(), timeZone: TimeZone = .current,
        progress: (String) -> Void
    ) throws(ClientError) -> (ExitStatus, String) {
        let path = directory + "/" + Self.scriptName
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ClientError.export("\(path): cannot read the demo script")
        }
        let script = try DemoScript(text: text)
        var values: [String: String] = [:]
        var requests = 0
        var imported: [String] = []
        for line in script.lines {
            let place = "\(path):\(line.number)"
            switch line.step {
            case .role(let role):
                let reply = try conversation.ask("whoami")
                guard reply.body.contains("role: \(role)") else {
                    return (.requestFailed, "\(place): the demo loads as \(role); whoami says otherwise (run it as a member of the admin group)")
                }
            case .absent(let request):
                let reply = try conversation.ask(try DemoScript.expand(request, values: values, now: now, timeZone: timeZone))
                if reply.isSuccess {
                    return (.requestFailed, "\(place): the demo is already loaded ('\(request)' answers); load it into a fresh database")
                }
            case .request(let request, let capture):
                let text = try DemoScript.expand(request, values: values, now: now, timeZone: timeZone)
                let words = try Self.words(of: text, at: place)
                if var registerImport = RegisterImport(words: words) {
                    registerImport.path = directory + "/" + registerImport.path
                    let (status, summary) = try registerImport.run(over: conversation)
                    guard status == .success else { return (status, "\(place): \(summary)") }
                    progress(summary)
                    imported.append(URL(fileURLWithPath: registerImport.path).lastPathComponent)
                } else {
                    let reply = try conversation.ask(text)
                    guard reply.isSuccess else {
                        return (
                            reply.exitStatus,
                            "\(place): '\(CellText.sanitized(text))' was refused: \(reply.status) \(CellText.sanitized(reply.summary))"
                        )
                    }
                    if let capture {
                        guard let id = DemoScript.id(in: reply.body) else {
                            return (.requestFailed, "\(place): @\(capture) keeps an id, and the reply to '\(CellText.sanitized(text))' has none")
                        }
                        values[capture] = id
                    }
                }
                requests += 1
                if requests % 25 == 0 { progress("\(requests) requests") }
            }
        }
        return (.success, "demo loaded: \(requests) requests, registers \(imported.joined(separator: ", "))")
    }

    /// The words of a script line, as the shell would have split them.
    private static func words(of line: String, at place: String) throws(ClientError) -> [String] {
        do {
            return try CommandLineTokenizer.tokenize(line[...]).map(\.text)
        } catch {
            throw ClientError.export("\(place): \(error)")
        }
    }
}
