import Dispatch
import Foundation

/// CPU use over the measured window: the daemon's, this process's (the load clients') and the
/// whole machine's, read at the window's start and end.
final class WindowCPU: @unchecked Sendable {
    private struct Reading {
        var daemon: Double
        var daemonContextSwitches: Int
        var own: Double
        var machineBusyTicks: Double
        var machineTotalTicks: Double
    }

    private let daemonPID: Int32
    private var readings: [Reading] = []

    init(daemonPID: Int32) {
        self.daemonPID = daemonPID
    }

    /// Sleeps until `instant` (a `DispatchTime` uptime in nanoseconds) and takes a reading.
    func mark(at instant: UInt64) {
        let now = DispatchTime.now().uptimeNanoseconds
        if instant > now { Thread.sleep(forTimeInterval: Double(instant - now) / 1e9) }
        let machine = ProcessStats.machineTicks() ?? (0, 0)
        readings.append(
            Reading(
                daemon: ProcessStats.read(pid: daemonPID)?.cpuSeconds ?? 0, daemonContextSwitches: ProcessStats.contextSwitches(pid: daemonPID) ?? 0,
                own: ProcessStats.ownCPUSeconds(),
                machineBusyTicks: machine.busy, machineTotalTicks: machine.total
            )
        )
    }

    /// The daemon's CPU seconds between the two readings.
    var daemonSeconds: Double {
        guard readings.count == 2 else { return 0 }
        return readings[1].daemon - readings[0].daemon
    }

    /// The context switches of the daemon's threads between the two readings.
    var daemonContextSwitches: Int {
        guard readings.count == 2 else { return 0 }
        return readings[1].daemonContextSwitches - readings[0].daemonContextSwitches
    }

    /// The shares over a window of `seconds`, in percent of one core.
    func use(seconds: Double) -> RunReport.CPUUse {
        guard readings.count == 2, seconds > 0 else { return .init(machineBusyPercent: 0, daemonPercent: 0, loadClientsPercent: 0, otherPercent: 0) }
        let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
        let totalTicks = readings[1].machineTotalTicks - readings[0].machineTotalTicks
        let busy = totalTicks > 0 ? (readings[1].machineBusyTicks - readings[0].machineBusyTicks) / totalTicks * cores * 100 : 0
        let daemon = daemonSeconds / seconds * 100
        let clients = (readings[1].own - readings[0].own) / seconds * 100
        return .init(machineBusyPercent: busy, daemonPercent: daemon, loadClientsPercent: clients, otherPercent: max(0, busy - daemon - clients))
    }
}
