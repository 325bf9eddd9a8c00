import Foundation

/// A rule's condition as a flat array of nodes in prefix order, the form the evaluator walks for
/// every rule on every post.
///
/// The tree form (``IndexedCondition``) keeps its children in arrays behind indirect boxes, and
/// walking it retains and releases them at every step. Here a node is a few integers: `and`,
/// `or` and `not` find their first child at the next index and step over each child's subtree by
/// its ``Node/end``, stopping early exactly where the tree form does. The profiles' date windows
/// that `during()` reads are looked up once, here, instead of by name on every post.
struct ConditionProgram: Sendable {
    enum Kind: UInt8, Sendable {
        case pattern, and, or, not, near, count, atLeast, during, action, constant
    }

    struct Node: Sendable {
        let kind: Kind
        /// pattern, near, count: the (first) pattern id; atLeast: how many; action: the actions as
        /// bits (see ``Plan/bit(of:)``); constant: 1 for true; during: the first of its ``windows``.
        let a: Int32
        /// near: the second pattern id; count: the number compared with; atLeast: the first of its
        /// ``ids``; during: one past its last window.
        let b: Int32
        /// near: the words allowed between; atLeast: one past its last id.
        let c: Int32
        /// count: how the match count compares with `b`.
        let comparison: Condition.Comparison
        /// One past the last node of this node's subtree: where its next sibling starts.
        let end: Int32
    }

    /// A date window `during()` accepts: a profile's id and that profile's interval of the window.
    struct Window: Sendable {
        let profile: String
        let interval: DateInterval
    }

    let nodes: [Node]
    /// The pattern ids of every `atLeast` node.
    let ids: [Int32]
    /// The windows of every `during` node.
    let windows: [Window]

    /// Flattens `condition`; `profiles` gives the date windows `during()` names.
    init(_ condition: IndexedCondition, profiles: [ElectionProfile]) {
        var nodes: [Node] = [], ids: [Int32] = [], windows: [Window] = []
        func emit(_ condition: IndexedCondition) {
            let at = nodes.count
            var kind = Kind.constant, a: Int32 = 0, b: Int32 = 0, c: Int32 = 0, comparison = Condition.Comparison.equal
            // A placeholder, replaced once the children (and so the end) are known.
            nodes.append(Node(kind: .constant, a: 0, b: 0, c: 0, comparison: .equal, end: 0))
            switch condition {
            case .pattern(let id): (kind, a) = (.pattern, Int32(id))
            case .and(let children), .or(let children):
                kind = if case .and = condition { .and } else { .or }
                children.forEach(emit)
            case .not(let child):
                kind = .not
                emit(child)
            case .near(let first, let second, let words): (kind, a, b, c) = (.near, Int32(first), Int32(second), Int32(words))
            case .count(let id, let op, let k): (kind, a, b, comparison) = (.count, Int32(id), Int32(k), op)
            case .atLeast(let k, let patterns):
                (kind, a, b) = (.atLeast, Int32(k), Int32(ids.count))
                ids.append(contentsOf: patterns.map { Int32($0) })
                c = Int32(ids.count)
            case .during(let window):
                (kind, a) = (.during, Int32(windows.count))
                for profile in profiles {
                    if let interval = profile.windows[window] { windows.append(Window(profile: profile.id, interval: interval)) }
                }
                b = Int32(windows.count)
            case .action(let actions): (kind, a) = (.action, Int32(bitPattern: actions.reduce(0) { $0 | Plan.bit(of: $1) }))
            case .constant(let value): a = value ? 1 : 0
            }
            nodes[at] = Node(kind: kind, a: a, b: b, c: c, comparison: comparison, end: Int32(nodes.count))
        }
        emit(condition)
        self.nodes = nodes
        self.ids = ids
        self.windows = windows
    }

    /// Evaluates the condition against what `context` knows of the post.
    func holds<Context: ConditionContext>(_ context: inout Context) -> Bool {
        holds(at: 0, &context)
    }

    private func holds<Context: ConditionContext>(at index: Int, _ context: inout Context) -> Bool {
        let node = nodes[index]
        switch node.kind {
        case .pattern: return context.matchCount(Int(node.a)) > 0
        case .and, .or:
            let wanted = node.kind == .or
            var child = index + 1
            while child < Int(node.end) {
                if holds(at: child, &context) == wanted { return wanted }
                child = Int(nodes[child].end)
            }
            return !wanted
        case .not: return !holds(at: index + 1, &context)
        case .near: return context.near(Int(node.a), Int(node.b), words: Int(node.c))
        case .count: return node.comparison.holds(context.matchCount(Int(node.a)), Int(node.b))
        case .atLeast:
            // Every pattern is asked, as the tree form does (each may have to be run, and may fail).
            var found = 0
            for k in Int(node.b)..<Int(node.c) where context.matchCount(Int(ids[k])) > 0 { found += 1 }
            return found >= Int(node.a)
        case .during:
            guard let date = context.date else { return false }
            if context.lenientDates { return true }
            for k in Int(node.a)..<Int(node.b) where context.allows(profile: windows[k].profile) && windows[k].interval.contains(date) {
                return true
            }
            return false
        case .action: return UInt32(bitPattern: node.a) & context.actionBit != 0
        case .constant: return node.a != 0
        }
    }
}

/// What a ``ConditionProgram`` asks of the post it is evaluated on.
protocol ConditionContext {
    /// The number of matches of pattern `id` (running the pattern first if need be).
    mutating func matchCount(_ id: Int) -> Int
    /// True when a match of pattern `a` and one of pattern `b` in the same field are at most `words` words apart.
    mutating func near(_ a: Int, _ b: Int, words: Int) -> Bool
    /// The post's action as a bit (see ``Plan/bit(of:)``).
    var actionBit: UInt32 { get }
    /// The post's date.
    var date: Date? { get }
    /// True when `during()` is to hold whenever the post has a date (before the evidence names the profiles).
    var lenientDates: Bool { get }
    /// True when `during()` may read the windows of `profile`.
    func allows(profile: String) -> Bool
}
