/// Precision, recall and F1 of a rule pack on labelled posts, overall and per
/// category, beside the same figures for a plain keyword search.
public struct QualityReport: Sendable {
    /// Counts for one class.
    public struct Scores: Sendable {
        /// True positives, false positives, false negatives.
        public var tp = 0, fp = 0, fn = 0
        /// tp / (tp + fp); 1 when nothing was flagged.
        public var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        /// tp / (tp + fn); 1 when nothing was expected.
        public var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        /// Harmonic mean of precision and recall.
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// Posts measured.
    public var posts = 0
    /// Posts labelled as violations.
    public var violations = 0
    /// Flagged or not, against violation or not.
    public var overall = Scores()
    /// Per category (only for posts labelled with categories).
    public var perCategory: [String: Scores] = [:]
    /// The keyword search's flagged-or-not scores.
    public var keyword = Scores()
    /// Posts the pack got wrong: id, expected, got.
    public var mistakes: [(id: String, violation: Bool, expected: [String], got: [String], text: String)] = []

    /// Measures `engine` and the keyword baseline on `labelled`.
    public static func measure(engine: Engine, labelled: [LabelledPost]) -> QualityReport {
        var report = QualityReport()
        let baseline = KeywordBaseline(profiles: engine.ruleSet.profiles)
        let results = engine.evaluate(labelled.map(\.post))
        for (item, result) in zip(labelled, results) {
            report.posts += 1
            if item.violation { report.violations += 1 }
            let got = Set(result.findings.map(\.category))
            switch (item.violation, result.flagged) {
            case (true, true): report.overall.tp += 1
            case (false, true): report.overall.fp += 1
            case (true, false): report.overall.fn += 1
            case (false, false): break
            }
            for category in item.categories.union(got) {
                var s = report.perCategory[category] ?? Scores()
                switch (item.categories.contains(category), got.contains(category)) {
                case (true, true): s.tp += 1
                case (false, true): s.fp += 1
                case (true, false): s.fn += 1
                case (false, false): break
                }
                report.perCategory[category] = s
            }
            switch (item.violation, baseline.flags(item.post)) {
            case (true, true): report.keyword.tp += 1
            case (false, true): report.keyword.fp += 1
            case (true, false): report.keyword.fn += 1
            case (false, false): break
            }
            if item.violation != result.flagged {
                let text = item.post.text.isEmpty ? "\(item.post.action.rawValue): \(item.post.target?.author ?? "") \(item.post.target?.text ?? "")" : item.post.text
                report.mistakes.append((item.post.id, item.violation, item.categories.sorted(), got.sorted(), text))
            }
        }
        return report
    }

    /// The report as text: overall, keyword baseline, per category, then the mistakes.
    public func render(showMistakes: Bool = true) -> String {
        func row(_ name: String, _ s: Scores) -> String {
            name.padding(toLength: 24, withPad: " ", startingAt: 0)
                + String(format: "P %.3f  R %.3f  F1 %.3f   (tp %d, fp %d, fn %d)", s.precision, s.recall, s.f1, s.tp, s.fp, s.fn)
        }
        var out = "\(posts) posts, \(violations) labelled as violations\n\n"
        out += row("rule pack (flagged)", overall) + "\n"
        out += row("keyword search", keyword) + "\n\nPer category:\n"
        for (name, s) in perCategory.sorted(by: { $0.key < $1.key }) { out += "  " + row(name, s) + "\n" }
        if showMistakes && !mistakes.isEmpty {
            out += "\nMistakes:\n"
            for m in mistakes {
                let expected = m.violation ? (m.expected.isEmpty ? "violation" : m.expected.joined(separator: ",")) : "clean"
                out += "  \(m.id): expected \(expected), got \(m.got.isEmpty ? "clean" : m.got.joined(separator: ","))  | \(m.text.replacingOccurrences(of: "\n", with: " ").prefix(140))\n"
            }
        }
        return out
    }
}

/// What analysts do today: flag a post when any candidate name or campaign word
/// appears in it, case-insensitively, anywhere. The yardstick the pack is measured against.
public struct KeywordBaseline: Sendable {
    /// The keywords, lower case.
    public let keywords: [String]

    /// Campaign verbs and nouns a keyword search would use.
    public static let campaignWords = ["coblos", "pilih", "dukung", "menangkan", "kampanye", "relawan", "paslon", "capres",
                                       "cawapres", "cagub", "cabup", "nomor urut", "timses", "tim sukses", "pemenangan", "#"]

    /// Keywords from the profiles' candidate names and nicknames plus the campaign words.
    public init(profiles: [ElectionProfile]) {
        var words = Set(KeywordBaseline.campaignWords.filter { $0 != "#" })
        for p in profiles {
            for c in p.candidates {
                for name in c.names + c.nicknames { words.insert(name.lowercased()) }
            }
        }
        keywords = words.sorted()
    }

    /// True when any keyword occurs in any text of the post.
    public func flags(_ post: Post) -> Bool {
        let texts = Field.allCases.flatMap { post.values(of: $0) }.map { $0.text.lowercased() }
        return texts.contains { text in keywords.contains { text.contains($0) } }
    }
}
