/// How a resident's address is shown to viewers: every digit of the building, unit and room
/// (ASCII or full-width) becomes `*`, so the place stays readable while the door does not
/// (幸福小区3-2-101 → 幸福小区*-*-***, 光明路2号 → 光明路*号). Operators and admins, who send
/// someone to the door, see the address whole.
public enum AddressMask {
    /// `address` masked.
    public static func masked(_ address: String) -> String {
        String(address.map { isDigit($0) ? "*" : $0 })
    }

    private static func isDigit(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return ("0"..."9").contains(scalar) || ("\u{FF10}"..."\u{FF19}").contains(scalar)
    }
}
