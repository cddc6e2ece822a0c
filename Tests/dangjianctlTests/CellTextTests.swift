import Testing

@testable import dangjianctl

@Suite("Cell text for the terminal")
struct CellTextTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("党建", "党建"),
        (#"a\tb"#, "a⇥b"),
        (#"line one\nline two"#, "line one↵line two"),
        (#"crlf\r\n"#, "crlf␍↵"),
        (#"back\\slash"#, #"back\slash"#),
        (#"\\n is not a newline"#, #"\n is not a newline"#),
        (#"unknown \x escape"#, #"unknown \x escape"#),
        (#"trailing \"#, #"trailing \"#),
        ("bell\u{7}and\u{1B}[31mescape", "bell\u{FFFD}and\u{FFFD}[31mescape"),
    ])
    func display(escaped: String, expected: String) {
        #expect(CellText.display(escaped) == expected)
    }

    @Test func sanitizedReplacesOnlyControlCharacters() {
        #expect(CellText.sanitized("名称: 党建\u{1B}[2J") == "名称: 党建\u{FFFD}[2J")
        #expect(CellText.sanitized(#"keeps \n escapes"#) == #"keeps \n escapes"#)
    }
}
