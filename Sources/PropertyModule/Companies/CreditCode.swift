import Foundation

/// A unified social credit code 统一社会信用代码 (GB 32100-2015), the 18-character number on
/// every business licence 营业执照.
///
/// The characters come from a 31-character alphabet (digits and capitals without I, O, S,
/// V and Z). Places 1–2 are the registering authority and the kind of organisation, 3–8
/// the administrative division code (digits), 9–17 the organisation code, and place 18 a
/// check character: with the places' values `v` and the weights
/// `1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28`, it is the character of value
/// `(31 − Σ vᵢwᵢ mod 31) mod 31`. The database checks the same rule
/// (`property.credit_code_valid`).
public struct CreditCode: Sendable, Hashable, CustomStringConvertible {
    /// The 31 characters in value order.
    public static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// The weights of places 1–17.
    public static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The 18 characters, upper case.
    public let text: String

    /// Why a text is not a credit code, in words an operator can act on.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// Not 18 characters long.
        case length(Int)
        /// A character outside the alphabet, with its place (1-based).
        case character(Character, place: Int)
        /// Places 3–8 are not all digits.
        case divisionCode(String)
        /// The check character does not match.
        case checkCharacter(expected: Character, found: Character)

        /// The explanation.
        public var description: String {
            switch self {
            case .length(let count):
                "a unified social credit code has 18 characters, this one has \(count)"
            case .character(let character, let place):
                "'\(character)' at place \(place) is not used in credit codes (digits and capitals except I, O, S, V, Z)"
            case .divisionCode(let text):
                "places 3-8 must be the six-digit division code, not '\(text)'"
            case .checkCharacter(let expected, let found):
                "the check character (place 18) should be \(expected), not \(found); check the code on the business licence 营业执照"
            }
        }
    }

    /// Reads and checks a code; lower-case letters and surrounding blanks are accepted.
    ///
    /// - Throws: ``Problem`` saying what is wrong.
    public init(validating raw: String) throws(Problem) {
        let characters = Array(raw.trimmingCharacters(in: .whitespaces).uppercased())
        guard characters.count == 18 else { throw .length(characters.count) }
        var values: [Int] = []
        for (offset, character) in characters.enumerated() {
            guard let value = Self.alphabet.firstIndex(of: character) else { throw .character(character, place: offset + 1) }
            values.append(value)
        }
        guard characters[2..<8].allSatisfy(\.isASCIIDigit) else { throw .divisionCode(String(characters[2..<8])) }
        let expected = Self.checkCharacter(for: values.prefix(17))
        guard characters[17] == expected else { throw .checkCharacter(expected: expected, found: characters[17]) }
        self.text = String(characters)
    }

    /// The check character for the values of places 1–17.
    public static func checkCharacter(for values: some Collection<Int>) -> Character {
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// The code.
    public var description: String { text }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
