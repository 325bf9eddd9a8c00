/// When a rule fires, over its named patterns: a small boolean language.
///
/// ```text
/// ajakan and kandidat and not berita
/// near(ajakan, nomor, 3) or 2 of (slogan, tagar, gestur)
/// count(kandidat) >= 2 and during(campaign)
/// ```
public indirect enum Condition: Sendable, Hashable, CustomStringConvertible {
    /// The named pattern matched at least once (after exceptions).
    case pattern(String)
    /// Every operand holds.
    case and([Condition])
    /// Some operand holds.
    case or([Condition])
    /// The operand does not hold.
    case not(Condition)
    /// A match of the first pattern lies within `words` words of a match of the second, in the same field.
    case near(String, String, words: Int)
    /// The pattern's match count compared with a number.
    case count(String, Comparison, Int)
    /// At least `n` of the named patterns matched.
    case atLeast(Int, [String])
    /// The post was made inside the named window (campaign, quiet, voting, ...) of an active profile.
    case during(String)
    /// The post's action is one of these.
    case action([Action])
    /// Always true or always false.
    case constant(Bool)

    /// A comparison operator for counts.
    public enum Comparison: String, Sendable, Hashable {
        case greaterOrEqual = ">=", greater = ">", equal = "==", less = "<", lessOrEqual = "<=", notEqual = "!="

        func holds(_ a: Int, _ b: Int) -> Bool {
            switch self {
            case .greaterOrEqual: return a >= b
            case .greater: return a > b
            case .equal: return a == b
            case .less: return a < b
            case .lessOrEqual: return a <= b
            case .notEqual: return a != b
            }
        }
    }

    /// Every pattern name the condition mentions.
    public var patternNames: Set<String> {
        switch self {
        case .pattern(let n): return [n]
        case .and(let cs), .or(let cs): return cs.reduce(into: Set<String>()) { $0.formUnion($1.patternNames) }
        case .not(let c): return c.patternNames
        case .near(let a, let b, _): return [a, b]
        case .count(let n, _, _): return [n]
        case .atLeast(_, let ns): return Set(ns)
        case .during, .action, .constant: return []
        }
    }

    /// The condition written back in the rule language.
    public var description: String {
        switch self {
        case .pattern(let n): return n
        case .and(let cs): return "(" + cs.map(\.description).joined(separator: " and ") + ")"
        case .or(let cs): return "(" + cs.map(\.description).joined(separator: " or ") + ")"
        case .not(let c): return "not \(c)"
        case .near(let a, let b, let w): return "near(\(a), \(b), \(w))"
        case .count(let n, let op, let k): return "count(\(n)) \(op.rawValue) \(k)"
        case .atLeast(let k, let ns): return "\(k) of (\(ns.joined(separator: ", ")))"
        case .during(let w): return "during(\(w))"
        case .action(let a): return "action(\(a.map(\.rawValue).joined(separator: ", ")))"
        case .constant(let v): return v ? "true" : "false"
        }
    }
}
