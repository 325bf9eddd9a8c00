/// A boolean formula flattened to postfix, so that evaluating it allocates nothing and retains
/// nothing: the one form of both prefilter formulas, a pattern's atom filter
/// (``FilterProgram``, whose leaves are atom groups) and a rule's gate (``Gate``, whose leaves are
/// patterns and `during`/`action` conditions). What a leaf stands for is its owner's business.
enum Postfix {
    enum Op: Sendable, Equatable {
        /// Pushes the value of a leaf.
        case leaf(Int32)
        /// Pushes a constant.
        case constant(Bool)
        /// Pops `count` values; pushes true when at least `need` of them are true
        /// (`need == count`: all; `need == 1`: any).
        case atLeast(need: Int32, count: Int32)
    }

    /// The stack depth `ops` needs: at most one slot per operation.
    static func depth(of ops: some Collection<Op>) -> Int { max(1, ops.count) }

    /// Evaluates `ops[range]`; `leaf` gives a leaf's value; `stack` holds at least
    /// ``depth(of:)`` values. An empty program holds.
    @inline(__always)
    static func holds(_ ops: [Op], _ range: Range<Int>, stack: UnsafeMutableBufferPointer<Bool>, leaf: (Int32) -> Bool) -> Bool {
        var top = 0
        for index in range {
            switch ops[index] {
            case .leaf(let n):
                stack[top] = leaf(n)
                top += 1
            case .constant(let value):
                stack[top] = value
                top += 1
            case .atLeast(let need, let count):
                let base = top - Int(count)
                var yes: Int32 = 0
                for k in base..<top where stack[k] {
                    yes += 1
                    if yes >= need { break }
                }
                stack[base] = yes >= need
                top = base + 1
            }
        }
        return top == 0 || stack[0]
    }
}
