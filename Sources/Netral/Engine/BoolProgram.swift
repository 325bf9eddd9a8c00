/// A boolean formula flattened to an array in prefix order, so that evaluating it allocates
/// nothing and retains nothing, and stops as soon as the outcome is known: the one form of both
/// prefilter formulas, a pattern's atom filter (``FilterProgram``, whose leaves are atom groups)
/// and a rule's gate (``Gate``, whose leaves are patterns and `during`/`action` conditions). What
/// a leaf stands for is its owner's business.
///
/// A conjunction whose first part is false is false without reading the rest, and an
/// alternation with a true branch is true: most of a clean post's filters are decided by
/// their first leaf.
enum BoolProgram {
    enum Op: Sendable, Equatable {
        /// The value of a leaf.
        case leaf(Int32)
        /// A constant.
        case constant(Bool)
        /// The `count` formulas that follow (up to index `end`): true when at least `need` of
        /// them hold (`need == count`: all; `need == 1`: any).
        case atLeast(need: Int32, count: Int32, end: Int32)
    }

    /// An open `atLeast` while it is evaluated: how many parts are left and how many held.
    struct Frame {
        var need: Int32
        var left: Int32
        var yes: Int32
        var end: Int32
    }

    /// Appends the formula `body` writes as an `atLeast(need:)` of `count` parts to `ops`;
    /// `body` appends the parts.
    static func emitAtLeast(need: Int, count: Int, into ops: inout [Op], _ body: (inout [Op]) -> Void) {
        let at = ops.count
        ops.append(.constant(false))
        body(&ops)
        ops[at] = .atLeast(need: Int32(need), count: Int32(count), end: Int32(ops.count))
    }

    /// The frames ``holds(_:_:frames:leaf:)`` needs for `ops`: at most one per operation.
    static func depth(of ops: some Collection<Op>) -> Int { max(1, ops.count) }

    /// Evaluates the formula in `ops[range]`; `leaf` gives a leaf's value (and is not asked for
    /// leaves the outcome does not depend on); `frames` holds at least ``depth(of:)`` frames. An
    /// empty program holds.
    @inline(__always)
    static func holds(_ ops: [Op], _ range: Range<Int>, frames: UnsafeMutableBufferPointer<Frame>, leaf: (Int32) -> Bool) -> Bool {
        ops.withUnsafeBufferPointer { ops in
            var open = 0
            var i = range.lowerBound
            while i < range.upperBound {
                var value: Bool
                switch ops[i] {
                case .leaf(let n):
                    value = leaf(n)
                    i += 1
                case .constant(let v):
                    value = v
                    i += 1
                case .atLeast(let need, let count, let end):
                    if count > 0 {
                        frames[open] = Frame(need: need, left: count, yes: 0, end: end)
                        open += 1
                        i += 1
                        continue
                    }
                    value = need <= 0
                    i = Int(end)
                }
                // The value is one more part of the innermost open formula: when that decides it,
                // the rest of its parts are skipped and its value goes to the one around it.
                while open > 0 {
                    var frame = frames[open - 1]
                    frame.left -= 1
                    if value { frame.yes += 1 }
                    if frame.yes >= frame.need {
                        value = true
                    } else if frame.yes + frame.left < frame.need {
                        value = false
                    } else {
                        frames[open - 1] = frame
                        break
                    }
                    i = Int(frame.end)
                    open -= 1
                }
                if open == 0 { return value }
            }
            return true
        }
    }
}
