import Testing
import WorkbenchTestSupport
@testable import PropertyModule

@Suite("Unified social credit codes (统一社会信用代码)")
struct CreditCodeTests {
    /// Codes with a correct check character, including a widely published example and one
    /// of digits only.
    static let valid = ["91350100M000100Y43", "91350982MA2XY00019", "91350982MA2XY0002C", "91350982MA2XY0003F", "911100001000112017"]

    @Test(arguments: valid) func validCodesPass(_ code: String) throws {
        #expect(try CreditCode(validating: code).text == code)
    }

    @Test func lowerCaseAndBlanksAreAccepted() throws {
        #expect(try CreditCode(validating: " 91350100m000100y43 ").text == "91350100M000100Y43")
    }

    @Test(arguments: [
        ("91350100M000100Y44", CreditCode.Problem.checkCharacter(expected: "3", found: "4")),
        ("91350100M000100Y4", .length(17)),
        ("91350100M000100Y433", .length(19)),
        ("91350100I000100Y43", .character("I", place: 9)),
        ("9135010OM000100Y43", .character("O", place: 8)),
        ("913501A0M000100Y43", .divisionCode("3501A0")),
    ])
    func wrongCodesSayWhatIsWrong(_ code: String, _ problem: CreditCode.Problem) {
        #expect(throws: problem) { try CreditCode(validating: code) }
    }

    @Test func theMessageNamesTheExpectedCheckCharacter() {
        let error = #expect(throws: CreditCode.Problem.self) { try CreditCode(validating: "91350100M000100Y44") }
        #expect(error?.description == "the check character (place 18) should be 3, not 4; check the code on the business licence 营业执照")
    }

    @Test func theDatabaseCheckAgreesWithSwift() async throws {
        try await PropertyFixture.with { (harness: ModuleHarness) async throws in
            let wrong = ["91350100M000100Y44", "91350100I000100Y43", "913501A0M000100Y43", "91350100M000100Y4", "91350982MA2XY00018"]
            for code in Self.valid + wrong {
                let database: Bool = try await harness.scalar("SELECT property.credit_code_valid($1)", [code])
                #expect(database == ((try? CreditCode(validating: code)) != nil), "\(code)")
            }
            // A raw INSERT of a wrong code is refused by the table's CHECK.
            let count: Int = try await harness.scalar("SELECT count(*)::int FROM property.companies")
            await #expect(throws: (any Error).self) {
                let _: Int = try await harness.scalar(
                    "WITH i AS (INSERT INTO property.companies (credit_code, name, created_at, updated_at) VALUES ('91350100M000100Y44', "
                        + "'x', now(), now()) RETURNING id) SELECT count(*)::int FROM i"
                )
            }
            #expect(try await harness.scalar("SELECT count(*)::int FROM property.companies") == count)
        }
    }
}
