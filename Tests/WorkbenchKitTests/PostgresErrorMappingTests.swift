import Testing
import WorkbenchKit
import WorkbenchPostgres

@Suite("WorkbenchError from PostgresError")
struct PostgresErrorMappingTests {
    struct Mapping: Sendable, CustomTestStringConvertible {
        var name: String
        var error: PostgresError
        var status: ReplyStatus
        var code: String
        /// Fragments the message must contain.
        var mentions: [String] = []
        /// Fragments the message must not contain.
        var withheld: [String] = []
        var testDescription: String { name }
    }

    static func server(
        _ state: String, _ message: String = "server said no", detail: String? = nil, hint: String? = nil, constraint: String? = nil
    )
        -> PostgresError
    {
        PostgresError(code: .server, message: message, sqlState: SQLState(rawValue: state), detail: detail, hint: hint, constraint: constraint)
    }

    static let mappings: [Mapping] = [
        Mapping(
            name: "unique violation",
            error: server("23505", detail: "Key (code)=(SH-01) already exists.", constraint: "units_code_key"),
            status: .conflict, code: "database.duplicate",
            mentions: ["already exists", "constraint units_code_key", "key (code)"], withheld: ["SH-01"]
        ),
        Mapping(
            name: "check violation never shows the failing row",
            error: server(
                "23514", "new row violates check constraint", detail: "Failing row contains (7, 秘密, 13800000000).",
                constraint: "members_phone_check"
            ),
            status: .unprocessable, code: "database.rule_refused", mentions: ["members_phone_check"],
            withheld: ["Failing row", "秘密", "13800000000"]
        ),
        Mapping(name: "unique violation without details", error: server("23505"), status: .conflict, code: "database.duplicate"),
        Mapping(name: "exclusion violation", error: server("23P01"), status: .conflict, code: "database.duplicate"),
        Mapping(
            name: "check violation", error: server("23514", constraint: "cases_priority_check"),
            status: .unprocessable, code: "database.rule_refused", mentions: ["refused", "cases_priority_check"]
        ),
        Mapping(name: "foreign key violation", error: server("23503"), status: .unprocessable, code: "database.rule_refused"),
        Mapping(name: "not-null violation", error: server("23502"), status: .unprocessable, code: "database.rule_refused"),
        Mapping(
            name: "connection lost", error: PostgresError(code: .connectionLost, message: "server closed the connection"),
            status: .unavailable, code: "database.unavailable", mentions: ["unavailable", "nothing was changed"]
        ),
        Mapping(
            name: "connection failed", error: PostgresError(code: .connectionFailed, message: "could not connect"),
            status: .unavailable, code: "database.unavailable"
        ),
        Mapping(
            name: "pool closed", error: PostgresError(code: .poolClosed, message: "closed"),
            status: .unavailable, code: "database.unavailable"
        ),
        Mapping(name: "admin shutdown", error: server("57P01"), status: .unavailable, code: "database.unavailable"),
        Mapping(name: "cannot connect now", error: server("57P03"), status: .unavailable, code: "database.unavailable"),
        Mapping(name: "too many connections", error: server("53300"), status: .unavailable, code: "database.unavailable"),
        Mapping(name: "connection exception class", error: server("08006"), status: .unavailable, code: "database.unavailable"),
        Mapping(
            name: "pool timeout", error: PostgresError(code: .poolTimeout, message: "no connection became free within 5 s"),
            status: .unavailable, code: "database.busy", mentions: ["no connection became free within 5 s"]
        ),
        Mapping(
            name: "query canceled", error: server("57014", "canceling statement due to statement timeout"),
            status: .timedOut, code: "database.timeout", mentions: ["too long"]
        ),
        Mapping(
            name: "raise with a dotted code in the hint",
            error: server("P0001", "case 42 is closed; reopen it first", hint: "grids.case.closed"),
            status: .unprocessable, code: "grids.case.closed", mentions: ["case 42 is closed; reopen it first"]
        ),
        Mapping(
            name: "raise with a deep dotted code",
            error: server("P0001", "no", hint: "grids.case.transition_not_allowed"),
            status: .unprocessable, code: "grids.case.transition_not_allowed"
        ),
        Mapping(
            name: "raise without hint", error: server("P0001", "grid is archived"),
            status: .unprocessable, code: "database.rule_refused", mentions: ["grid is archived"]
        ),
        Mapping(
            name: "raise with a prose hint", error: server("P0001", "grid is archived", hint: "Unarchive it first."),
            status: .unprocessable, code: "database.rule_refused", mentions: ["grid is archived"]
        ),
        Mapping(
            name: "raise with an undotted hint", error: server("P0001", "x", hint: "grids"),
            status: .unprocessable, code: "database.rule_refused"
        ),
        Mapping(
            name: "raise with an uppercase hint", error: server("P0001", "x", hint: "Grids.Case"),
            status: .unprocessable, code: "database.rule_refused"
        ),
        Mapping(
            name: "raise with a hint that only contains a code", error: server("P0001", "x", hint: "see grids.case.closed"),
            status: .unprocessable, code: "database.rule_refused"
        ),
        Mapping(
            name: "invalid text representation",
            error: server("22P02", "invalid input syntax for type integer: \"abc\""),
            status: .badRequest, code: "argument.invalid", mentions: ["invalid input syntax for type integer"]
        ),
        Mapping(name: "string too long", error: server("22001"), status: .badRequest, code: "argument.invalid"),
        Mapping(name: "numeric out of range", error: server("22003"), status: .badRequest, code: "argument.invalid"),
        Mapping(
            name: "read-only transaction", error: server("25006"),
            status: .unavailable, code: "database.read_only", mentions: ["read-only"]
        ),
    ]

    @Test(arguments: mappings)
    func maps(_ mapping: Mapping) throws {
        let error = try #require(WorkbenchError(mapping.error))
        #expect(error.status == mapping.status)
        #expect(error.code == mapping.code)
        #expect(error.argument == nil)
        for fragment in mapping.mentions {
            #expect(error.message.contains(fragment), "\(error.message.debugDescription) should mention \(fragment.debugDescription)")
        }
        for fragment in mapping.withheld {
            #expect(!error.message.contains(fragment), "\(error.message.debugDescription) shows \(fragment.debugDescription)")
        }
    }

    static let unmapped: [PostgresError] = [
        server("XX000", "internal error"),
        server("40001", "could not serialize access"),
        server("42P01", "relation does not exist"),
        PostgresError(code: .server, message: "no state"),
        PostgresError(code: .decoding, message: "column n is not an integer"),
        PostgresError(code: .unexpectedResult, message: "no rows"),
        PostgresError(code: .client, message: "libpq failed"),
    ]

    @Test(arguments: unmapped)
    func leavesOtherErrorsToTheCaller(_ error: PostgresError) {
        #expect(WorkbenchError(error) == nil)
    }

    static let friendly: [String: WorkbenchError] = [
        "units_code_key": .conflict("organizations.unit.code_taken", "a unit with this code already exists; pick another"),
        "cases_grid_fkey": .ruleRefused("grids.case.grid_unknown", "the grid does not exist"),
    ]

    @Test func aListedConstraintWins() throws {
        let duplicate = try #require(WorkbenchError(Self.server("23505", constraint: "units_code_key"), constraintErrors: Self.friendly))
        #expect(duplicate == Self.friendly["units_code_key"])
        let foreignKey = try #require(WorkbenchError(Self.server("23503", constraint: "cases_grid_fkey"), constraintErrors: Self.friendly))
        #expect(foreignKey == Self.friendly["cases_grid_fkey"])
    }

    @Test func anUnlistedConstraintGetsTheGenericError() throws {
        let error = try #require(WorkbenchError(Self.server("23505", constraint: "other_key"), constraintErrors: Self.friendly))
        #expect(error.code == "database.duplicate")
        #expect(error.message.contains("other_key"))
    }

    @Test func constraintErrorsNeedAConstraintName() throws {
        let error = try #require(WorkbenchError(Self.server("23505"), constraintErrors: Self.friendly))
        #expect(error.code == "database.duplicate")
    }
}
