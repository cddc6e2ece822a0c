import Testing
@testable import OrganizationsModule

@Suite("Phone numbers: checking and masking")
struct PhoneNumberTests {
    @Test(arguments: [
        ("13812341234", "13812341234"),
        ("138 1234 1234", "13812341234"),
        ("+8613812341234", "+8613812341234"),
        ("021-62561234", "021-62561234"),
        ("0632-3311234", "0632-3311234"),
    ])
    func accepted(input: String, stored: String) {
        #expect(PhoneNumber.normalized(input) == stored)
    }

    @Test(arguments: ["", "1234", "abc12345678", "138-", "138--1234", "-13812341234", "１３８１２３４１２３４", "1381234123412341234123"])
    func refused(input: String) {
        #expect(PhoneNumber.normalized(input) == nil)
    }

    @Test(arguments: [
        ("13812341234", "138****1234"),
        ("+8613812341234", "138****1234"),
        ("021-62561234", "*******1234"),
        ("12345", "*2345"),
        ("1234", "****"),
    ])
    func masked(number: String, shown: String) {
        #expect(PhoneNumber.masked(number) == shown)
    }
}
