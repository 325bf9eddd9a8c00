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
        let view: PatternSpec.View
        /// True when the prefilter can rule the pattern out.
        let filterable: Bool
        /// Labelled list entries the pattern references, to name the candidate a match points to.
        let labelled: [LabelledEntry]
    }

    struct LabelledEntry: Sendable {
        let regex: PCRE2Regex
        let label: String
        let profile: String?
    }

    struct CompiledRule: Sendable {
        let rule: Rule
        let patternIDs: [String: Int]
        let exceptions: [(spec: ExceptionSpec, id: Int)]
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
    /// Labelled entries of the candidate lists, to name the candidate of evidence whose own
    /// pattern references no labelled list ("paslon 2" matched by a generic number pattern).
    let candidateEntries: [LabelledEntry]
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
        var entryCache: [String: PCRE2Regex] = [:]

        for rule in ruleSet.rules {
            var ids: [String: Int] = [:]
            var all: [Int] = []
            for spec in rule.patterns + rule.exceptions.map(\.pattern) {
                let expanded: String
                do { expanded = try expander.expand(spec) } catch {
                    throw EngineError(message: "pattern \(spec.name) of \(rule.id): \(error.message)")
                }
                let regex = try EngineError.wrap("pattern \(spec.name) of \(rule.id)") { () throws(PCRE2Error) in
                    try PCRE2Regex(expanded, options: spec.cased ? [] : .caseless, limits: options.matchLimits)
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
                var labelled: [LabelledEntry] = []
                for ref in (try? PatternExpander.references(in: spec.regex)) ?? [] {
                    guard let list = ruleSet.lists[ref.list] else { continue }
                    for entry in list.entries {
                        guard let label = entry.label else { continue }
                        let single = WordList(name: list.name, entries: [entry])
                        let source = expander.alternation(for: single, view: spec.view, partial: ref.partial)
                        let entryRegex: PCRE2Regex
                        if let cached = entryCache[source] { entryRegex = cached } else {
                            entryRegex = try EngineError.wrap("list entry \(entry.text)") { () throws(PCRE2Error) in
                                try PCRE2Regex(source, options: spec.cased ? [] : .caseless, limits: options.matchLimits)
                            }
                            entryCache[source] = entryRegex
                        }
                        labelled.append(LabelledEntry(regex: entryRegex, label: label, profile: entry.profile))
                    }
                }
                let fields = spec.fields ?? rule.fields
                fieldsUsed.formUnion(fields)
                patterns.append(Pattern(id: id, name: spec.name, regex: regex, fields: fields, view: spec.view,
                                        filterable: atoms != nil, labelled: labelled))
                ids[spec.name] = id
                all.append(id)
            }
            let triggers = rule.condition.triggers.map { names in names.compactMap { ids[$0] }.sorted() }
            rules.append(CompiledRule(rule: rule, patternIDs: ids,
                                      exceptions: rule.exceptions.map { ($0, ids[$0.pattern.name]!) },
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
        var fallback: [LabelledEntry] = []
        for name in ["candidate.numbers", "candidate.refs", "candidate.hashtags", "candidate.accounts", "candidate.gestures", "candidate.slogans"] {
            guard let list = ruleSet.lists[name] else { continue }
            for entry in list.entries {
                guard let label = entry.label else { continue }
                let source = expander.alternation(for: WordList(name: name, entries: [entry]), view: .normalized, partial: false)
                let regex: PCRE2Regex
                if let cached = entryCache[source] { regex = cached } else {
                    regex = try EngineError.wrap("list entry \(entry.text)") { () throws(PCRE2Error) in
                        try PCRE2Regex(source, options: .caseless, limits: options.matchLimits)
                    }
                }
                fallback.append(LabelledEntry(regex: regex, label: label, profile: entry.profile))
            }
        }
        self.candidateEntries = fallback
    }
}

