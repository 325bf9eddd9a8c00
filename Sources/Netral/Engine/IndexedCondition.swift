/// A ``Condition`` with its pattern names resolved to the plan's pattern ids: the tree the plan
/// analyses (the rule's ``Gate``, whether it is monotone, whether it reads dates) and compiles into
/// the ``ConditionProgram`` the evaluator walks.
indirect enum IndexedCondition: Sendable {
    case pattern(Int)
    case and([IndexedCondition])
    case or([IndexedCondition])
    case not(IndexedCondition)
    case near(Int, Int, words: Int)
    case count(Int, Condition.Comparison, Int)
    case atLeast(Int, [Int])
    case during(String)
    case action([Action])
    case constant(Bool)

    /// True when the condition has no `not`: removing matches can then only make it false, so
    /// it can be checked before exceptions run, to stop early.
    var isMonotone: Bool {
        switch self {
        case .not: return false
        case .and(let cs), .or(let cs): return cs.allSatisfy(\.isMonotone)
        default: return true
        }
    }

    /// True when the condition contains `during()`.
    var hasDuring: Bool {
        switch self {
        case .during: return true
        case .and(let cs), .or(let cs): return cs.contains(where: \.hasDuring)
        case .not(let c): return c.hasDuring
        default: return false
        }
    }

    /// Resolves names; a name the rule does not define (the loader rejects those) never matches.
    init(_ condition: Condition, ids: [String: Int]) {
        func id(_ name: String) -> Int { ids[name] ?? -1 }
        switch condition {
        case .pattern(let n): self = .pattern(id(n))
        case .and(let cs): self = .and(cs.map { IndexedCondition($0, ids: ids) })
        case .or(let cs): self = .or(cs.map { IndexedCondition($0, ids: ids) })
        case .not(let c): self = .not(IndexedCondition(c, ids: ids))
        case .near(let a, let b, let w): self = .near(id(a), id(b), words: w)
        case .count(let n, let op, let k): self = .count(id(n), op, k)
        case .atLeast(let k, let ns): self = .atLeast(k, ns.map(id))
        case .during(let w): self = .during(w)
        case .action(let a): self = .action(a)
        case .constant(let v): self = .constant(v)
        }
    }
}
