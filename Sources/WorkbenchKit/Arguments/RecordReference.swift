/// How an operator names a record in an argument: its id (`17`) or its code (`JD01`).
/// Codes start with a letter, so the two never collide.
///
/// Stores look a record up with one statement for both forms:
///
/// ```sql
/// SELECT … FROM organizations.units u
/// WHERE u.id = CASE WHEN $1::bigint IS NULL THEN (SELECT id FROM organizations.units WHERE code = $2) ELSE $1::bigint END
/// ```
///
/// `CASE`, not `COALESCE`: for a caller held to part of the tree, row-level security lets
/// the planner use an index for a condition only when nothing in it could leak a row's values
/// (PostgreSQL's leakproof rule), and it counts `COALESCE` as a function it cannot vouch for
/// but `CASE` as plain syntax. With `COALESCE` such a lookup scans the whole table.
public enum RecordReference: Sendable, Equatable, CustomStringConvertible {
    /// A positive id.
    case id(Int64)
    /// A code.
    case code(String)

    /// Reads `17` as an id and anything else as a code.
    public init(_ text: String) {
        if let id = Int64(text), id > 0, text.allSatisfy(\.isASCII) {
            self = .id(id)
        } else {
            self = .code(text)
        }
    }

    /// `id 17` or `code 'JD01'`, for messages.
    public var description: String {
        switch self {
        case .id(let id): "id \(id)"
        case .code(let code): "code '\(code)'"
        }
    }

    /// The binds `$1` (id) and `$2` (code) of the lookup above.
    public var binds: (id: Int64?, code: String?) {
        switch self {
        case .id(let id): (id, nil)
        case .code(let code): (nil, code)
        }
    }
}
