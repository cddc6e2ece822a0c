import WorkbenchKit

/// The optional pseudonymous id of a visiting courier or rider: a badge number, a hash, a
/// platform's rider number. Never a name, a phone number or an identity card number: the
/// module keeps no personal data about workers.
enum WorkerID {
    /// The id, or a 400 naming `argument` when it is malformed or looks like personal data.
    static func checked(_ text: String, argument: String) throws -> String {
        guard text.range(of: #"^[A-Za-z0-9._:-]{3,64}$"#, options: .regularExpression) != nil else {
            throw WorkbenchError.invalidArgument(
                argument, code: "stations.visit.bad_worker_id", "a worker id is 3 to 64 letters, digits and . _ : - (a badge number or a hash), not a name"
            )
        }
        if text.range(of: #"^(\+?86)?1[3-9][0-9]{9}$"#, options: .regularExpression) != nil
            || text.range(of: #"^[0-9]{17}[0-9Xx]$"#, options: .regularExpression) != nil
        {
            throw WorkbenchError.invalidArgument(
                argument, code: "stations.visit.personal_worker_id",
                "'\(text)' looks like a phone or identity card number; visits record no personal data, so give a pseudonymous id or none"
            )
        }
        return text
    }
}
