/// What a rule's condition needs from the prefilter before any pattern is worth running: a
/// boolean formula over "this pattern is a candidate" (one of its literal atoms occurs in the
/// post), in the spirit of RE2's FilteredRE2. `and(a, b)` and `near(a, b)` need both `a` and `b`,
/// `or` needs one branch, `2 of (a, b, c)` needs two candidates; what the prefilter cannot judge
/// (`not`, counts that hold with zero matches) is taken as possible. `during()` and `action()`
/// outside a `not` are judged from the post itself (date, action) as the evaluator would.
///
/// The formula is sound: when it is false, the condition is false whatever the patterns match,
/// because a pattern that is not a candidate has no match. It is stored as a ``BoolProgram``,
/// as the patterns' atom filters are, so that checking it for every rule on every post
/// allocates nothing and asks about as few patterns as the outcome needs.
struct Gate: Sendable {
    /// The program: leaf n ≥ 0 is "pattern n is a candidate", leaf ~n (negative) is
    /// `externals[n]` (a `during` or `action` condition) holds for the post.
    let program: [BoolProgram.Op]
    /// The `during()` and `action()` conditions the program reads.
    let externals: [IndexedCondition]
    private let tree: Node?

    init(_ condition: IndexedCondition) {
        var program: [BoolProgram.Op] = []
        var externals: [IndexedCondition] = []
        let tree = Gate.simplify(condition)
        Gate.emit(tree, into: &program, externals: &externals)
        self.program = program
        self.externals = externals
        self.tree = tree
    }

    /// Patterns at least one of which must be a candidate for the gate to pass; nil when the gate
    /// can pass with none. The plan indexes rules by these, so that a post only visits the rules
    /// some of whose literals it contains. Where every part of an `and` must pass, any part's set
    /// will do: the one of least `cost` (the plan's estimate of how often a pattern is a candidate).
    func necessary(cost: (Int) -> Double) -> Set<Int>? {
        tree.flatMap { Gate.necessary($0, cost: cost) }
    }

    private static func necessary(_ node: Node, cost: (Int) -> Double) -> Set<Int>? {
        switch node {
        case .pattern(let id): return [id]
        case .never: return []
        case .external: return nil
        case .atLeast(let k, let parts):
            let sets = parts.map { necessary($0, cost: cost) }
            if k == parts.count {
                func price(_ set: Set<Int>) -> Double { set.reduce(0) { $0 + cost($1) } }
                return sets.compactMap { $0 }.min { price($0) < price($1) }
            }
            // Fewer than all: one of the parts that pass is among any n - k + 1 of them; use them all.
            var union = Set<Int>()
            for set in sets {
                guard let set else { return nil }
                union.formUnion(set)
            }
            return union
        }
    }

    /// The gate as a tree, with constants folded: `nil` stands for "always possible".
    private indirect enum Node: Sendable {
        case pattern(Int)
        case external(IndexedCondition)
        case atLeast(Int, [Node])
        case never
    }

    private static func simplify(_ condition: IndexedCondition) -> Node? {
        switch condition {
        case .pattern(let id): return .pattern(id)
        case .and(let cs): return all(cs.map(simplify))
        case .or(let cs):
            var parts: [Node] = []
            for c in cs {
                guard let node = simplify(c) else { return nil }
                if case .never = node { continue }
                parts.append(node)
            }
            return parts.isEmpty ? .never : parts.count == 1 ? parts[0] : .atLeast(1, parts)
        case .near(let a, let b, _): return all([.pattern(a), .pattern(b)])
        case .count(let id, let op, let k):
            switch op {
            case .greaterOrEqual, .equal: return k >= 1 ? .pattern(id) : nil
            case .greater: return k >= 0 ? .pattern(id) : nil
            default: return nil
            }
        case .atLeast(let k, let ids):
            if k <= 0 { return nil }
            if k > ids.count { return .never }
            return ids.count == 1 ? .pattern(ids[0]) : .atLeast(k, ids.map { .pattern($0) })
        case .during, .action: return .external(condition)
        case .not: return nil
        case .constant(let value): return value ? nil : .never
        }
    }

    private static func all(_ nodes: [Node?]) -> Node? {
        let parts = nodes.compactMap { $0 }
        if parts.contains(where: { if case .never = $0 { return true } else { return false } }) { return .never }
        if parts.isEmpty { return nil }
        return parts.count == 1 ? parts[0] : .atLeast(parts.count, parts)
    }

    private static func emit(_ node: Node?, into program: inout [BoolProgram.Op], externals: inout [IndexedCondition]) {
        switch node {
        case nil: program.append(.constant(true))
        case .never: program.append(.constant(false))
        case .pattern(let id): program.append(.leaf(Int32(id)))
        case .external(let condition):
            program.append(.leaf(~Int32(externals.count)))
            externals.append(condition)
        case .atLeast(let k, let parts):
            BoolProgram.emitAtLeast(need: k, count: parts.count, into: &program) { program in
                for part in parts { emit(part, into: &program, externals: &externals) }
            }
        }
    }

    /// Evaluates the gate; `holds(n)` judges `externals[n]`, a `during` or `action` condition;
    /// `frames` is scratch space of at least ``depth`` frames.
    func allows(_ isCandidate: (Int) -> Bool, holds: (Int) -> Bool, frames: UnsafeMutableBufferPointer<BoolProgram.Frame>) -> Bool {
        BoolProgram.holds(program, program.indices, frames: frames) { n in n >= 0 ? isCandidate(Int(n)) : holds(Int(~n)) }
    }

    /// The frames ``allows(_:holds:frames:)`` needs.
    var depth: Int { BoolProgram.depth(of: program) }

    /// The patterns the gate reads (for explaining why a rule was skipped).
    var patternIDs: [Int] {
        program.compactMap { if case .leaf(let n) = $0, n >= 0 { return Int(n) } else { return nil } }
    }
}
