import PCRE2

/// Per-worker evaluation state: PCRE2 matching state and the per-post marks of the prefilter, the
/// rule index and the pattern memo, reused from post to post. Never shared between threads.
///
/// Every mark is valid only where it equals ``stamp``; ``beginPost()`` moves the stamp on, which
/// clears all marks at once without touching the arrays.
final class Scratch {
    let matcher = PCRE2Matcher()
    private(set) var stamp: UInt32 = 0
    // The fixed-size marks live in buffers the scratch owns: read and written through `let`
    // pointers, they need none of the exclusivity and uniqueness checks of a class's arrays.
    /// By memo key: whether the pattern is a candidate has been worked out (``candidateChecked``),
    /// and it is one (``candidateStamp``).
    let candidateChecked: UnsafeMutableBufferPointer<UInt32>
    let candidateStamp: UnsafeMutableBufferPointer<UInt32>
    /// By atom group: one of its atoms occurs in this post.
    let groupStamp: UnsafeMutableBufferPointer<UInt32>
    /// The frames of ``FilterProgram/holds(_:groups:stamp:frames:)`` and of
    /// ``Gate/allows(_:holds:frames:)`` (which calls the former, so they are two).
    let filterFrames: UnsafeMutableBufferPointer<BoolProgram.Frame>
    let gateFrames: UnsafeMutableBufferPointer<BoolProgram.Frame>
    /// By atom: already seen in this post.
    let atomStamp: UnsafeMutableBufferPointer<UInt32>
    /// By rule: already in ``ruleList``.
    let ruleStamp: UnsafeMutableBufferPointer<UInt32>
    /// By memo key: the pattern's result for this post, in ``memoValues``.
    let memoStamp: UnsafeMutableBufferPointer<UInt32>
    let memoValues: UnsafeMutableBufferPointer<Result<[Evaluator.Hit], PCRE2Error>>
    /// The slots of ``Evaluator/RuleHits`` for the rule being evaluated (as many as the largest rule has patterns).
    let ruleHitSlots: UnsafeMutableBufferPointer<[Evaluator.Hit]?>
    /// Every occurrence of a leading atom in this post, in scan order (see `Evaluator.anchoredMatches`).
    var leadingHits: [LeadingHit] = []
    /// By text number: where its hits start in ``leadingHits`` (one more entry than there are texts).
    var leadingHitStart: [Int32] = []
    /// Buffers: start positions, the groups marked in this post, the rules they wake.
    var starts: [Int32] = []
    var markedGroups: [Int32] = []
    var ruleList: [Int32] = []
    /// The literal scan's occurrences in one text.
    var occurrences: [AhoCorasick.Occurrence] = []
    /// The views of the post being evaluated (emptied after it, the capacity kept).
    var views: [Evaluator.View] = []
    /// One pattern's matches in one view, while `Evaluator.run` maps them to hits.
    var found: [Range<Int>] = []
    /// Candidates named by evidence texts of the current post.
    var attributions: [AttributionKey: [(label: String, profile: String?)]] = [:]
    /// Candidates evidence texts name before the post's date and context narrow them down, kept
    /// from post to post (cleared when it reaches ``namedCandidatesLimit`` entries).
    var namedCandidates: [AttributionKey: NamedCandidates] = [:]
    static let namedCandidatesLimit = 4096
    /// By profile index, as for the candidates above: whether the current post mentions its
    /// context words has been worked out (``profileChecked``), and it does (``profileMentioned``).
    let profileChecked: UnsafeMutableBufferPointer<UInt32>
    let profileMentioned: UnsafeMutableBufferPointer<UInt32>
    /// Time spent since the scratch last went back to the pool (with ``EngineOptions/timing``).
    var timing: TimingCounters

    /// `timing`: keep ``timing`` counters (see ``EngineOptions/timing``).
    init(plan: Plan, timing: Bool) {
        func marks(_ count: Int) -> UnsafeMutableBufferPointer<UInt32> {
            let buffer = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: max(1, count))
            buffer.initialize(repeating: 0)
            return UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
        }
        candidateChecked = marks(plan.memoKeys)
        candidateStamp = marks(plan.memoKeys)
        groupStamp = marks(plan.groupCount)
        let frame = BoolProgram.Frame(need: 0, left: 0, yes: 0, end: 0)
        filterFrames = .allocate(capacity: plan.filters.depth)
        filterFrames.initialize(repeating: frame)
        gateFrames = .allocate(capacity: plan.rules.map(\.gate.depth).max() ?? 1)
        gateFrames.initialize(repeating: frame)
        atomStamp = marks(plan.prefilter.count)
        ruleStamp = marks(plan.rules.count)
        memoStamp = marks(plan.memoKeys)
        profileChecked = marks(plan.profileContext.count)
        profileMentioned = marks(plan.profileContext.count)
        memoValues = .allocate(capacity: max(1, plan.memoKeys))
        memoValues.initialize(repeating: .success([]))
        ruleHitSlots = .allocate(capacity: max(1, plan.rules.map(\.allPatterns.count).max() ?? 1))
        ruleHitSlots.initialize(repeating: nil)
        self.timing = TimingCounters(rules: timing ? plan.rules.count : 0)
    }

    deinit {
        for marks in allMarks { marks.baseAddress.map { UnsafeMutablePointer($0).deallocate() } }
        filterFrames.deallocate()
        gateFrames.deallocate()
        _ = memoValues.deinitialize()
        memoValues.deallocate()
        _ = ruleHitSlots.deinitialize()
        ruleHitSlots.deallocate()
    }

    /// Every buffer of marks valid only where it equals ``stamp``.
    private var allMarks: [UnsafeMutableBufferPointer<UInt32>] {
        [candidateChecked, candidateStamp, groupStamp, atomStamp, ruleStamp, memoStamp, profileChecked, profileMentioned]
    }

    /// Starts a new post: every mark of the previous one becomes stale.
    func beginPost() {
        if !attributions.isEmpty { attributions.removeAll(keepingCapacity: true) }
        stamp &+= 1
        guard stamp == 0 else { return }
        // After 2³² posts the stamp wraps: clear the marks for real once.
        for marks in allMarks { marks.update(repeating: 0) }
        stamp = 1
    }

    /// Lets a pool move a scratch between threads; it is used by one at a time.
    final class Box: @unchecked Sendable {
        let scratch: Scratch
        init(_ scratch: Scratch) { self.scratch = scratch }
    }
}

/// Where a leading atom occurs: the atom and the byte offset where it starts.
struct LeadingHit {
    let atom: Int32
    let start: Int32
}
