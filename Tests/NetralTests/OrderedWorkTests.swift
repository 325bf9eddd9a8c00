import Dispatch
import Foundation
import Testing
@testable import Netral

@Suite("OrderedWork: tasks taken by free workers, outputs in submission order")
struct OrderedWorkTests {
    final class Payload: Sendable {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    @Test func outputsComeBackInSubmissionOrder() {
        let work = OrderedWork<Int, Int>()
        let group = DispatchGroup()
        for _ in 0..<3 {
            group.enter()
            DispatchQueue.global().async {
                while let (number, task) = work.take() {
                    // Tasks take different times, so workers finish out of order.
                    usleep(UInt32(task % 5) * 200)
                    work.finish(number, task * 10)
                }
                group.leave()
            }
        }
        var outputs: [Int] = []
        for task in 0..<200 { work.submit(task) }
        work.close()
        for number in 0..<200 { outputs.append(work.output(number)) }
        group.wait()
        #expect(outputs == (0..<200).map { $0 * 10 })
    }

    /// A task is let go once a worker takes it, not kept until the queue empties: a long batch
    /// whose queue never empties would otherwise hold every line it has read.
    @Test func aTakenTaskIsReleasedWhileOthersStayQueued() {
        let work = OrderedWork<Payload, Int>()
        weak var first: Payload?
        do {
            let payload = Payload(1)
            first = payload
            work.submit(payload)
        }
        work.submit(Payload(2))
        if let (number, task) = work.take() { work.finish(number, task.value) }
        #expect(work.output(0) == 1)
        #expect(first == nil, "the first task is still referenced while the second waits")
        work.cancel()
        #expect(work.take() == nil)
    }

    @Test func cancelDropsWhatNoWorkerTook() {
        let work = OrderedWork<Int, Int>()
        for task in 0..<10 { work.submit(task) }
        let taken = work.take()
        #expect(taken?.number == 0 && taken?.task == 0)
        work.cancel()
        #expect(work.take() == nil)
    }
}
