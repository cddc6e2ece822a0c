public import WorkbenchKit

extension AuditRecord {
    /// What a caller wrote after a command's name, for the audit row of an attempt refused
    /// before its arguments were checked (403 `access.denied`): each `name=value` as written,
    /// the command's secret arguments as `***`, bare words together under `_words`. The
    /// `request_id` comes back on its own.
    public static func attemptedArguments(
        _ words: ArraySlice<CommandLineTokenizer.Word>, of command: CommandSpec
    ) -> (arguments: [String: String], requestID: String?) {
        let secrets = Set(command.arguments.filter(\.isSecret).map(\.name))
        var arguments: [String: String] = [:]
        var bare: [String] = []
        var requestID: String?
        for word in words {
            guard let equals = word.assignmentIndex else {
                bare.append(word.text)
                continue
            }
            let name = String(word.text[..<equals])
            let value = String(word.text.unicodeScalars[word.text.unicodeScalars.index(after: equals)...])
            if name == ArgumentBinder.requestIDName {
                requestID = value
            } else {
                arguments[name] = secrets.contains(name) ? "***" : value
            }
        }
        if !bare.isEmpty { arguments["_words"] = bare.joined(separator: " ") }
        return (arguments, requestID)
    }
}
