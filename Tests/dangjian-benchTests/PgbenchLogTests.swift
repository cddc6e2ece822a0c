import Testing

@testable import dangjian_bench

@Suite("pgbench's per-transaction log")
struct PgbenchLogTests {
    /// Client 0's transactions: the first starts at 100.000000 s; each line ends at its epoch.
    static let log = """
        0 1 500 0 100 500
        0 2 1000 1 101 100000
        0 3 2000 0 102 600000
        1 1 300 1 103 999999
        0 4 x 0 104 0
        not a line
        """

    @Test("Transactions are read with their script and start")
    func transactions() {
        let transactions = Pgbench.transactions(inLog: Self.log)
        #expect(transactions.count == 4)
        #expect(transactions[0] == .init(microseconds: 500, script: 0, startMicroseconds: 100_000_000))
        #expect(transactions[1] == .init(microseconds: 1_000, script: 1, startMicroseconds: 101_099_000))
    }

    @Test("Only transactions that start in the measured window count", arguments: [(0, 4, 4), (1, 1, 1), (1, 2, 2), (2, 2, 2), (3, 1, 1)])
    func window(warmup: Int, seconds: Int, expected: Int) throws {
        let (histogram, byScript) = try Pgbench.measured(Pgbench.transactions(inLog: Self.log), warmup: warmup, seconds: seconds, output: "")
        #expect(Int(histogram.totalCount) == expected, "warm-up \(warmup) s, \(seconds) s")
        #expect(byScript.values.reduce(0, +) == expected)
    }

    @Test("A window with no transaction is an error that shows pgbench's output")
    func empty() {
        #expect(throws: BenchError.self) { try Pgbench.measured(Pgbench.transactions(inLog: Self.log), warmup: 10, seconds: 1, output: "aborted") }
    }
}
