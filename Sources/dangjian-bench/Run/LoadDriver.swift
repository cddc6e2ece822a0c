import Dispatch
import Foundation

/// Runs load clients, each on its own thread with its own connection, against a socket for a
/// warm-up and then the measured seconds, and merges what they saw.
struct LoadDriver {
    /// Concurrent client connections.
    var clients: Int
    /// Measured seconds.
    var seconds: Int
    /// Seconds of load before measuring starts (not counted).
    var warmup: Int
    /// Requests each client sends before reading their replies.
    var pipeline: Int

    /// What the daemon used during the measured window.
    struct Resources {
        var peakBytes: Int
        var daemonCPUSeconds: Double
        var daemonContextSwitches: Int
        var cpu: RunReport.CPUUse
    }

    /// Runs `clients` load clients against `socketPath` for the warm-up and the measured
    /// seconds; with a `daemonPID`, its memory, CPU and context switches are read meanwhile.
    func drive<Framing: ReplyFraming>(
        socketPath: String, framing: Framing, lineEnd: String, daemonPID: Int32?, generator: (Int) -> RequestGenerator
    ) -> (ClientTally, Resources) {
        let start = DispatchTime.now().uptimeNanoseconds
        let warmupEnds = start + UInt64(warmup) * 1_000_000_000
        let deadline = warmupEnds + UInt64(seconds) * 1_000_000_000
        let sampler = daemonPID.map { ResourceSampler(pid: $0) }
        sampler?.start()
        let merged = TallyCollector()
        let group = DispatchGroup()
        // Window figures, taken when the warm-up ends and when the deadline passes.
        let window = WindowCPU(daemonPID: daemonPID ?? 0)
        for index in 0..<clients {
            group.enter()
            let client = LoadClient(
                index: index, socketPath: socketPath, framing: framing, lineEnd: lineEnd, generator: generator(index),
                pipeline: pipeline, warmupEnds: warmupEnds, deadline: deadline
            )
            let thread = Thread {
                merged.add(client.run())
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        window.mark(at: warmupEnds)
        window.mark(at: deadline)
        group.wait()
        let peak = sampler?.stop() ?? 0
        return (
            merged.total,
            Resources(
                peakBytes: peak, daemonCPUSeconds: window.daemonSeconds, daemonContextSwitches: window.daemonContextSwitches,
                cpu: window.use(seconds: Double(seconds))
            )
        )
    }
}
