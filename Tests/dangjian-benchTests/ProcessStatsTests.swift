import Glibc

import Testing

@testable import dangjian_bench

@Suite("Process statistics from /proc")
struct ProcessStatsTests {
    @Test("RSS and CPU time are read even when the command name has spaces and parentheses")
    func parsesStatusAndStat() {
        let status = "Name:\tdangjiand\nVmPeak:\t  900000 kB\nVmRSS:\t   43520 kB\nThreads:\t9\n"
        let stat = "4242 (dang (jian) d) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 125 0 0 20 0 9 0 100 900000000 10880"
        let stats = ProcessStats.parse(status: status, stat: stat, ticksPerSecond: 100)
        #expect(stats == ProcessStats(residentBytes: 43_520 * 1_024, cpuSeconds: 3.75))
    }

    @Test("Context switches are voluntary plus involuntary, summed over the threads")
    func contextSwitches() throws {
        let status = "Name:\tdangjiand\nvoluntary_ctxt_switches:\t1200\nnonvoluntary_ctxt_switches:\t34\n"
        #expect(ProcessStats.contextSwitches(status: status) == 1_234)
        let own = try #require(ProcessStats.contextSwitches(pid: getpid()))
        #expect(own > 0)
    }

    @Test("This process can be read")
    func readsItself() throws {
        let stats = try #require(ProcessStats.read(pid: getpid()))
        #expect(stats.residentBytes > 1_000_000)
        #expect(stats.cpuSeconds >= 0)
        #expect(ProcessStats.machineTicks() != nil)
    }
}
