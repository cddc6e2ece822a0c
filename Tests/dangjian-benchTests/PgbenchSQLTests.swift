import Testing

@testable import dangjian_bench

@Suite("Statements rewritten for pgbench")
struct PgbenchSQLTests {
    static let cases: [(name: String, sql: String, expected: String)] = [
        ("placeholders, two digits included", "SELECT $1, $10, $2::bigint", "SELECT :p1, :p10, :p2::bigint"),
        (
            "a $ inside a literal, an identifier or a comment stays", "SELECT '$1', \"a$1\", x$1 -- $1\nFROM t",
            "SELECT '$1', \"a$1\", x$1 -- $1\nFROM t"
        ),
        ("casts are no variables", "SELECT a::text, b::public.ltree", "SELECT a::text, b::public.ltree"),
        ("a literal with a colon before a name is escaped", "SELECT 'a:b', 'it''s:x'", "SELECT E'a\\x3ab', E'it\\'s\\x3ax'"),
        ("a colon before a digit or a space is left", "SELECT '08:00:00'::time, 'a: b'", "SELECT '08:00:00'::time, 'a: b'"),
        ("an E literal keeps its escapes", "SELECT E'x:y\\n', E'\\:'", "SELECT E'x\\x3ay\\n', E'\\x3a'"),
        ("a slice gets a space", "SELECT a[1:n] FROM t", "SELECT a[1: n] FROM t"),
        ("a dollar-quoted body with a colon becomes an E literal", "SELECT $$a:b$$, $tag$c$tag$", "SELECT E'a\\x3ab', $tag$c$tag$"),
        ("non-ASCII after a colon counts as a name", "SELECT '时间:下午'", "SELECT E'时间\\x3a下午'"),
        ("a block comment is kept", "SELECT /* $1 */ $1", "SELECT /* $1 */ :p1"),
    ]

    @Test("Placeholders become variables and colons cannot be read as variables", arguments: cases.indices)
    func rewrite(index: Int) {
        let (name, sql, expected) = Self.cases[index]
        #expect(PgbenchSQL.rewrite(sql) { ":p\($0)" } == expected, "\(name)")
        #expect(!PgbenchSQL.hasVariableLikeColon(PgbenchSQL.rewrite(sql) { "\($0)" }), "\(name)")
    }
}
