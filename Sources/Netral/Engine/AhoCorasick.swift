/// Finds which of many byte strings occur in a text, in one pass (the
/// Aho–Corasick automaton, built as a DFA over byte classes).
///
/// A needle may be marked to count only at a word start, where the byte before it is not an
/// ASCII letter, digit or `_` (``Atom/isWordByte(_:)``), or at the text's start. The automaton
/// checks that itself: a byte that starts such a needle falls in a class of its own when the byte
/// before it is not a word byte, so that a word-start "i" ends at the start of "ini" and not inside
/// "pilih" (a clean post's one-letter word-start atoms used to be reported about 70 times, to be
/// turned down after).
///
/// Immutable once built and safe to share between threads.
struct AhoCorasick: Sendable {
    /// (0 after a word byte, 256 otherwise) + byte → class; bytes that occur in no needle share class 0.
    private let classOf: [UInt16]
    /// Byte → what to add to the next byte's index into ``classOf``: 0 for a word byte, 256 otherwise.
    private let after: [UInt16]
    private let classCount: Int
    /// Transition table: `delta[state * classCount + class]`, holding the next row offset (see `init`).
    private let delta: [Int32]
    /// Needles ending at each state (including via suffix links), flattened.
    private let outputStart: [Int32]
    private let outputs: [Int32]
    /// The number of needles.
    let count: Int
    /// The size of the transition table in bytes (what the scan loop reads).
    var tableBytes: Int { delta.count * MemoryLayout<Int32>.size + classOf.count * MemoryLayout<UInt16>.size }

    /// `wordStart[i]`: needle `i` counts only at a word start (missing entries: anywhere).
    init(needles: [[UInt8]], wordStart: [Bool] = []) {
        count = needles.count
        // Classes: one per byte some needle holds, and one more per byte that starts a word-start
        // needle, for when it follows a non-word byte.
        var plain = [Int](repeating: 0, count: 256)
        var next = 1
        for needle in needles {
            for byte in needle where plain[Int(byte)] == 0 {
                plain[Int(byte)] = next
                next += 1
            }
        }
        // Classes from here on are word-start classes.
        let plainClasses = next
        var atStart = plain
        for (id, needle) in needles.enumerated() where id < wordStart.count && wordStart[id] {
            if let first = needle.first, atStart[Int(first)] == plain[Int(first)] {
                atStart[Int(first)] = next
                next += 1
            }
        }
        classOf = (plain + atStart).map { UInt16($0) }
        after = (0..<256).map { Atom.isWordByte(UInt8($0)) ? 0 : 256 }
        let width = next
        classCount = width
        // Trie. Each byte of a needle but the first has a known byte before it, hence a known class;
        // the first byte takes its word-start class for a word-start needle, its plain class otherwise.
        var goto: [[Int32]] = [[Int32](repeating: -1, count: width)]
        var out: [[Int32]] = [[]]
        for (id, needle) in needles.enumerated() {
            guard let first = needle.first else { continue }
            let tail = needle.indices.dropFirst().map { Atom.isWordByte(needle[$0 - 1]) ? plain[Int(needle[$0])] : atStart[Int(needle[$0])] }
            let isWordStart = id < wordStart.count && wordStart[id]
            var state = 0
            for c in [isWordStart ? atStart[Int(first)] : plain[Int(first)]] + tail {
                if goto[state][c] < 0 {
                    goto.append([Int32](repeating: -1, count: width))
                    out.append([])
                    goto[state][c] = Int32(goto.count - 1)
                }
                state = Int(goto[state][c])
            }
            out[state].append(Int32(id))
        }
        // Breadth-first: failure links, completed into a DFA. A needle that may start anywhere is
        // in the trie once, under its first byte's plain class; after a non-word byte, where that
        // byte reads in its word-start class, the word-start state fails to the plain state of the
        // same byte, and so finds those needles too (their paths used to be copied under both
        // classes). The plain states of each depth are completed before the word-start ones.
        var fail = [Int32](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for c in 0..<plainClasses {
            if goto[0][c] < 0 { goto[0][c] = 0 } else { fail[Int(goto[0][c])] = 0; queue.append(Int(goto[0][c])) }
        }
        // A word-start class exists because a word-start needle begins with its byte, so the root
        // always has a state for it.
        for byte in 0..<256 where atStart[byte] != plain[byte] {
            let state = Int(goto[0][atStart[byte]])
            fail[state] = goto[0][plain[byte]]
            queue.append(state)
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

    /// One needle occurrence: the needle's id and the offset of its last byte.
    struct Occurrence: Equatable {
        let needle: Int32
        let end: Int32
    }

    /// Occurrences gathered on the stack before they are appended (a 1 KiB buffer).
    private static let block = 128

    /// Appends to `found` each needle occurrence (a word-start needle's only at word starts), once
    /// per occurrence, in text order. A buffer the caller reuses, not a callback: the loop then
    /// makes no call per occurrence, and the caller's bookkeeping runs in a loop of its own.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, into found: inout [Occurrence]) {
        guard count > 0 else { return }
        let width = classCount
        delta.withUnsafeBufferPointer { delta in
        classOf.withUnsafeBufferPointer { classOf in
        after.withUnsafeBufferPointer { after in
        outputStart.withUnsafeBufferPointer { outputStart in
        outputs.withUnsafeBufferPointer { outputs in
        // Occurrences are gathered in a small buffer on the stack and appended from it a block at a
        // time, not one by one (each append checks the array's uniqueness and capacity).
        withUnsafeTemporaryAllocation(of: Occurrence.self, capacity: AhoCorasick.block) { block in
            var row = 0
            // The text's start counts as following a non-word byte.
            var base = 256
            var filled = 0
            for offset in 0..<bytes.count {
                let byte = bytes[offset]
                let next = delta[row &+ Int(classOf[base &+ Int(byte)])]
                base = Int(after[Int(byte)])
                if next >= 0 {
                    row = Int(next)
                    continue
                }
                row = Int(~next)
                let state = row / width
                for k in Int(outputStart[state])..<Int(outputStart[state + 1]) {
                    if filled == block.count {
                        found.append(contentsOf: UnsafeBufferPointer(rebasing: block[0..<filled]))
                        filled = 0
                    }
                    block.initializeElement(at: filled, to: Occurrence(needle: outputs[k], end: Int32(offset)))
                    filled &+= 1
                }
            }
            found.append(contentsOf: UnsafeBufferPointer(rebasing: block[0..<filled]))
        }
        }
        }
        }
        }
        }
    }
}
