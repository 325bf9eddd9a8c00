import Foundation
import PCRE2

/// A rule set compiled for evaluation: every pattern expanded and
/// JIT-compiled once, the literal prefilter built, field needs worked out.
/// Immutable and shared by every worker.
final class Plan: Sendable {
    struct Pattern: Sendable {
        let id: Int
        let name: String
        let regex: PCRE2Regex
        let fields: [Field]
        /// The fields as a bit set (bit = position in `Field.allCases`).
        let fieldMask: UInt32
        let view: PatternSpec.View
        /// True when the prefilter can rule the pattern out.
        let filterable: Bool
        /// Identical patterns (same expansion, options, view and fields) share a key, so a post
        /// matches them once however many rules use them.
        let memoKey: Int
    }

    struct CompiledRule: Sendable {
        let rule: Rule
        let patternIDs: [String: Int]
        let exceptions: [(spec: ExceptionSpec, id: Int, near: Int?)]
        /// The condition with pattern names resolved to ids.
        let condition: IndexedCondition
        /// Pattern ids named by the condition: their matches are the evidence.
        let evidence: [Int]
        /// Confidence adjustments with pattern ids.
        let adjustments: [(spec: ConfidenceSpec.Adjustment, id: Int)]
        /// Pattern ids at least one of which must match; nil when the rule must always be evaluated.
        let triggers: [Int]?
        /// Every pattern id the rule owns (patterns, exceptions, context).
        let allPatterns: [Int]
    }

    let patterns: [Pattern]
    let rules: [CompiledRule]
    let ruleSet: RuleSet
    let prefilter: AhoCorasick
    /// Atom id → the patterns it makes candidates.
    let atomPatterns: [[Int32]]
    /// Fields any rule reads.
    let fields: [Field]
    /// Names the candidates evidence points to.
    let candidates: CandidateIndex
    /// The number of distinct memo keys.
    let memoKeys: Int
    /// Per profile: a pattern of its context words, to tell apart candidates that share a ballot number.
    let profileContext: [String: PCRE2Regex]
    /// Per profile: the dates around its windows in which a post plausibly concerns it.
    let profilePeriod: [String: ClosedRange<Date>]
    /// Statistics for `rules lint` and the benchmark.
    let atomCount: Int
    let unfilterablePatterns: [String]

    init(ruleSet: RuleSet, options: EngineOptions) throws(EngineError) {
        self.ruleSet = ruleSet
        let expander = PatternExpander(lists: ruleSet.lists, normalizer: options.normalizer)
        let extractor = AtomExtractor(listAtoms: { ref in
            guard let list = ruleSet.lists[ref.list] else { return nil }
            var atoms = Set<String>()
            for entry in list.entries {
                if entry.isRegex {
                    guard let inner = AtomExtractor(listAtoms: { _ in nil }).atoms(of: entry.text) else { return nil }
                    atoms.formUnion(inner)
                } else {
                    let normal = options.normalizer.normalize(entry.text).text
                    guard !normal.isEmpty else { return nil }
                    atoms.insert(normal)
                }
            }
            return atoms.isEmpty ? nil : atoms
        })
        var patterns: [Pattern] = []
        var rules: [CompiledRule] = []
        var atomIndex: [String: Int] = [:]
        var atomPatterns: [[Int32]] = []
        var unfilterable: [String] = []
        var fieldsUsed = Set<Field>()
        var regexCache: [String: PCRE2Regex] = [:]
        var patternCost: [Int: Double] = [:]
        var memo: [String: Int] = [:]

        for rule in ruleSet.rules {
            var ids: [String: Int] = [:]
            var all: [Int] = []
            for spec in rule.patterns + rule.exceptions.map(\.pattern) {
                let expanded: String
                do { expanded = try expander.expand(spec) } catch {
                    throw EngineError(message: "pattern \(spec.name) of \(rule.id): \(error.message)")
                }
                let cacheKey = "\(spec.cased ? "C" : "c")\u{0}\(expanded)"
                let regex: PCRE2Regex
                if let cached = regexCache[cacheKey] { regex = cached } else {
                    regex = try EngineError.wrap("pattern \(spec.name) of \(rule.id)") { () throws(PCRE2Error) in
                        try PCRE2Regex(expanded, options: spec.cased ? [] : .caseless, limits: options.matchLimits)
                    }
                    regexCache[cacheKey] = regex
                }
                let id = patterns.count
                let atoms = spec.view == .normalized ? extractor.atoms(of: spec.regex) : nil
                if let atoms {
                    for atom in atoms {
                        let atomID = atomIndex[atom] ?? {
                            atomIndex[atom] = atomPatterns.count
                            atomPatterns.append([])
                            return atomPatterns.count - 1
                        }()
                        atomPatterns[atomID].append(Int32(id))
                    }
                } else {
                    unfilterable.append("\(rule.id)/\(spec.name)")
                }
                patternCost[patterns.count] = atoms.map(Plan.cost(of:)) ?? .infinity
                let fields = spec.fields ?? rule.fields
                fieldsUsed.formUnion(fields)
                let mask = fields.reduce(UInt32(0)) { $0 | (1 << UInt32(Field.allCases.firstIndex(of: $1)!)) }
                let memoText = "\(cacheKey)\u{0}\(spec.view.rawValue)\u{0}\(mask)"
                let memoKey = memo[memoText] ?? { memo[memoText] = memo.count; return memo.count - 1 }()
                patterns.append(Pattern(id: id, name: spec.name, regex: regex, fields: fields, fieldMask: mask, view: spec.view,
                                        filterable: atoms != nil, memoKey: memoKey))
                ids[spec.name] = id
                all.append(id)
            }
            let triggers = Plan.triggers(of: IndexedCondition(rule.condition, ids: ids), cost: { patternCost[$0] }).map { $0.sorted() }
            rules.append(CompiledRule(
                rule: rule, patternIDs: ids,
                exceptions: rule.exceptions.map { ($0, ids[$0.pattern.name]!, $0.near.flatMap { ids[$0] }) },
                condition: IndexedCondition(rule.condition, ids: ids),
                evidence: rule.condition.patternNames.compactMap { ids[$0] }.sorted(),
                adjustments: rule.confidence.adjustments.compactMap { a in ids[a.pattern].map { (a, $0) } },
                triggers: triggers, allPatterns: all))
        }
        self.patterns = patterns
        self.rules = rules
        self.atomPatterns = atomPatterns
        self.atomCount = atomPatterns.count
        self.unfilterablePatterns = unfilterable
        var needles = [[UInt8]](repeating: [], count: atomIndex.count)
        for (atom, id) in atomIndex { needles[id] = Array(atom.utf8) }
        self.prefilter = AhoCorasick(needles: needles)
        self.fields = Field.allCases.filter(fieldsUsed.contains)
        var context: [String: PCRE2Regex] = [:]
        var period: [String: ClosedRange<Date>] = [:]
        for profile in ruleSet.profiles {
            if !profile.context.isEmpty {
                let list = WordList(name: "profile.context", entries: profile.context.map { WordList.Entry(text: $0) })
                let source = expander.alternation(for: list, view: .normalized, partial: false)
                context[profile.id] = try EngineError.wrap("context of profile \(profile.id)") { () throws(PCRE2Error) in
                    try PCRE2Regex(source, options: .caseless, limits: options.matchLimits)
                }
            }
            if let start = profile.windows.values.map(\.start).min(), let end = profile.windows.values.map(\.end).max() {
                // Two months before the first window to one month after the last.
                period[profile.id] = start.addingTimeInterval(-60 * 86_400)...end.addingTimeInterval(30 * 86_400)
            }
        }
        self.profileContext = context
        self.profilePeriod = period
        self.candidates = CandidateIndex(lists: ruleSet.lists, normalizer: options.normalizer)
        self.memoKeys = memo.count
    }
}


extension Plan {
    /// Words so common in Indonesian posts that a rule triggered by them runs on most posts.
    static let commonWords: Set<String> = [
        "saya", "aku", "kami", "kita", "yang", "dan", "di", "ke", "dari", "ini", "itu", "ada", "untuk", "dengan", "ya",
        "ayo", "yuk", "mari", "pak", "bu", "mas", "ibu", "bapak", "sama", "bersama", "bareng", "foto", "hari", "semangat",
        "mau", "bisa", "sudah", "tidak", "bukan", "jangan", "lagi", "juga", "saja", "top", "best", "baik", "hebat", "keren",
        "mantap", "pagi", "selamat", "terus", "kerja", "jadi", "akan", "tetap", "para", "semua", "seluruh",
    ]

    /// How expensive a pattern is as a prefilter trigger: the more of its atoms are short or
    /// common words, the more posts it lets through.
    static func cost(of atoms: Set<String>) -> Double {
        atoms.reduce(0) { total, atom in
            let length = Double(atom.utf8.count)
            return total + (commonWords.contains(atom) ? 100 : 10 / (length * length))
        }
    }

    /// Patterns of which at least one must match for the condition to hold, choosing, where
    /// the condition allows a choice (`and`, `near`), the set that is cheapest to prefilter on.
    /// Nil when the condition can hold without any match.
    static func triggers(of condition: IndexedCondition, cost: (Int) -> Double?) -> Set<Int>? {
        func price(_ set: Set<Int>) -> Double { set.reduce(0) { $0 + (cost($1) ?? .infinity) } }
        func best(_ options: [Set<Int>]) -> Set<Int>? { options.min { price($0) < price($1) } }
        switch condition {
        case .pattern(let id): return [id]
        case .and(let cs): return best(cs.compactMap { triggers(of: $0, cost: cost) })
        case .or(let cs):
            var union = Set<Int>()
            for c in cs {
                guard let t = triggers(of: c, cost: cost) else { return nil }
                union.formUnion(t)
            }
            return union
        case .near(let a, let b, _): return best([[a], [b]])
        case .count(let id, let op, let k):
            switch op {
            case .greaterOrEqual, .equal: return k >= 1 ? [id] : nil
            case .greater: return k >= 0 ? [id] : nil
            default: return nil
            }
        case .atLeast(let k, let ids): return k >= 1 ? Set(ids) : nil
        case .not, .during, .action: return nil
        case .constant(let value): return value ? nil : []
        }
    }
}
