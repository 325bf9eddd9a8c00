import Foundation

/// Tasks numbered in the order they are submitted, taken by worker threads as each comes free,
/// and their results handed back in that order.
///
/// A batch keeps every worker busy this way, with no barrier between chunks: a worker that
/// finishes its task takes the next one instead of waiting for the others to finish theirs. The
/// submitter bounds memory by how far it lets submissions run ahead of the results it has taken.
final class OrderedWork<Input, Output>: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    /// The tasks not taken yet (a few: as many as the submitter lets run ahead). A task leaves
    /// the queue when taken, so that its memory goes with its output.
    private var queue: [Input] = []
    /// The number of the task at `queue[0]`.
    private var nextNumber = 0
    private var finished: [Int: Output] = [:]
    private var closed = false

    /// Adds a task; its number is the count of tasks submitted before it.
    func submit(_ task: Input) {
        condition.lock()
        queue.append(task)
        condition.signal()
        condition.unlock()
    }

    /// No more tasks will come: workers stop once the queue is empty.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Drops the tasks no worker has taken and closes (when the submitter gives up early).
    func cancel() {
        condition.lock()
        nextNumber += queue.count
        queue.removeAll()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// For a worker: the next task and its number, waiting for one; nil once closed and empty.
    func take() -> (number: Int, task: Input)? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty {
            if closed { return nil }
            condition.wait()
        }
        let number = nextNumber
        nextNumber += 1
        return (number, queue.removeFirst())
    }

    /// For a worker: the output of task `number`.
    func finish(_ number: Int, _ output: Output) {
        condition.lock()
        finished[number] = output
        condition.broadcast()
        condition.unlock()
    }

    /// For the submitter: the output of task `number`, once a worker has finished it.
    func output(_ number: Int) -> Output {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let output = finished.removeValue(forKey: number) { return output }
            condition.wait()
        }
    }
}
