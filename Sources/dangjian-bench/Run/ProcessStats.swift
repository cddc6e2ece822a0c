import Foundation
import Glibc

/// Resource figures of a process from /proc.
struct ProcessStats: Equatable {
    /// Resident set size now (VmRSS), in bytes.
    var residentBytes: Int
    /// User plus system CPU time so far, in seconds.
    var cpuSeconds: Double

    /// Reads `/proc/<pid>/status` and `/proc/<pid>/stat`; nil when the process is gone.
    static func read(pid: Int32) -> ProcessStats? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        else { return nil }
        return parse(status: status, stat: stat, ticksPerSecond: Double(sysconf(Int32(_SC_CLK_TCK))))
    }

    /// Parses the two files' text.
    static func parse(status: String, stat: String, ticksPerSecond: Double) -> ProcessStats? {
        guard let rssLine = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = rssLine.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        // The command name (field 2) may contain spaces and parentheses: count fields after
        // its closing parenthesis. utime and stime are fields 14 and 15.
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return ProcessStats(residentBytes: kilobytes * 1_024, cpuSeconds: (user + system) / ticksPerSecond)
    }

    /// Voluntary plus involuntary context switches of every thread of `pid`, from
    /// `/proc/<pid>/task/*/status` (threads that ended meanwhile are no longer counted).
    static func contextSwitches(pid: Int32) -> Int? {
        guard let threads = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task") else { return nil }
        var total = 0
        for thread in threads {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/task/\(thread)/status", encoding: .utf8) else { continue }
            total += contextSwitches(status: status)
        }
        return total
    }

    /// `voluntary_ctxt_switches` plus `nonvoluntary_ctxt_switches` of one status file.
    static func contextSwitches(status: String) -> Int {
        status.split(separator: "\n").reduce(0) { total, line in
            guard line.hasPrefix("voluntary_ctxt_switches:") || line.hasPrefix("nonvoluntary_ctxt_switches:") else { return total }
            return total + (line.split(separator: ":").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0)
        }
    }

    /// Busy and total CPU ticks of the whole machine, from the first line of /proc/stat.
    static func machineTicks() -> (busy: Double, total: Double)? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = text.split(separator: "\n").first
        else { return nil }
        let values = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().compactMap { Double($0) }
        guard values.count >= 5 else { return nil }
        let total = values.reduce(0, +)
        // idle and iowait are not busy.
        return (total - values[3] - values[4], total)
    }

    /// This process's own CPU seconds (the load clients' cost).
    static func ownCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
    }
}
