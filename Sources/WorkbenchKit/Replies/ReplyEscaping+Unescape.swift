extension ReplyEscaping {
    /// The value ``escape(_:)`` wrote as `text`, or nil when `text` holds a backslash that
    /// starts no escape of that table (a cell of the rows form is read this way).
    public static func unescape(_ text: some StringProtocol) -> String? {
        guard text.contains("\\") else { return String(text) }
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\" else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalars.next() {
            case "\\": result.append("\\")
            case "t": result.append("\t")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "x":
                guard let high = scalars.next(), let low = scalars.next(),
                    let value = UInt32(String([Character(high), Character(low)]), radix: 16), let decoded = Unicode.Scalar(value)
                else { return nil }
                result.unicodeScalars.append(decoded)
            case "u":
                let digits = (0..<4).compactMap { _ in scalars.next() }
                guard digits.count == 4, let value = UInt32(String(String.UnicodeScalarView(digits)), radix: 16),
                    let decoded = Unicode.Scalar(value)
                else { return nil }
                result.unicodeScalars.append(decoded)
            default:
                return nil
            }
        }
        return result
    }
}
