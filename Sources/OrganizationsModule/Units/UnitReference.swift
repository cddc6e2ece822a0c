/// How an operator names an organisation in an argument: its id (`17`) or its code
/// (`JD01`). Codes start with a letter, so the two never collide.
enum UnitReference: Sendable, Equatable, CustomStringConvertible {
    case id(Int64)
    case code(String)

    /// Reads `17` as an id and anything else as a code.
    init(_ text: String) {
        if let id = Int64(text), id > 0, text.allSatisfy(\.isASCII) {
            self = .id(id)
        } else {
            self = .code(text)
        }
    }

    var description: String {
        switch self {
        case .id(let id): "id \(id)"
        case .code(let code): "code '\(code)'"
        }
    }

    /// The binds for a query `WHERE u.id = COALESCE($1, (SELECT id … WHERE code = $2))`.
    var binds: (id: Int64?, code: String?) {
        switch self {
        case .id(let id): (id, nil)
        case .code(let code): (nil, code)
        }
    }
}
