/// Warns about likely mistakes in rules that load without errors: patterns
/// that can backtrack catastrophically, lists nobody uses, rules without
/// examples or with one-sided examples, patterns nothing refers to, and ids
/// that one pack redefines from another.
struct Linter {
    let files: [RuleFile]
    let rules: [Rule]
    let lists: [String: WordList]

    func run() -> [Diagnostic] {
        var out: [Diagnostic] = []
        var usedLists = Set<String>()
        for rule in rules {
            for pattern in rule.patterns + rule.exceptions.map(\.pattern) {
                for ref in (try? PatternExpander.references(in: pattern.regex)) ?? [] { usedLists.insert(ref.list) }
                if let problem = Linter.backtrackingRisk(in: pattern.regex) {
                    out.append(Diagnostic(.warning, "NR301", "pattern \"\(pattern.name)\" can backtrack catastrophically: \(problem)",
                                          hint: "remove the nested repetition, or make it atomic (?>...) or possessive (++, *+)",
                                          at: pattern.location, rule: rule.id))
                }
            }
            if rule.examples.match.isEmpty && rule.examples.noMatch.isEmpty {
                out.append(Diagnostic(.warning, "NR303", "rule has no examples", hint: "add examples: {match: [...], no_match: [...]} so `netral rules test` can prove it", at: rule.location, rule: rule.id))
            } else if rule.examples.match.isEmpty || rule.examples.noMatch.isEmpty {
                out.append(Diagnostic(.warning, "NR304", "rule's examples test only one side (\(rule.examples.match.isEmpty ? "no match examples" : "no no_match examples"))",
                                      hint: "add at least one post it must flag and one it must leave alone", at: rule.location, rule: rule.id))
            }
            var referenced = rule.condition.patternNames
            referenced.formUnion(rule.exceptions.compactMap(\.near))
            referenced.formUnion(rule.confidence.adjustments.map(\.pattern))
            for pattern in rule.patterns where !referenced.contains(pattern.name) {
                out.append(Diagnostic(.warning, "NR305", "pattern \"\(pattern.name)\" is never used by the condition, an exception or the confidence context",
                                      hint: "use it or remove it", at: pattern.location, rule: rule.id))
            }
        }
        for file in files {
            for list in file.lists where !usedLists.contains(list.name) {
                out.append(Diagnostic(.warning, "NR302", "list \"\(list.name)\" is never used", hint: "reference it as {{\(list.name)}} in a pattern, or remove it", at: list.location))
            }
        }
        // The same id in two packs: legal with override, but worth knowing.
        var firstSeen: [String: Rule] = [:]
        for file in files {
            for draft in file.rules {
                if let first = firstSeen[draft.rule.id], first.pack != draft.rule.pack, draft.overrides {
                    out.append(Diagnostic(.info, "NR306", "rule overrides \(draft.rule.id) from pack \(first.pack ?? "?") (\(first.location))", at: draft.rule.location, rule: draft.rule.id))
                } else if firstSeen[draft.rule.id] == nil {
                    firstSeen[draft.rule.id] = draft.rule
                }
            }
        }
        return out
    }

    /// A description of a nested repetition (`(a+)+`, `(.*a){20}`), or nil.
    static func backtrackingRisk(in regex: String) -> String? {
        let b = Array(regex.utf8)
        struct Group { var start: Int; var unbounded = false; var atomic = false }
        var stack: [Group] = [Group(start: 0)]
        var i = 0
        var inClass = false
        /// Reads a quantifier at `j`: (unbounded, repeatsMoreThanOnce, maximum count, length) or nil.
        func quantifier(at j: Int) -> (unbounded: Bool, repeats: Bool, maxCount: Int, length: Int)? {
            guard j < b.count else { return nil }
            var result: (Bool, Bool, Int, Int)?
            switch b[j] {
            case UInt8(ascii: "*"), UInt8(ascii: "+"): result = (true, true, Int.max, 1)
            case UInt8(ascii: "?"): result = (false, false, 1, 1)
            case UInt8(ascii: "{"):
                guard let close = b[j...].firstIndex(of: UInt8(ascii: "}")) else { return nil }
                let body = String(decoding: b[(j + 1)..<close], as: UTF8.self)
                let parts = body.split(separator: ",", omittingEmptySubsequences: false)
                guard parts.count <= 2, parts.allSatisfy({ $0.isEmpty || Int($0) != nil }), !(parts.first?.isEmpty ?? true) || parts.count == 2 else { return nil }
                let unbounded = parts.count == 2 && parts[1].isEmpty
                let maxCount = parts.count == 2 ? (Int(parts[1]) ?? Int.max) : (Int(parts[0]) ?? 0)
                result = (unbounded, maxCount >= 2, maxCount, close - j + 1)
            default: return nil
            }
            // Possessive quantifiers never backtrack.
            if let r = result, j + r.3 < b.count, b[j + r.3] == UInt8(ascii: "+") { return (false, false, 1, r.3 + 1) }
            return result
        }
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\\") {
                if !inClass, let q = quantifier(at: i + 2), q.unbounded { stack[stack.count - 1].unbounded = true }
                i += 2
                continue
            }
            if inClass {
                if c == UInt8(ascii: "]") {
                    inClass = false
                    if let q = quantifier(at: i + 1), q.unbounded { stack[stack.count - 1].unbounded = true }
                }
                i += 1
                continue
            }
            switch c {
            case UInt8(ascii: "["):
                inClass = true
                if i + 1 < b.count, b[i + 1] == UInt8(ascii: "]") { i += 1 }
                i += 1
            case UInt8(ascii: "("):
                var g = Group(start: i)
                g.atomic = i + 2 < b.count && b[i + 1] == UInt8(ascii: "?") && (b[i + 2] == UInt8(ascii: ">") || b[i + 2] == UInt8(ascii: "=") || b[i + 2] == UInt8(ascii: "!"))
                stack.append(g)
                i += 1
            case UInt8(ascii: ")"):
                guard stack.count > 1 else { i += 1; continue }
                let group = stack.removeLast()
                if let q = quantifier(at: i + 1) {
                    // A group that repeats without bound, repeated itself without bound or many
                    // times, backtracks exponentially; {0,3} around it is only polynomial.
                    if group.unbounded, !group.atomic, q.repeats, q.unbounded || q.maxCount > 5 {
                        let text = String(decoding: b[group.start...min(b.count - 1, i + q.length)], as: UTF8.self)
                        return "\(text) repeats a group that itself repeats without bound"
                    }
                    if q.unbounded || group.unbounded { stack[stack.count - 1].unbounded = true }
                    i += 1 + q.length
                } else {
                    if group.unbounded && !group.atomic { stack[stack.count - 1].unbounded = true }
                    i += 1
                }
            default:
                if let q = quantifier(at: i + 1) {
                    if q.unbounded { stack[stack.count - 1].unbounded = true }
                    i += 1 + q.length
                } else {
                    i += 1
                }
            }
        }
        return nil
    }
}
