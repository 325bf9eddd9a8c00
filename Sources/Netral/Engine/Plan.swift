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

    /// One rule, ready to evaluate. A class, so that the per-post loop over rules copies nothing.
    final class CompiledRule: Sendable {
        let rule: Rule
        let patternIDs: [String: Int]
        let exceptions: [(spec: ExceptionSpec, id: Int, near: Int?)]
        /// The condition, its pattern names resolved to ids, as the evaluator walks it.
        let program: ConditionProgram
        /// True when the condition has no `not` (see ``IndexedCondition/isMonotone``).
        let isMonotone: Bool
        /// True when the condition has `during()`, whose result depends on the profiles the evidence names.
        let readsProfiles: Bool
        /// Pattern ids named by the condition: their matches are the evidence.
        let evidence: [Int]
        /// Confidence adjustments with pattern ids.
        let adjustments: [(spec: ConfidenceSpec.Adjustment, id: Int)]
        /// What the prefilter must find before the rule is worth evaluating.
        let gate: Gate
        /// The gate's `during()` and `action()` conditions (``Gate/externals``) as the evaluator walks them.
        let gateExternals: [ConditionProgram]
        /// Every pattern id the rule owns (patterns, exceptions, context): consecutive, from `firstPattern`.
        let allPatterns: [Int]
        let firstPattern: Int
        /// The actions the rule applies to as a bit set (bit = position in `Action.allCases`); all bits when any.
        let actionMask: UInt32
        /// The message templates with their placeholders located once, not for every finding.
        let message: MessageRenderer.Templates

        init(rule: Rule, ids: [String: Int], all: [Int], profiles: [ElectionProfile]) {
            self.rule = rule
            self.patternIDs = ids
            self.exceptions = rule.exceptions.map { ($0, ids[$0.pattern.name]!, $0.near.flatMap { ids[$0] }) }
            let condition = IndexedCondition(rule.condition, ids: ids)
            self.program = ConditionProgram(condition, profiles: profiles)
            self.isMonotone = condition.isMonotone
            self.readsProfiles = condition.hasDuring
            self.evidence = rule.condition.patternNames.compactMap { ids[$0] }.sorted()
            self.adjustments = rule.confidence.adjustments.compactMap { a in ids[a.pattern].map { (a, $0) } }
            self.gate = Gate(condition)
            self.gateExternals = gate.externals.map { ConditionProgram($0, profiles: profiles) }
            self.allPatterns = all
            self.firstPattern = all.first ?? 0
            precondition(all == Array(firstPattern..<(firstPattern + all.count)), "a rule's pattern ids are consecutive")
            self.actionMask = rule.actions.isEmpty ? .max : rule.actions.reduce(0) { $0 | Plan.bit(of: $1) }
            self.message = MessageRenderer.Templates(rule.message)
        }
    }

    /// An action as a bit.
    static func bit(of action: Action) -> UInt32 { 1 << UInt32(Action.allCases.firstIndex(of: action)!) }

    let patterns: [Pattern]
    let rules: [CompiledRule]
    let ruleSet: RuleSet
    let prefilter: AhoCorasick
    /// Atom id → the groups (of ``filters``) it marks.
    let atomGroups: Buckets
    /// Per memo key: what the prefilter must have seen for the pattern to be a candidate.
    let filters: FilterProgram
    /// The number of atom groups.
    let groupCount: Int
    /// Fields any rule reads.
    let fields: [Field]
    /// Names the candidates evidence points to.
    let candidates: CandidateIndex
    /// The number of distinct memo keys.
    let memoKeys: Int
    /// Per pattern id: the memo key the prefilter marks, or -1 when the prefilter cannot rule it out.
    let filterKeys: [Int32]
    /// Per memo key: the pattern compiled anchored, when every match starts with one of its atoms;
    /// it is then run only at the atoms' occurrences.
    let anchoredByKey: [PCRE2Regex?]
    /// Per atom: its length in bytes, and whether some anchored pattern starts with it.
    let atomLengths: [Int32]
    let atomIsLeading: [Bool]
    /// Per atom: where it must stand to count (``Atom/bounds``), less the word-start bound, which
    /// the automaton itself checks (``AhoCorasick``): what is left to check at each occurrence.
    let atomBounds: [UInt8]
    /// Per atom: what the original text must hold where it occurs (bound 4), for a pattern that reads the original.
    let atomChecks: [OriginalCheck?]
    /// Memo key × atom: set when the key's pattern is anchored and its matches may start with the atom.
    let leadingAtoms: BitMatrix
    /// Rules (by index) the prefilter can never skip.
    let alwaysRules: [Int32]
    /// Group → the rules (by index) it may wake.
    let groupRules: Buckets
    /// The rule set's profiles by id: their index in ``profileContext`` and ``profilePeriod``.
    let profileIndex: [String: Int]
    /// Per profile (by index): a pattern of its context words, to tell apart candidates that share a ballot number.
    let profileContext: [PCRE2Regex?]
    /// Per profile (by index): the dates around its windows in which a post plausibly concerns it.
    let profilePeriod: [ClosedRange<Date>?]
    /// Statistics for `rules lint` and the benchmark.
    let atomCount: Int
    let unfilterablePatterns: [String]

    init(ruleSet: RuleSet, options: EngineOptions) throws(EngineError) {
        self.ruleSet = ruleSet
        let expander = PatternExpander(lists: ruleSet.lists, normalizer: options.normalizer)
        var listAtomCache: [String: AtomExtractor.ListAnalysis?] = [:]
        // Two readers of patterns: for the normalised view (literals lower-cased and normalised), and
        // for the original text (literals as written, to be checked there; see `originalViewAnalysis`).
        func extractor(asWritten: Bool) -> AtomExtractor {
            AtomExtractor(listAtoms: { ref in
                let cacheKey = "\(ref.list)\u{0}\(ref.partial)\u{0}\(asWritten)"
                if let known = listAtomCache[cacheKey] { return known }
                guard let list = ruleSet.lists[ref.list] else { return nil }
                let analysis = Plan.analysis(of: list, normalizer: options.normalizer, wholeWords: !ref.partial, asWritten: asWritten)
                listAtomCache[cacheKey] = analysis
                return analysis
            }, foldsCase: !asWritten, spaceIsOne: options.normalizer.collapsesWhitespace)
        }
        let normalizedExtractor = extractor(asWritten: false), originalExtractor = extractor(asWritten: true)
        var patterns: [Pattern] = []
        var rules: [CompiledRule] = []
        var atomIndex: [Atom: Int] = [:]
        var atomGroupLists: [[Int32]] = []
        var unfilterable: [String] = []
        var fieldsUsed = Set<Field>()
        var regexCache: [String: PCRE2Regex] = [:]
        var memo: [String: Int] = [:]
        var memoFilterable: [Bool] = []
        var anchored: [PCRE2Regex?] = []
        var atomAnchors: [[Int32]] = []
        func atomID(_ atom: Atom) -> Int {
            if let known = atomIndex[atom] { return known }
            atomIndex[atom] = atomGroupLists.count
            atomGroupLists.append([])
            atomAnchors.append([])
            return atomGroupLists.count - 1
        }
        // Groups of atoms, by content: a list shared by many patterns is one group.
        var groupIndex: [Set<Atom>: Int32] = [:]
        var groupRarity: [Int] = []
        var filters: [GroupFilter?] = []
        func compile(_ filter: AtomFilter) -> GroupFilter {
            switch filter {
            case .any(let atoms):
                let cut = Set(atoms.map(Plan.truncated))
                if let known = groupIndex[cut] { return .group(known) }
                let id = Int32(groupRarity.count)
                groupIndex[cut] = id
                groupRarity.append(cut.map(\.score).min() ?? 0)
                for atom in cut { atomGroupLists[atomID(atom)].append(id) }
                return .group(id)
            case .all(let parts): return .all(parts.map(compile))
            case .either(let parts): return .either(parts.map(compile))
            }
        }

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
                let fields = spec.fields ?? rule.fields
                fieldsUsed.formUnion(fields)
                let mask = fields.reduce(UInt32(0)) { $0 | (1 << UInt32(Field.allCases.firstIndex(of: $1)!)) }
                let memoText = "\(cacheKey)\u{0}\(spec.view.rawValue)\u{0}\(mask)"
                let memoKey: Int
                if let known = memo[memoText] {
                    memoKey = known
                } else {
                    // A new pattern: its atoms make it (by its memo key) a candidate.
                    memoKey = memo.count
                    memo[memoText] = memoKey
                    let analysis = spec.view == .normalized ? normalizedExtractor.analysis(of: spec.regex)
                        : Plan.originalViewAnalysis(originalExtractor.analysis(of: spec.regex), normalizer: options.normalizer, cased: spec.cased)
                    memoFilterable.append(analysis != nil)
                    // Every match starts with a known literal: confirm only where one occurs, anchored there.
                    if let leading = analysis?.leading, options.prefilter {
                        anchored.append(try EngineError.wrap("pattern \(spec.name) of \(rule.id)") { () throws(PCRE2Error) in
                            try PCRE2Regex(expanded, options: spec.cased ? [.anchored] : [.caseless, .anchored], limits: options.matchLimits)
                        })
                        for atom in Set(leading.map(Plan.truncated)) {
                            atomAnchors[atomID(atom)].append(Int32(memoKey))
                        }
                    } else {
                        anchored.append(nil)
                    }
                    // Its filter over groups of atoms, each cut to a prefix (a prefix of a required literal
                    // is required too: shorter atoms make a smaller automaton for a few more candidates).
                    filters.append(analysis.map { compile($0.filter) })
                }
                if !memoFilterable[memoKey] { unfilterable.append("\(rule.id)/\(spec.name)") }
                patterns.append(Pattern(id: id, name: spec.name, regex: regex, fields: fields, fieldMask: mask, view: spec.view,
                                        filterable: memoFilterable[memoKey], memoKey: memoKey))
                ids[spec.name] = id
                all.append(id)
            }
            rules.append(CompiledRule(rule: rule, ids: ids, all: all, profiles: ruleSet.profiles))
        }
        self.patterns = patterns
        self.rules = rules
        self.atomGroups = Buckets(atomGroupLists)
        self.filters = FilterProgram(filters)
        self.groupCount = groupRarity.count
        self.atomCount = atomGroupLists.count
        self.unfilterablePatterns = unfilterable
        var needles = [[UInt8]](repeating: [], count: atomIndex.count)
        var bounds = [UInt8](repeating: 0, count: atomIndex.count)
        var checks = [OriginalCheck?](repeating: nil, count: atomIndex.count)
        for (atom, id) in atomIndex {
            needles[id] = Array(atom.text.utf8)
            bounds[id] = atom.bounds
            checks[id] = atom.original
        }
        self.atomChecks = checks
        self.prefilter = AhoCorasick(needles: needles, wordStart: bounds.map { $0 & 1 != 0 })
        self.atomBounds = bounds.map { $0 & ~1 }
        self.fields = Field.allCases.filter(fieldsUsed.contains)
        var index: [String: Int] = [:]
        var context: [PCRE2Regex?] = []
        var period: [ClosedRange<Date>?] = []
        for profile in ruleSet.profiles where index[profile.id] == nil {
            index[profile.id] = context.count
            context.append(nil)
            period.append(nil)
            if !profile.context.isEmpty {
                let list = WordList(name: "profile.context", entries: profile.context.map { WordList.Entry(text: $0) })
                let source = expander.alternation(for: list, view: .normalized, partial: false)
                context[context.count - 1] = try EngineError.wrap("context of profile \(profile.id)") { () throws(PCRE2Error) in
                    try PCRE2Regex(source, options: .caseless, limits: options.matchLimits)
                }
            }
            if let start = profile.windows.values.map(\.start).min(), let end = profile.windows.values.map(\.end).max() {
                // Two months before the first window to one month after the last.
                period[period.count - 1] = start.addingTimeInterval(-60 * 86_400)...end.addingTimeInterval(30 * 86_400)
            }
        }
        self.profileIndex = index
        self.profileContext = context
        self.profilePeriod = period
        self.candidates = CandidateIndex(lists: ruleSet.lists, normalizer: options.normalizer)
        self.memoKeys = memo.count
        let filterKeys = patterns.map { $0.filterable ? Int32($0.memoKey) : -1 }
        self.filterKeys = filterKeys
        self.anchoredByKey = anchored
        self.atomLengths = needles.map { Int32($0.count) }
        self.atomIsLeading = atomAnchors.map { !$0.isEmpty }
        var leadingAtoms = BitMatrix(rows: memo.count, columns: atomAnchors.count)
        for (atom, keys) in atomAnchors.enumerated() {
            for key in keys { leadingAtoms.insert(row: Int(key), column: atom) }
        }
        self.leadingAtoms = leadingAtoms
        var always: [Int32] = []
        var byGroup = [[Int32]](repeating: [], count: groupRarity.count)
        // A pattern many rules share (a vocabulary list) is a candidate on many posts; one few rules
        // use (a region's candidate names) on few: index each rule by its least shared patterns.
        var sharing = [Int](repeating: 0, count: memo.count)
        for pattern in patterns { sharing[pattern.memoKey] += 1 }
        for (index, rule) in rules.enumerated() {
            let necessary = rule.gate.necessary { id in filterKeys[id] < 0 ? .infinity : Double(sharing[patterns[id].memoKey]) }
            let keys = necessary.map { Set($0.map { filterKeys[$0] }) }
            guard let keys, !keys.contains(-1) else { always.append(Int32(index)); continue }
            // The rule is woken by the groups one of which a candidate pattern must have marked.
            var groups = Set<Int32>()
            for key in keys { groups.formUnion(filters[Int(key)]!.cover { groupRarity[Int($0)] }) }
            for group in groups { byGroup[Int(group)].append(Int32(index)) }
        }
        self.alwaysRules = always
        self.groupRules = Buckets(byGroup)
    }
}

extension Plan {
    /// Atoms are cut to at most this many bytes (at a character boundary).
    static let maximumAtomBytes = 8

    static func truncated(_ atom: Atom) -> Atom { atom.truncated(to: maximumAtomBytes) }

    /// What the prefilter (which scans the normalised view) may require of a pattern that reads
    /// the original text, from its literals as written: each lower-cased, without bounds in the
    /// normalised view (which may have lost them), with an ``OriginalCheck`` of the literal in
    /// its case and bounds when it is ASCII. Normalising keeps the letters of a word that is
    /// already in normal form (only its case changes), so a literal that normalises to its lower
    /// case occurs in the normalised view wherever it occurs in the original; a literal that does
    /// not (an abbreviation, a character the normaliser folds) leaves the pattern unfilterable.
    /// Never anchored: offsets differ between the views.
    static func originalViewAnalysis(_ analysis: AtomExtractor.ListAnalysis?, normalizer: Normalizer, cased: Bool) -> AtomExtractor.ListAnalysis? {
        guard let analysis, analysis.filter.atoms.allSatisfy({ normalizer.normalize($0.text.lowercased()).text == $0.text.lowercased() }) else { return nil }
        return (analysis.filter.mapAtoms { atom in
            Atom(atom.text.lowercased(), original: OriginalCheck(written: atom.text, cased: cased, wordStart: atom.wordStart, wordEnd: atom.wordEnd))
        }, nil)
    }

    /// The filter of a list: one of its literal entries (normalised, or as written with
    /// `asWritten`, for a pattern on the original text), or what one of its regex
    /// entries requires; nil when some entry requires nothing (the list can then match without
    /// any known literal). Its leading literals: the literal entries and the regex entries'
    /// leading literals (nil when some regex entry has none). With `wholeWords` (a reference
    /// without `|partial`), every match is a whole word: literal entries count only as whole
    /// words, and regex entries' first literals only at the start of one.
    static func analysis(of list: WordList, normalizer: Normalizer, wholeWords: Bool, asWritten: Bool = false) -> AtomExtractor.ListAnalysis? {
        var branches: [AtomFilter] = []
        var leading: Set<Atom>? = []
        for entry in list.entries {
            if entry.isRegex {
                let extractor = AtomExtractor(listAtoms: { _ in nil }, foldsCase: !asWritten, spaceIsOne: normalizer.collapsesWhitespace)
                guard let inner = extractor.analysis(of: entry.text, start: wholeWords ? .notAfterWord : nil) else { return nil }
                branches.append(inner.filter)
                leading = inner.leading.flatMap { entryLeading in leading.map { $0.union(entryLeading) } }
            } else {
                // As written, a run of white space reads as one space (the pattern matches `\s+` there).
                let normal = asWritten ? entry.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    : normalizer.normalize(entry.text).text
                // Where the view keeps runs of white space, only the entry's first word is certain.
                let certain = normalizer.collapsesWhitespace ? normal : String(normal.prefix { !$0.isWhitespace })
                guard !certain.isEmpty else { return nil }
                let atom = Atom(certain, wordStart: wholeWords, wordEnd: wholeWords && certain == normal)
                branches.append(.any([atom]))
                leading?.insert(atom)
            }
        }
        return branches.isEmpty ? nil : (.alternation(branches), leading)
    }
}
