import Testing

@testable import dangjianctl

@Suite("Record layout")
struct RecordFormatterTests {
    @Test func keysAreAlignedAndValuesStartInOneColumn() {
        let lines = RecordFormatter.lines([("id", "42"), ("name", "第一党支部"), ("parent_id", "7"), ("note", "")])
        #expect(
            lines == [
                "id:        42",
                "name:      第一党支部",
                "parent_id: 7",
                "note:",
            ])
    }

    @Test func wideKeysAreMeasuredByDisplayWidth() {
        let lines = RecordFormatter.lines([("名称", "党建"), ("id", "1")])
        #expect(lines == ["名称: 党建", "id:   1"])
    }

    @Test func controlCharactersInValuesAreNeutralised() {
        #expect(RecordFormatter.lines([("x", "a\u{1B}[2Jb")]) == ["x: a\u{FFFD}[2Jb"])
    }
}
