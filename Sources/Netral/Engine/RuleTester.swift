/// Runs every rule's own examples through the real engine, the way
/// `netral rules test` and the test suite do.
///
/// A `match` example passes when its rule reports a finding for it; a
/// `no_match` example passes when its rule does not. Other rules are ignored,
/// so examples test one rule each.
public struct RuleTester: Sendable {
    /// One example that did not behave as its rule says.
    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        /// The rule.
        public var ruleID: String
        /// Where the example is written.
        public var location: SourceLocation
        /// The example's text (or a summary of the post).
        public var example: String
        /// True when the example should have been flagged.
        public var expectedMatch: Bool
        /// What the engine said about the rule: outcome, matches, exceptions, confidence.
        public var trace: RuleTrace?

        /// `file:line: RULE: expected match, got no match (condition false; matches: ...)`.
        public var description: String {
            var text = "\(location): \(ruleID): expected \(expectedMatch ? "a finding" : "no finding"), got \(expectedMatch ? "none" : "one") for \"\(example)\""
            if let trace {
                text += "\n    outcome: \(trace.outcome.rawValue)" + (trace.note.isEmpty ? "" : " (\(trace.note))")
                if !trace.matches.isEmpty {
                    text += "\n    matched: " + trace.matches.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.map { "\"\($0)\"" }.joined(separator: ","))" }.joined(separator: "; ")
                }
                if !trace.exceptions.isEmpty { text += "\n    exceptions: " + trace.exceptions.joined(separator: "; ") }
                if let c = trace.confidence, let t = trace.threshold { text += "\n    confidence: \(c) vs threshold \(t)" }
            }
            return text
        }
    }

    /// The outcome of testing a rule set.
    public struct Report: Sendable {
        /// Examples run.
        public var examples: Int
        /// Examples that behaved as written.
        public var passed: Int
        /// Those that did not.
        public var failures: [Failure]
        /// Per rule: (examples, failures).
        public var perRule: [(rule: String, examples: Int, failures: Int)]
    }

    let engine: Engine

    /// A tester running examples through `engine` (which should have `explain` on for useful failure reports).
    public init(engine: Engine) {
        self.engine = engine
    }

    /// Runs every example of every rule.
    public func run() -> Report {
        var failures: [Failure] = []
        var perRule: [(String, Int, Int)] = []
        var total = 0
        for rule in engine.ruleSet.rules {
            var ruleFailures = 0
            let cases = rule.examples.match.map { ($0, true) } + rule.examples.noMatch.map { ($0, false) }
            for (example, expected) in cases {
                total += 1
                let result = engine.evaluate(example.post)
                let fired = result.findings.contains { $0.ruleID == rule.id }
                if fired != expected {
                    ruleFailures += 1
                    let post = example.post
                    let summary = !post.text.isEmpty ? post.text : "\(post.action.rawValue) of \(post.target?.author ?? "") \(post.target?.text ?? "")"
                    failures.append(Failure(ruleID: rule.id, location: example.location, example: summary, expectedMatch: expected,
                                            trace: result.explanation?.first { $0.ruleID == rule.id }))
                }
            }
            perRule.append((rule.id, cases.count, ruleFailures))
        }
        return Report(examples: total, passed: total - failures.count, failures: failures, perRule: perRule)
    }
}
