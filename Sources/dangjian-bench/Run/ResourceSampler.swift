import Foundation

/// Samples the daemon's memory and CPU from /proc every 200 ms on its own thread while the
/// load runs.
final class ResourceSampler: @unchecked Sendable {
    private let pid: Int32
    private let lock = NSLock()
    private var stopped = false
    private var peakBytes = 0
    private let finished = DispatchSemaphore(value: 0)

    init(pid: Int32) {
        self.pid = pid
    }

    /// Starts sampling.
    func start() {
        let thread = Thread { [self] in
            while !lock.withLock({ stopped }) {
                if let stats = ProcessStats.read(pid: pid) {
                    lock.withLock { peakBytes = max(peakBytes, stats.residentBytes) }
                }
                Thread.sleep(forTimeInterval: 0.2)
            }
            finished.signal()
        }
        thread.start()
    }

    /// Stops sampling and returns the highest resident size seen, in bytes.
    func stop() -> Int {
        lock.withLock { stopped = true }
        finished.wait()
        if let last = ProcessStats.read(pid: pid) { lock.withLock { peakBytes = max(peakBytes, last.residentBytes) } }
        return lock.withLock { peakBytes }
    }
}
