/// Finds which of many byte strings occur in a text, in one pass (the
/// Aho–Corasick automaton, built as a DFA over byte classes).
///
/// Immutable once built and safe to share between threads.
struct AhoCorasick: Sendable {
    /// Byte → class; bytes that occur in no needle share class 0.
    private let classOf: [UInt8]
    private let classCount: Int
    /// Transition table: `delta[state * classCount + class]`, holding the next row offset (see `init`).
    private let delta: [Int32]
    /// Needles ending at each state (including via suffix links), flattened.
    private let outputStart: [Int32]
    private let outputs: [Int32]
    /// The number of needles.
    let count: Int
    /// The size of the transition table in bytes (what the scan loop reads).
    var tableBytes: Int { delta.count * MemoryLayout<Int32>.size + classOf.count }

    init(needles: [[UInt8]]) {
        count = needles.count
        var classes = [UInt8](repeating: 0, count: 256)
        var next: UInt8 = 1
        for needle in needles {
            for byte in needle where classes[Int(byte)] == 0 {
                classes[Int(byte)] = next
                next = next == 255 ? 255 : next + 1
            }
        }
        classOf = classes
        let width = Int(next)
        classCount = width
        // Trie.
        var goto: [[Int32]] = [[Int32](repeating: -1, count: width)]
        var out: [[Int32]] = [[]]
        for (id, needle) in needles.enumerated() {
            var state = 0
            for byte in needle {
                let c = Int(classes[Int(byte)])
                if goto[state][c] < 0 {
                    goto.append([Int32](repeating: -1, count: width))
                    out.append([])
                    goto[state][c] = Int32(goto.count - 1)
                }
                state = Int(goto[state][c])
            }
            out[state].append(Int32(id))
        }
        // Breadth-first: failure links, completed into a DFA.
        var fail = [Int32](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for c in 0..<width {
            if goto[0][c] < 0 { goto[0][c] = 0 } else { fail[Int(goto[0][c])] = 0; queue.append(Int(goto[0][c])) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            out[state].append(contentsOf: out[Int(fail[state])])
            for c in 0..<width {
                let child = goto[state][c]
                if child < 0 {
                    goto[state][c] = goto[Int(fail[state])][c]
                } else {
                    fail[Int(child)] = goto[Int(fail[state])][c]
                    queue.append(Int(child))
                }
            }
        }
        // States renumbered breadth-first: the shallow states, where a scan spends most of its
        // time, then share cache lines.
        let order = [0] + queue
        var number = [Int32](repeating: 0, count: goto.count)
        for (new, old) in order.enumerated() { number[old] = Int32(new) }
        // Transitions hold the next state's row offset (state × classCount), negated (bitwise) when
        // that state ends a needle, so the scan loop needs no multiplication and one sign test.
        let outs = order.map { Set(out[$0]).sorted() }
        delta = order.flatMap { old in
            goto[old].map { next in
                let state = number[Int(next)]
                let offset = state * Int32(width)
                return outs[Int(state)].isEmpty ? offset : ~offset
            }
        }
        var starts: [Int32] = [0]
        var flat: [Int32] = []
        for o in outs {
            flat.append(contentsOf: o)
            starts.append(Int32(flat.count))
        }
        outputStart = starts
        outputs = flat
    }

    /// Calls `found` with the id of each needle occurrence and the offset of its last byte
    /// (a needle may be reported more than once).
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ found: (_ needle: Int, _ end: Int) -> Void) {
        guard count > 0 else { return }
        let width = classCount
        delta.withUnsafeBufferPointer { delta in
            classOf.withUnsafeBufferPointer { classOf in
                outputStart.withUnsafeBufferPointer { outputStart in
                    outputs.withUnsafeBufferPointer { outputs in
                        var row = 0
                        for (offset, byte) in bytes.enumerated() {
                            let next = delta[row &+ Int(classOf[Int(byte)])]
                            if next >= 0 {
                                row = Int(next)
                                continue
                            }
                            row = Int(~next)
                            let state = row / width
                            for k in Int(outputStart[state])..<Int(outputStart[state + 1]) { found(Int(outputs[k]), offset) }
                        }
                    }
                }
            }
        }
    }
}
