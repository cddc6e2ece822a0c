/// Phone numbers as the workbench stores and shows them.
///
/// Stored as typed, minus blanks: a mobile number (`13812341234`, optionally `+86`) or a
/// landline with its area code (`021-62561234`). Lists shown to roles below admin mask a
/// mobile number's middle four digits (`138****1234`), as Chinese government systems do.
enum PhoneNumber {
    /// The number without blanks if it looks like a phone number, else nil.
    static func normalized(_ text: String) -> String? {
        let compact = text.filter { $0 != " " }
        guard (5...20).contains(compact.count) else { return nil }
        var characters = Substring(compact)
        if characters.hasPrefix("+") { characters = characters.dropFirst() }
        guard let first = characters.first, first.isASCII, first.isNumber,
            characters.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "-" }),
            !characters.hasSuffix("-"), !characters.contains("--")
        else { return nil }
        return compact
    }

    /// `138****1234` for an 11-digit mainland mobile number (with or without `+86`); other
    /// numbers keep only their last four digits visible.
    static func masked(_ number: String) -> String {
        let digits = number.filter { $0.isASCII && $0.isNumber }
        let mobile = digits.count == 13 && digits.hasPrefix("86") ? String(digits.dropFirst(2)) : digits
        if mobile.count == 11, mobile.hasPrefix("1") {
            return String(mobile.prefix(3)) + "****" + String(mobile.suffix(4))
        }
        guard digits.count > 4 else { return String(repeating: "*", count: digits.count) }
        return String(repeating: "*", count: digits.count - 4) + String(digits.suffix(4))
    }
}
