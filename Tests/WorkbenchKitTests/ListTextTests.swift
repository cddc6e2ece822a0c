import Testing
import WorkbenchKit

@Suite("List arguments typed with Latin or Chinese separators")
struct ListTextTests {
    static let cases: [(text: String, items: [String])] = [
        ("充电,饮水", ["充电", "饮水"]),
        ("充电，饮水", ["充电", "饮水"]),
        ("充电、饮水、 休憩 ", ["充电", "饮水", "休憩"]),
        ("3,,5", ["3", "5"]),
        (" , ，", []),
        ("理发", ["理发"]),
        ("a b,c", ["a b", "c"]),
    ]

    @Test(arguments: cases)
    func itemsAreSplitTrimmedAndEmptyOnesDropped(_ text: String, _ items: [String]) {
        #expect(ListText.items(text) == items)
    }
}
