import Foundation
import PCRE2

/// Evaluates one post against a compiled plan.
///
/// A class: the per-post closures capture it by reference instead of copying the options.
final class Evaluator: Sendable {
    let plan: Plan
    let options: EngineOptions
    /// The rule set's `suppress:` entries.
    let suppressions: SuppressionIndex

    init(plan: Plan, options: EngineOptions) {
        self.plan = plan
        self.options = options
        self.suppressions = SuppressionIndex(plan.ruleSet.suppressions)
    }

    /// A confidence as reported and compared with thresholds: to the nearest 0.001.
    static func rounded(_ confidence: Double) -> Double { (confidence * 1000).rounded() / 1000 }

    /// One field value of the post, with its normalised (and leetspeak) views.
    struct View {
        let value: FieldValue
        let normalized: NormalizedText
        let leet: NormalizedText?
        /// The field as a bit, to test against ``Plan/Pattern/fieldMask``.
        let fieldBit: UInt32
    }

    /// The matches of one rule's patterns (whose ids are consecutive), by pattern id; nil: not run yet.
    /// A view of slots the scratch owns, emptied for each rule: evaluating a rule allocates no table.
    struct RuleHits {
        let base: Int
        private let slots: UnsafeMutableBufferPointer<[Hit]?>

        /// Empties the first `count` of `storage`'s slots and reads and writes them.
        init(base: Int, count: Int, storage: UnsafeMutableBufferPointer<[Hit]?>) {
            self.base = base
            slots = UnsafeMutableBufferPointer(rebasing: storage[0..<count])
            slots.update(repeating: nil)
        }

        subscript(id: Int) -> [Hit]? {
            get { id >= base && id - base < slots.count ? slots[id - base] : nil }
            nonmutating set { if id >= base && id - base < slots.count { slots[id - base] = newValue } }
        }
    }

    /// One match of one pattern, located in the original text.
    struct Hit {
        let view: Int
        let original: Range<Int>
        /// The text the pattern read: 0 the normalised view, 1 the leetspeak view, 2 the original.
        let variant: Int8
        /// The matched bytes in that text (for naming candidates).
        let matched: Range<Int32>

        /// The matched text in the text the pattern read.
        func matchedText(in views: [View]) -> Substring {
            let view = views[self.view]
            let text = variant == 2 ? view.value.text : (variant == 1 ? view.leet?.text : view.normalized.text) ?? view.normalized.text
            return text[PCRE2Match.stringRange(Int(matched.lowerBound)..<Int(matched.upperBound), in: text)]
        }
    }

    func evaluate(_ post: Post, scratch: Scratch) -> PostResult {
        let timing = options.timing
        var clock = timing ? TimingCounters.now() : 0
        // The views' array is the scratch's, kept from post to post with its capacity.
        var views = scratch.views
        scratch.views = []
        defer {
            views.removeAll(keepingCapacity: true)
            scratch.views = views
        }
        for field in plan.fields {
            let bit = UInt32(1) << UInt32(Field.allCases.firstIndex(of: field)!)
            post.forEachValue(of: field) { value in
                let normalized = options.normalizer.normalize(value.text)
                views.append(View(value: value, normalized: normalized, leet: options.normalizer.leetView(of: normalized), fieldBit: bit))
            }
        }
        if timing {
            scratch.timing.posts += 1
            scratch.timing.normalizing &+= TimingCounters.lap(&clock)
        }
        scratch.beginPost()
        if options.prefilter { markCandidates(views, scratch) }

        var findings: [Finding] = []
        var errors: [RuleError] = []
        var traces: [RuleTrace] = []
        let actionBit = Plan.bit(of: post.action)
        // With the prefilter (and no explanation asked for), only the rules some of whose
        // literals occur are visited; the others' gates would fail anyway.
        let visitAll = !options.prefilter || options.explain
        if !visitAll { collectRules(scratch) }
        if timing { scratch.timing.prefilter &+= TimingCounters.lap(&clock) }
        for index in 0..<(visitAll ? plan.rules.count : scratch.ruleList.count) {
            let ruleIndex = visitAll ? index : Int(scratch.ruleList[index])
            let compiled = plan.rules[ruleIndex]
            var trace = options.explain ? RuleTrace(ruleID: compiled.rule.id, outcome: .conditionFalse) : nil
            let outcome = evaluateRule(compiled, post: post, actionBit: actionBit, views: views, scratch: scratch, trace: &trace)
            switch outcome {
            case .finding(let f): findings.append(f)
            case .error(let e): errors.append(e)
            case .none, .skipped: break
            }
            if let trace { traces.append(trace) }
            if timing { count(outcome, rule: ruleIndex, since: &clock, scratch) }
        }
        findings.sort { ($0.severity, $0.confidence, $1.ruleID) > ($1.severity, $1.confidence, $0.ruleID) }
        var result = PostResult(id: post.id, findings: findings, errors: errors, explanation: options.explain ? traces : nil)
        // Checked here as well as in `apply`: the call costs about 100 instructions a post (0.1 %).
        if !suppressions.isEmpty && !findings.isEmpty {
            result.apply(suppressions, to: post)
            if options.explain { result.noteSuppressions() }
        }
        return result
    }

    /// Marks every atom group one of whose atoms occurs in some view, and records where
    /// leading atoms occur (for `anchoredMatches`).
    private func markCandidates(_ views: [View], _ scratch: Scratch) {
        let stamp = scratch.stamp
        let atomGroups = plan.atomGroups, isLeading = plan.atomIsLeading, lengths = plan.atomLengths, bounds = plan.atomBounds
        let checks = plan.atomChecks
        // The arrays are moved out of the scratch and back: through the class, every append would
        // check exclusivity and uniqueness.
        let marks = scratch.groupStamp, seen = scratch.atomStamp
        var marked = scratch.markedGroups
        var leadingHits = scratch.leadingHits, textStart = scratch.leadingHitStart
        scratch.markedGroups = []
        scratch.leadingHits = []
        scratch.leadingHitStart = []
        var occurrences = scratch.occurrences
        scratch.occurrences = []
        marked.removeAll(keepingCapacity: true)
        leadingHits.removeAll(keepingCapacity: true)
        textStart.removeAll(keepingCapacity: true)
        // Text n is view n / 2's normalised text (n even) or its leetspeak view (n odd). Its leading
        // atoms' hits are leadingHits[textStart[n]..<textStart[n + 1]].
        for n in 0..<(2 * views.count) {
            textStart.append(Int32(leadingHits.count))
            guard let view = n & 1 == 0 ? views[n >> 1].normalized : views[n >> 1].leet else { continue }
            var text = view.text
            // Where the look-ups of checked atoms in the original text got to (hits come in text order).
            var cursor = NormalizedText.Cursor()
            text.withUTF8 { bytes in
                occurrences.removeAll(keepingCapacity: true)
                plan.prefilter.scan(bytes, into: &occurrences)
                for occurrence in occurrences {
                    let atom = Int(occurrence.needle), end = Int(occurrence.end)
                    let start = end + 1 - Int(lengths[atom])
                    if bounds[atom] != 0 {
                        if !Atom.stands(bounds: bounds[atom], in: bytes, start: start, end: end + 1) { continue }
                        if bounds[atom] & 4 != 0, let check = checks[atom] {
                            let range = view.originalRange(of: start..<(end + 1), cursor: &cursor)
                            var original = view.original
                            if !original.withUTF8({ check.holds(in: $0, at: range) }) { continue }
                        }
                    }
                    if isLeading[atom] { leadingHits.append(LeadingHit(atom: Int32(atom), start: Int32(start))) }
                    guard seen[atom] != stamp else { continue }
                    seen[atom] = stamp
                    for k in atomGroups.range(atom) {
                        let group = atomGroups.values[k]
                        if marks[Int(group)] != stamp {
                            marks[Int(group)] = stamp
                            marked.append(group)
                        }
                    }
                }
            }
        }
        textStart.append(Int32(leadingHits.count))
        scratch.occurrences = occurrences
        scratch.markedGroups = marked
        scratch.leadingHits = leadingHits
        scratch.leadingHitStart = textStart
    }

    /// The rules the marked groups may wake, and those always visited, in rule order.
    private func collectRules(_ scratch: Scratch) {
        var list = scratch.ruleList
        scratch.ruleList = []
        list.removeAll(keepingCapacity: true)
        list.append(contentsOf: plan.alwaysRules)
        let stamp = scratch.stamp
        let ruleStamp = scratch.ruleStamp, groupRules = plan.groupRules
        for group in scratch.markedGroups {
            for k in groupRules.range(Int(group)) {
                let rule = groupRules.values[k]
                if ruleStamp[Int(rule)] != stamp {
                    ruleStamp[Int(rule)] = stamp
                    list.append(rule)
                }
            }
        }
        list.sort()
        scratch.ruleList = list
    }

    private func isCandidate(_ id: Int, _ scratch: Scratch) -> Bool {
        let key = Int(plan.filterKeys[id])
        guard options.prefilter, key >= 0 else { return true }
        let stamp = scratch.stamp
        if scratch.candidateChecked[key] != stamp {
            // Worked out once per post, for every rule that shares the pattern.
            scratch.candidateChecked[key] = stamp
            if plan.filters.holds(key, groups: scratch.groupStamp, stamp: stamp, frames: scratch.filterFrames) { scratch.candidateStamp[key] = stamp }
        }
        return scratch.candidateStamp[key] == stamp
    }

    private enum Outcome {
        /// `skipped`: not checked, for the post's action or by the prefilter; `none`: checked, not flagged.
        case finding(Finding), error(RuleError), none, skipped
    }

    /// With timing: adds the time since `clock` and the outcome to the rule's counters.
    private func count(_ outcome: Outcome, rule: Int, since clock: inout UInt64, _ scratch: Scratch) {
        scratch.timing.nanoseconds[rule] &+= TimingCounters.lap(&clock)
        scratch.timing.searches[rule] += scratch.timing.pendingSearches
        scratch.timing.pendingSearches = 0
        switch outcome {
        case .skipped: return
        case .finding: scratch.timing.flagged[rule] += 1
        case .error, .none: break
        }
        scratch.timing.checks[rule] += 1
    }

    private func evaluateRule(_ compiled: Plan.CompiledRule, post: Post, actionBit: UInt32, views: [View], scratch: Scratch,
                              trace: inout RuleTrace?) -> Outcome {
        if compiled.actionMask & actionBit == 0 {
            trace?.outcome = .skippedAction
            trace?.note = "applies to \(compiled.rule.actions.map(\.rawValue).sorted().joined(separator: ", ")), not \(post.action.rawValue)"
            return .skipped
        }
        // `during()` is judged against every profile (no evidence yet names any): if none holds, the
        // final check, which reads only the profiles the evidence names, cannot hold either.
        if options.prefilter, !compiled.gate.allows({ isCandidate($0, scratch) }, holds: { n in
            var facts = PostFacts(actionBit: actionBit, date: post.createdAt)
            return compiled.gateExternals[n].holds(&facts)
        }, frames: scratch.gateFrames) {
            trace?.outcome = .skippedPrefilter
            if trace != nil {
                let absent = compiled.gate.patternIDs.filter { !isCandidate($0, scratch) }.map { plan.patterns[$0].name }
                trace?.note = "the prefilter rules it out: no literal of \(absent.joined(separator: ", ")) occurs in the post"
            }
            return .skipped
        }
        // Run the patterns (those the prefilter did not rule out).
        var context = RuleContext(evaluator: self, scratch: scratch, views: views, ruleID: compiled.rule.id,
                                  hits: RuleHits(base: compiled.firstPattern, count: compiled.allPatterns.count, storage: scratch.ruleHitSlots),
                                  actionBit: actionBit, date: post.createdAt)
        if compiled.isMonotone && !options.explain {
            // Check the condition first, running patterns only as it needs them: most rules that
            // pass the prefilter fail here, and exceptions can only remove matches.
            context.runsPatterns = true
            context.lenientDates = true
            let possible = compiled.program.holds(&context)
            context.lenientDates = false
            if let failure = context.failure { return .error(failure) }
            if !possible { return .none }
            // An exception that cancels the whole rule is worth running before the patterns that
            // only add evidence or confidence: on a post about neutrality it ends the rule here.
            for (spec, id, nearID) in compiled.exceptions where (spec.near == nil || nearID == nil) && context.hits[id] == nil {
                let found = context.matches(id)
                if let failure = context.failure { return .error(failure) }
                if !found.isEmpty { return .none }
            }
            context.runsPatterns = false
        }
        // Every pattern the pre-check did not need (all of them when it did not run).
        for id in compiled.allPatterns where context.hits[id] == nil {
            guard isCandidate(id, scratch) else {
                context.hits[id] = []
                trace?.skippedPatterns.append(plan.patterns[id].name)
                continue
            }
            do {
                context.hits[id] = try memoised(id, views: views, scratch: scratch).get()
            } catch {
                trace?.outcome = .error
                trace?.note = "pattern \(plan.patterns[id].name): \(error)"
                return .error(RuleError(ruleID: compiled.rule.id, pattern: plan.patterns[id].name, message: "\(error)"))
            }
            if trace != nil, let found = context.hits[id], !found.isEmpty {
                trace?.matches[plan.patterns[id].name] = found.map { text(of: $0, views) }
            }
        }
        // Exceptions.
        for (spec, id, nearID) in compiled.exceptions {
            guard let found = context.hits[id], !found.isEmpty else { continue }
            if let near = spec.near, let target = nearID {
                let before = context.hits[target]?.count ?? 0
                context.hits[target]?.removeAll { h in found.contains { e in e.view == h.view && areNear(e.original, h.original, within: spec.within, in: views[h.view].value.text) } }
                let removed = before - (context.hits[target]?.count ?? 0)
                if removed > 0 {
                    trace?.exceptions.append("\(spec.pattern.name) matched \"\(text(of: found[0], views))\" and cancelled \(removed) match(es) of \(near) within \(spec.within) words")
                }
            } else {
                trace?.outcome = .cancelled
                trace?.exceptions.append("\(spec.pattern.name) matched \"\(text(of: found[0], views))\"")
                trace?.note = "exception \(spec.pattern.name) cancels the rule"
                return .none
            }
        }
        // Without during(), the condition does not depend on the profiles: check it before the evidence.
        if !compiled.readsProfiles, !compiled.program.holds(&context) {
            trace?.outcome = .conditionFalse
            trace?.note = "condition \(compiled.rule.condition) is false"
            return .none
        }
        let hits = context.hits
        // Evidence and the profiles it points to.
        let evidenceIDs = compiled.evidence
        var evidence: [Evidence] = []
        var spans: [(view: Int, bytes: Range<Int>)] = []
        var candidates: [String] = []
        // The profiles the evidence names: a few at most, kept in an array and made a set once.
        var profileList: [String] = []
        for id in evidenceIDs {
            for hit in hits[id] ?? [] {
                let named = attribute(hit, view: plan.patterns[id].view, post: post, views: views, scratch: scratch)
                let label = named.count == 1 ? named[0].label : nil
                if let label, !candidates.contains(label) { candidates.append(label) }
                for case let profile? in named.lazy.map(\.profile) where !profileList.contains(profile) { profileList.append(profile) }
                // One piece of evidence per span: several patterns often match the same words.
                if spans.contains(where: { $0.view == hit.view && $0.bytes == hit.original }) { continue }
                spans.append((hit.view, hit.original))
                let value = views[hit.view].value
                let scalars = PCRE2Match.scalarRange(hit.original, in: value.text)
                evidence.append(Evidence(pattern: plan.patterns[id].name, field: value.path, start: scalars.lowerBound,
                                         end: scalars.upperBound, text: text(of: hit, views), candidate: label))
            }
        }
        // In text order: by field, then position.
        var firstView = spans.first?.view
        if evidence.count > 1 {
            let order = evidence.indices.sorted {
                (spans[$0].view, spans[$0].bytes.lowerBound, spans[$0].bytes.upperBound) < (spans[$1].view, spans[$1].bytes.lowerBound, spans[$1].bytes.upperBound)
            }
            evidence = order.map { evidence[$0] }
            firstView = spans[order[0]].view
        }
        let profiles = Set(profileList)
        if compiled.readsProfiles {
            context.profiles = profiles
            if !compiled.program.holds(&context) {
                trace?.outcome = .conditionFalse
                trace?.note = "condition \(compiled.rule.condition) is false"
                return .none
            }
        }
        // Confidence.
        var confidence = compiled.rule.confidence.base
        trace?.confidenceSteps.append("base \(format(confidence))")
        for (adjustment, id) in compiled.adjustments {
            guard let found = hits[id], !found.isEmpty else { continue }
            if let within = adjustment.within {
                let close = found.contains { c in
                    evidenceIDs.contains { e in (hits[e] ?? []).contains { $0.view == c.view && areNear($0.original, c.original, within: within, in: views[c.view].value.text) } }
                }
                guard close else { continue }
            }
            confidence += adjustment.adjust
            trace?.confidenceSteps.append("\(adjustment.adjust >= 0 ? "+" : "")\(format(adjustment.adjust)) \(adjustment.pattern) (\"\(text(of: found[0], views))\")")
        }
        // Rounded as reported (to 0.001) before the comparison, so that what a report shows is what was
        // compared: 0.7 - 0.2 is 0.49999999999999994 in binary floating point, and must reach a 0.5 threshold.
        confidence = Evaluator.rounded(min(1, max(0, confidence)))
        let threshold = compiled.rule.confidence.threshold ?? options.threshold
        trace?.confidence = confidence
        trace?.threshold = threshold
        guard confidence >= threshold else {
            trace?.outcome = .belowThreshold
            trace?.note = "confidence \(format(confidence)) < threshold \(format(threshold))"
            return .none
        }
        guard compiled.rule.severity >= options.minimumSeverity else {
            trace?.outcome = .belowSeverity
            return .none
        }
        trace?.outcome = .flagged
        trace?.note = "condition holds; confidence \(format(confidence)) ≥ \(format(threshold))"
        let message = MessageRenderer(rule: compiled, action: post.action, author: post.author, evidence: evidence,
                                      firstFieldText: firstView.map { views[$0].value.text } ?? "", candidates: candidates, labels: plan.candidates,
                                      profileIDs: profiles, allProfiles: plan.ruleSet.profiles).render()
        return .finding(Finding(ruleID: compiled.rule.id, title: compiled.rule.title, severity: compiled.rule.severity, category: compiled.rule.category,
                                confidence: confidence, basis: compiled.rule.basis, sanction: compiled.rule.sanction,
                                message: message, candidates: candidates, evidence: evidence))
    }

    /// Pattern `id`'s matches on this post, computed once per post for all the rules that share it.
    private func memoised(_ id: Int, views: [View], scratch: Scratch) -> Result<[Hit], PCRE2Error> {
        let key = plan.patterns[id].memoKey
        if scratch.memoStamp[key] == scratch.stamp { return scratch.memoValues[key] }
        let result = Result { () throws(PCRE2Error) in try run(id, views: views, scratch: scratch) }
        scratch.memoStamp[key] = scratch.stamp
        scratch.memoValues[key] = result
        return result
    }

    /// All matches of pattern `id` in the fields it reads, located in the original text. (The
    /// plan's pattern and the views are read in place: copying them would retain every string.)
    private func run(_ id: Int, views: [View], scratch: Scratch) throws(PCRE2Error) -> [Hit] {
        let fieldMask = plan.patterns[id].fieldMask, key = plan.patterns[id].memoKey
        let anchored = options.prefilter ? plan.anchoredByKey[key] : nil
        var hits: [Hit] = []
        for index in views.indices where fieldMask & views[index].fieldBit != 0 {
            if plan.patterns[id].view == .original {
                if options.timing { scratch.timing.pendingSearches += 1 }
                for range in try scratch.matcher.ranges(of: plan.patterns[id].regex, in: views[index].value.text) where !range.isEmpty {
                    hits.append(Hit(view: index, original: range, variant: 2, matched: Int32(range.lowerBound)..<Int32(range.upperBound)))
                }
                continue
            }
            let first = hits.count
            for variant in 0..<(views[index].leet == nil ? 1 : 2) {
                let normalized = variant == 0 ? views[index].normalized : views[index].leet!
                var found = scratch.found
                scratch.found = []
                defer {
                    found.removeAll(keepingCapacity: true)
                    scratch.found = found
                }
                if let anchored {
                    try anchoredMatches(anchored, key: key, text: normalized.text, number: Int32(index * 2 + variant), into: &found, scratch: scratch)
                } else {
                    if options.timing { scratch.timing.pendingSearches += 1 }
                    found = try scratch.matcher.ranges(of: plan.patterns[id].regex, in: normalized.text)
                }
                var cursor = NormalizedText.Cursor()
                for range in found where !range.isEmpty {
                    let original = normalized.originalRange(of: range, cursor: &cursor)
                    // The leetspeak view repeats the plain view's matches: one hit per span.
                    if variant == 1, hits[first...].contains(where: { $0.original == original }) { continue }
                    hits.append(Hit(view: index, original: original, variant: Int8(variant),
                                    matched: Int32(range.lowerBound)..<Int32(range.upperBound)))
                }
            }
            if hits.count > 1000 { break }
        }
        return hits
    }

    /// Appends to `found` the matches of a pattern every match of which starts with one of its
    /// atoms: tried, anchored, only where the prefilter saw such an atom start, left to right and
    /// without overlap, which finds what a scan of the whole text would.
    private func anchoredMatches(_ regex: PCRE2Regex, key: Int, text: String, number: Int32, into found: inout [Range<Int>], scratch: Scratch) throws(PCRE2Error) {
        var starts = scratch.starts
        scratch.starts = []
        defer { scratch.starts = starts }
        starts.removeAll(keepingCapacity: true)
        let n = Int(number)
        let hits = scratch.leadingHits, textStart = scratch.leadingHitStart
        guard n + 1 < textStart.count else { return }
        let leadingAtoms = plan.leadingAtoms
        for h in Int(textStart[n])..<Int(textStart[n + 1]) where leadingAtoms.contains(row: key, column: Int(hits[h].atom)) {
            starts.append(hits[h].start)
        }
        guard !starts.isEmpty else { return }
        starts.sort()
        var cursor: Int32 = 0
        let timing = options.timing
        for start in starts where start >= cursor {
            if timing { scratch.timing.pendingSearches += 1 }
            if let range = try scratch.matcher.firstRange(of: regex, in: text, from: Int(start)), !range.isEmpty {
                found.append(range)
                cursor = Int32(range.upperBound)
            } else {
                cursor = start + 1
            }
        }
    }

    /// What a rule's condition reads of the post: its patterns' matches (run on demand in the
    /// pre-check), the post's action and date, and the profiles `during()` may read.
    private struct RuleContext: ConditionContext {
        let evaluator: Evaluator
        let scratch: Scratch
        let views: [View]
        let ruleID: String
        /// The rule's patterns' matches so far.
        let hits: RuleHits
        /// True in the pre-check: a pattern not run yet is run when the condition asks for it;
        /// otherwise it has no matches.
        var runsPatterns = false
        /// The first pattern that failed while running on demand.
        var failure: RuleError?
        let actionBit: UInt32
        let date: Date?
        var lenientDates = false
        /// The profiles the evidence names; empty: every profile.
        var profiles: Set<String> = []

        func allows(profile: String) -> Bool { profiles.isEmpty || profiles.contains(profile) }

        mutating func matchCount(_ id: Int) -> Int { matches(id).count }

        mutating func near(_ a: Int, _ b: Int, words: Int) -> Bool {
            let first = matches(a)
            if first.isEmpty { return false }
            let second = matches(b)
            for x in first {
                for y in second where x.view == y.view {
                    if areNear(x.original, y.original, within: words, in: views[x.view].value.text) { return true }
                }
            }
            return false
        }

        /// Pattern `id`'s matches: known, run now (in the pre-check), or none.
        mutating func matches(_ id: Int) -> [Hit] {
            if let known = hits[id] { return known }
            guard runsPatterns, failure == nil, evaluator.isCandidate(id, scratch) else {
                hits[id] = []
                return []
            }
            switch evaluator.memoised(id, views: views, scratch: scratch) {
            case .success(let found):
                hits[id] = found
                return found
            case .failure(let error):
                failure = RuleError(ruleID: ruleID, pattern: evaluator.plan.patterns[id].name, message: "\(error)")
                hits[id] = []
                return []
            }
        }
    }

    /// What the gate's `during()` and `action()` conditions read: the post's action and date.
    private struct PostFacts: ConditionContext {
        let actionBit: UInt32
        let date: Date?
        var lenientDates: Bool { false }
        func matchCount(_ id: Int) -> Int { 0 }
        func near(_ a: Int, _ b: Int, words: Int) -> Bool { false }
        func allows(profile: String) -> Bool { true }
    }

    /// The candidates a hit may name, looked up in the profiles' lists. When candidates of several
    /// profiles match (ballot number 2 is a different pair in every race), the post's date and the
    /// profiles' context words narrow them down.
    private func attribute(_ hit: Hit, view: PatternSpec.View, post: Post, views: [View], scratch: Scratch) -> [(label: String, profile: String?)] {
        // Several rules' evidence names the same words: look them up once per post.
        let key = AttributionKey(original: view == .original, text: hit.matchedText(in: views))
        if let known = scratch.attributions[key] { return known }
        let named = attributeUncached(key, post: post, views: views, scratch: scratch)
        scratch.attributions[key] = named
        return named
    }

    /// The candidates the words of `key` name, narrowed down by the post's date and context.
    private func attributeUncached(_ key: AttributionKey, post: Post, views: [View], scratch: Scratch) -> [(label: String, profile: String?)] {
        // What the words name does not depend on the post: remembered from post to post (the same
        // names, numbers and hashtags come back again and again).
        let named: NamedCandidates
        if let known = scratch.namedCandidates[key] {
            named = known
        } else {
            let matched = key.original ? options.normalizer.normalize(String(key.text)).text : String(key.text)
            named = NamedCandidates(plan.candidates.candidates(in: matched), profileIndex: plan.profileIndex)
            if scratch.namedCandidates.count >= Scratch.namedCandidatesLimit { scratch.namedCandidates.removeAll(keepingCapacity: true) }
            scratch.namedCandidates[AttributionKey(original: key.original, text: Substring(String(key.text)))] = named
        }
        // One profile or none (most names): nothing to narrow down.
        guard named.profiles.count > 1 else { return named.candidates }
        var keep = named.profiles
        if let date = post.createdAt {
            let dated = keep.filter { Int($0) < plan.profilePeriod.count && plan.profilePeriod[Int($0)]?.contains(date) ?? false }
            if !dated.isEmpty { keep = dated }
        }
        if keep.count > 1 {
            let mentioned = keep.filter { mentions(profile: Int($0), views: views, scratch: scratch) }
            if !mentioned.isEmpty { keep = mentioned }
        }
        return named.candidates.indices.filter { named.profileOf[$0] < 0 || keep.contains(named.profileOf[$0]) }.map { named.candidates[$0] }
    }

    /// Whether the post mentions a profile's context words: the same for every hit, so worked out once per post.
    private func mentions(profile: Int, views: [View], scratch: Scratch) -> Bool {
        guard profile < plan.profileContext.count else { return false }
        let stamp = scratch.stamp
        if scratch.profileChecked[profile] != stamp {
            scratch.profileChecked[profile] = stamp
            if let regex = plan.profileContext[profile],
               views.contains(where: { view in
                   if options.timing { scratch.timing.pendingSearches += 1 }
                   return (try? scratch.matcher.firstRange(of: regex, in: view.normalized.text)) != nil
               }) {
                scratch.profileMentioned[profile] = stamp
            }
        }
        return scratch.profileMentioned[profile] == stamp
    }

    private func text(of hit: Hit, _ views: [View]) -> String {
        let text = views[hit.view].value.text
        return String(text[PCRE2Match.stringRange(hit.original, in: text)])
    }

    private func format(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// Whether at most `words` words lie strictly between two byte ranges of `text` (none when they
/// touch or overlap). Reading stops at the first word too many.
func areNear(_ a: Range<Int>, _ b: Range<Int>, within words: Int, in text: String) -> Bool {
    let (first, second) = a.lowerBound <= b.lowerBound ? (a, b) : (b, a)
    guard first.upperBound < second.lowerBound else { return true }
    var text = text
    return text.withUTF8 { utf8 in
        var count = 0
        var inWord = false
        for i in first.upperBound..<min(second.lowerBound, utf8.count) {
            let byte = utf8[i]
            let space = byte == 32 || byte == 9 || byte == 10 || byte == 13
            if !space && !inWord {
                count += 1
                if count > words { return false }
            }
            inWord = !space
        }
        return true
    }
}

