import WorkbenchKit

/// How an operator names a company: its id (`7`) or its 18-character credit code, which may
/// be all digits, so an 18-character text is always read as a code.
enum CompanyReference {
    static func parse(_ text: String) -> RecordReference {
        text.count == 18 ? .code(text.uppercased()) : RecordReference(text)
    }
}
