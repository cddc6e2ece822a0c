import Testing
import WorkbenchPostgres

/// The one-thread deadline table that bounds command time limits and pool waits.
@Suite("DeadlineTimer")
struct DeadlineTimerTests {
    @Test func aWaitEndsAtItsDeadline() async {
        let started = ContinuousClock.now
        #expect(await DeadlineTimer.shared.wait(for: .milliseconds(50)))
        #expect(ContinuousClock.now - started >= .milliseconds(50))
    }

    @Test func aShorterWaitIsNotHeldBehindALongerOne() async {
        let long = Task { await DeadlineTimer.shared.wait(for: .seconds(60)) }
        defer { long.cancel() }
        await Task.yield()
        let started = ContinuousClock.now
        #expect(await DeadlineTimer.shared.wait(for: .milliseconds(100)))
        // Bounded, not fast: the 60 s wait must not decide when the 100 ms one ends.
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func cancellingAWaitEndsItAndSaysSo() async {
        let waiting = Task { await DeadlineTimer.shared.wait(for: .seconds(60)) }
        waiting.cancel()
        #expect(await waiting.value == false)
        let cancelledBefore = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await DeadlineTimer.shared.wait(for: .seconds(60))
        }
        #expect(await cancelledBefore.value == false)
    }
}
