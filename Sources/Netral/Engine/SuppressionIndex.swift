/// A rule set's suppression entries, looked up by post id and author.
///
/// A triage file grows over an election to thousands of entries, most naming one post or one author, so
/// a post's findings are checked only against the entries that can cover that post: those naming its id,
/// those naming its author (without a post), and those naming neither. Entries keep their file order, and
/// the first that covers a finding is the one reported.
struct SuppressionIndex: Sendable {
    /// Every entry, in load order.
    let entries: [Suppression]
    private let byPost: [String: [Int]]
    private let byAuthor: [String: [Int]]
    private let others: [Int]

    init(_ entries: [Suppression]) {
        self.entries = entries
        var byPost: [String: [Int]] = [:], byAuthor: [String: [Int]] = [:], others: [Int] = []
        for (i, entry) in entries.enumerated() {
            if let post = entry.post { byPost[post, default: []].append(i) }
            else if let author = entry.author { byAuthor[Suppression.authorKey(author), default: []].append(i) }
            else { others.append(i) }
        }
        self.byPost = byPost
        self.byAuthor = byAuthor
        self.others = others
    }

    /// Whether there are no entries.
    var isEmpty: Bool { entries.isEmpty }

    /// The indices of the entries that may cover findings of `post`, in load order.
    func candidates(for post: Post) -> [Int] {
        let named = byPost[post.id] ?? []
        let authored = post.author.flatMap { byAuthor[Suppression.authorKey($0)] } ?? []
        if named.isEmpty && authored.isEmpty { return others }
        return (named + authored + others).sorted()
    }
}

extension PostResult {
    /// Moves every finding that an entry of `index` covers to ``suppressed``, with the first entry that
    /// covers it.
    mutating func apply(_ index: SuppressionIndex, to post: Post) {
        guard !index.isEmpty, !findings.isEmpty else { return }
        let candidates = index.candidates(for: post)
        guard !candidates.isEmpty else { return }
        findings.removeAll { finding in
            guard let i = candidates.first(where: { index.entries[$0].suppresses(finding, of: post) }) else { return false }
            suppressed.append(SuppressedFinding(finding: finding, suppression: index.entries[i]))
            return true
        }
    }

    /// Marks the explanation of each suppressed finding's rule as suppressed, naming the entry.
    mutating func noteSuppressions() {
        guard !suppressed.isEmpty, var traces = explanation else { return }
        for s in suppressed {
            guard let i = traces.firstIndex(where: { $0.ruleID == s.finding.ruleID }) else { continue }
            traces[i].outcome = .suppressed
            traces[i].note = "suppressed by \(s.suppression.location): \(s.suppression.reason)"
        }
        explanation = traces
    }
}
