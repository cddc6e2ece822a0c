import Testing
import WorkbenchKit

/// Addresses as viewers see them: the place readable, the door hidden.
@Suite("Address masking")
struct AddressMaskTests {
    @Test(arguments: [
        ("幸福小区3-2-101", "幸福小区*-*-***"),
        ("光明路2号", "光明路*号"),
        ("桐江路８号３栋", "桐江路*号*栋"),
        ("一品小区", "一品小区"),
        ("", ""),
    ])
    func masked(address: String, expected: String) {
        #expect(AddressMask.masked(address) == expected)
    }
}
