import PCRE2

/// Per-worker evaluation state: PCRE2 matching state and the per-post marks of the prefilter, the
/// rule index and the pattern memo, reused from post to post. Never shared between threads.
///
/// Every mark is valid only where it equals ``stamp``; ``beginPost()`` moves the stamp on, which
/// clears all marks at once without touching the arrays.
final class Scratch {
    let matcher = PCRE2Matcher()
    private(set) var stamp: UInt32 = 0
    /// By memo key: the prefilter saw one of the pattern's atoms.
    var candidateStamp: [UInt32]
    /// By atom: already seen in this post.
    var atomStamp: [UInt32]
    /// By rule: already in ``ruleList``.
    var ruleStamp: [UInt32]
    /// By memo key: the pattern's result for this post, in ``memoValues``.
    var memoStamp: [UInt32]
    var memoValues: [Result<[Evaluator.Hit], PCRE2Error>]
    /// Every occurrence of a leading atom in this post, in scan order (see `Evaluator.anchoredMatches`).
    var leadingHits: [LeadingHit] = []
    /// By text number: where its hits start in ``leadingHits`` (one more entry than there are texts).
    var leadingHitStart: [Int32] = []
    /// Buffers: start positions, the memo keys marked in this post, the rules they wake, the gate's stack.
    var starts: [Int32] = []
    var markedKeys: [Int32] = []
    var ruleList: [Int32] = []
    var gateStack: [Bool] = []
    /// Candidates named by evidence texts of the current post.
    var attributions: [String: [(label: String, profile: String?)]] = [:]

    init(plan: Plan) {
        candidateStamp = [UInt32](repeating: 0, count: plan.memoKeys)
        atomStamp = [UInt32](repeating: 0, count: plan.prefilter.count)
        ruleStamp = [UInt32](repeating: 0, count: plan.rules.count)
        memoStamp = [UInt32](repeating: 0, count: plan.memoKeys)
        memoValues = [Result<[Evaluator.Hit], PCRE2Error>](repeating: .success([]), count: plan.memoKeys)
    }

    /// Starts a new post: every mark of the previous one becomes stale.
    func beginPost() {
        if !attributions.isEmpty { attributions.removeAll(keepingCapacity: true) }
        stamp &+= 1
        guard stamp == 0 else { return }
        // After 2³² posts the stamp wraps: clear the marks for real once.
        for marks in [\Scratch.candidateStamp, \.atomStamp, \.ruleStamp, \.memoStamp] as [ReferenceWritableKeyPath<Scratch, [UInt32]>] {
            self[keyPath: marks] = [UInt32](repeating: 0, count: self[keyPath: marks].count)
        }
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
