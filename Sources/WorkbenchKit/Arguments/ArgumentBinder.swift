public import Foundation

/// Checks a request's `name=value` words against a command's argument specs.
///
/// Every error is a 400 that names the argument and the form expected, and nothing runs.
public enum ArgumentBinder {
    /// The argument every mutating command accepts for safe retries.
    public static let requestIDName = "request_id"

    /// Binds `words` (everything after the command's path) to `command`'s arguments.
    ///
    /// - Returns: The arguments, and the `request_id` when one was given.
    public static func bind(
        _ words: some Collection<CommandLineTokenizer.Word>,
        to command: CommandSpec,
        now: Date,
        timeZone: TimeZone
    ) throws(WorkbenchError) -> (arguments: Arguments, requestID: String?) {
        var arguments = Arguments()
        var requestID: String?
        var seen: Set<String> = []
        let specs = Dictionary(uniqueKeysWithValues: command.arguments.map { ($0.name, $0) })
        for word in words {
            guard let equals = word.assignmentIndex else {
                throw WorkbenchError.invalidArgument(
                    word.text, code: WorkbenchErrorCode.argumentUnexpectedWord,
                    "unexpected word \"\(word.text)\": arguments are written name=value; see 'help \(command.qualifiedName)'"
                )
            }
            let name = String(word.text[..<equals])
            // Step over the `=` scalar, not the Character: a combining mark after it is part of the value.
            let value = String(word.text.unicodeScalars[word.text.unicodeScalars.index(after: equals)...])
            guard seen.insert(name).inserted else {
                throw WorkbenchError.invalidArgument(name, code: WorkbenchErrorCode.argumentRepeated, "argument \(name) is given twice; give it once")
            }
            if name == requestIDName && command.mutates {
                guard (1...128).contains(ArgumentType.length(of: value)), value.allSatisfy({ !$0.isWhitespace && !$0.isNewline }) else {
                    throw WorkbenchError.invalidArgument(
                        name, "request_id must be 1 to 128 characters (Unicode code points) without blanks (a UUID works well)"
                    )
                }
                requestID = value
                continue
            }
            guard let spec = specs[name] else {
                let known = command.arguments.map(\.name) + (command.mutates ? [requestIDName] : [])
                let list = known.isEmpty ? "it takes no arguments" : "it takes: " + known.joined(separator: ", ")
                throw WorkbenchError.invalidArgument(
                    name, code: WorkbenchErrorCode.argumentUnknown, "unknown argument \"\(name)\" for '\(command.qualifiedName)'; \(list)"
                )
            }
            guard let parsed = spec.type.parse(value, now: now, timeZone: timeZone) else {
                let shown = spec.isSecret ? "***" : value.count > 40 ? String(value.prefix(40)) + "…" : value
                throw WorkbenchError.invalidArgument(
                    name, "\(name)=\"\(shown)\" is not valid: expected \(spec.type.expectedForm)"
                )
            }
            arguments.set(name, parsed, given: value)
        }
        for spec in command.arguments where !seen.contains(spec.name) {
            if let defaultValue = spec.defaultValue {
                guard let parsed = spec.type.parse(defaultValue, now: now, timeZone: timeZone) else {
                    throw WorkbenchError(
                        status: .internalError, code: WorkbenchErrorCode.internalBadDefault,
                        message: "the default of \(spec.name) in '\(command.qualifiedName)' is invalid; this is a bug in the module"
                    )
                }
                arguments.set(spec.name, parsed, given: nil)
            } else if spec.isRequired {
                let label = spec.label.map { " (\($0))" } ?? ""
                throw WorkbenchError.invalidArgument(
                    spec.name, code: WorkbenchErrorCode.argumentMissing,
                    "missing argument \(spec.name)\(label): \(spec.help.isEmpty ? "" : spec.help + "; ")expected \(spec.type.expectedForm)"
                )
            }
        }
        return (arguments, requestID)
    }

    /// Takes `words` (everything after the command's path) as the operands of `command`,
    /// whose ``CommandSpec/operands`` says how many it takes.
    ///
    /// - Returns: The words' texts, as typed (`name=value` words included).
    public static func operands(
        _ words: some Collection<CommandLineTokenizer.Word>,
        of command: CommandSpec
    ) throws(WorkbenchError) -> [String] {
        let texts = words.map(\.text)
        if let maximum = command.operands?.maximum, texts.count > maximum {
            let extra = texts[maximum]
            throw WorkbenchError.invalidArgument(
                extra, code: WorkbenchErrorCode.argumentUnexpectedWord,
                maximum == 0
                    ? "'\(command.qualifiedName)' takes no arguments"
                    : "'\(command.qualifiedName)' takes at most \(maximum) words; see 'help \(command.qualifiedName)'"
            )
        }
        return texts
    }
}
