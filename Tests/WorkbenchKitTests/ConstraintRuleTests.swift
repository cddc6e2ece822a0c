import Testing
import WorkbenchKit

@Suite("Constraint rules read from a constraint's comment")
struct ConstraintRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var comment: String
        var kind: ConstraintRule.Kind
        /// nil: the comment is not a rule.
        var expected: (status: Int, argument: String?, message: String)?
        var testDescription: String { comment }
    }

    static let cases: [Case] = [
        Case(comment: "code: a code has at most 32 letters", kind: .check, expected: (400, "code", "code: a code has at most 32 letters")),
        Case(comment: "-: a closed station has its closing day", kind: .check, expected: (422, nil, "a closed station has its closing day")),
        Case(
            comment: "credit_code: another company has this credit code", kind: .uniqueness,
            expected: (409, "credit_code", "credit_code: another company has this credit code")),
        Case(comment: "-: two terms of one seat overlap", kind: .uniqueness, expected: (409, nil, "two terms of one seat overlap")),
        Case(comment: "  name  :  padded", kind: .check, expected: nil),
        Case(comment: "no colon here", kind: .check, expected: nil),
        Case(comment: "code:", kind: .check, expected: nil),
        Case(comment: "Two words: x", kind: .check, expected: nil),
        Case(comment: "", kind: .check, expected: nil),
    ]

    @Test(arguments: cases)
    func reads(_ check: Case) {
        let rule = ConstraintRule(schema: "stations", name: "stations_rule", kind: check.kind, comment: check.comment)
        guard let expected = check.expected else {
            #expect(rule == nil)
            return
        }
        guard let error = rule?.error else {
            Issue.record("\(check.comment) should be a rule")
            return
        }
        #expect(error.status.code == expected.status)
        #expect(error.argument == expected.argument)
        #expect(error.message == expected.message)
        #expect(error.code == "stations.stations_rule")
    }
}
