// The keys and the post-to-post cache of candidate attribution (`Evaluator.attribute`): which
// candidates an evidence text names.

/// An evidence text as the candidates it names are looked up by: the text a pattern matched, and
/// whether that was the original text (which is normalised before the look-up) or a view.
///
/// Keys are told apart by their bytes: `String`'s own hashing normalises non-ASCII text first,
/// which made the look-up cost more than the work it saves. (Two spellings that are canonically
/// equivalent are two keys, each looked up once, with the same result.)
struct AttributionKey: Hashable {
    let original: Bool
    /// A slice of the post's text while the post is evaluated; a copy of its own in the cache kept
    /// from post to post (``Scratch/namedCandidates``), which must not hold whole posts.
    let text: Substring

    func hash(into hasher: inout Hasher) {
        hasher.combine(original)
        hasher.combineUTF8(of: text)
    }

    static func == (a: AttributionKey, b: AttributionKey) -> Bool {
        a.original == b.original && a.text.hasSameUTF8(as: b.text)
    }
}

/// The candidates an evidence text names, before a post's date and context narrow them down.
struct NamedCandidates {
    let candidates: [CandidateIndex.Candidate]
    /// Per candidate: its profile's index (-1: none). A profile the rule set does not have (a list
    /// entry built by hand may name one) is numbered after those it has.
    let profileOf: [Int32]
    /// The profiles among them, each once; when there are two or more, the post must narrow them down.
    let profiles: [Int32]

    init(_ candidates: [CandidateIndex.Candidate], profileIndex: [String: Int]) {
        self.candidates = candidates
        var unknown: [String] = []
        profileOf = candidates.map { candidate in
            guard let id = candidate.profile else { return -1 }
            if let index = profileIndex[id] { return Int32(index) }
            if !unknown.contains(id) { unknown.append(id) }
            return Int32(profileIndex.count + unknown.firstIndex(of: id)!)
        }
        var profiles: [Int32] = []
        for p in profileOf where p >= 0 && !profiles.contains(p) { profiles.append(p) }
        self.profiles = profiles
    }
}
