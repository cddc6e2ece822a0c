import Foundation

/// The batches still to load, shared by the loading threads, with the progress so far and the
/// first failure (after which no more batches are handed out).
final class SeedBatchQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [SeedBatch]
    private var members = 0
    private var cases = 0
    private var events = 0
    private var firstFailure: (any Error)?

    init(_ batches: [SeedBatch]) {
        pending = batches.reversed()
    }

    /// The next batch, or nil when all are handed out or one failed.
    func next() -> SeedBatch? {
        lock.withLock { firstFailure == nil ? pending.popLast() : nil }
    }

    func finished(_ batch: SeedBatch) {
        lock.withLock {
            switch batch {
            case .members(let range): members += range.count
            case .cases(let range): cases += range.count
            }
        }
    }

    func addEvents(_ count: Int) {
        lock.withLock { events += count }
    }

    func fail(_ error: any Error) {
        lock.withLock { firstFailure = firstFailure ?? error }
    }

    var failure: (any Error)? { lock.withLock { firstFailure } }

    /// Rows committed so far.
    var progress: (members: Int, cases: Int, events: Int) { lock.withLock { (members, cases, events) } }
}
