import WorkbenchKit

/// The optional pseudonymous id of a visiting courier or rider: a badge number, a hash, a
/// platform's rider number. Never a name, a phone number or an identity card number: the
/// module keeps no personal data about workers.
enum WorkerID {
    /// The id, or a 400 naming `argument` when it is malformed or looks like personal data.
    static func checked(_ text: String, argument: String) throws -> String {
        guard text.range(of: #"^[A-Za-z0-9._:-]{3,64}$"#, options: .regularExpression) != nil else {
            throw WorkbenchError.invalidArgument(
                argument, code: StationsErrorCode.visitBadWorkerId,
                "a worker id is 3 to 64 letters, digits and . _ : - (a badge number or a hash), not a name"
            )
        }
        if containsPersonalNumber(text) {
            throw WorkbenchError.invalidArgument(
                argument, code: StationsErrorCode.visitPersonalWorkerId,
                "'\(text)' looks like a phone or identity card number; visits record no personal data, so give a pseudonymous id or none"
            )
        }
        return text
    }

    /// Whether a mobile number or an identity card number hides in `text`, written with
    /// separators (`138-1234-5678`) or inside a longer id (`MT-13812345678`): the separators
    /// `. _ : -` are dropped, then each run of digits is checked whole.
    static func containsPersonalNumber(_ text: String) -> Bool {
        let collapsed = text.filter { !".:_-".contains($0) }
        return collapsed.range(of: #"(^|[^0-9])(86)?1[3-9][0-9]{9}($|[^0-9])"#, options: .regularExpression) != nil
            || collapsed.range(of: #"(^|[^0-9])[0-9]{17}[0-9Xx]($|[^0-9])"#, options: .regularExpression) != nil
    }
}
