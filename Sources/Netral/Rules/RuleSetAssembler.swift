import PCRE2

/// Merges decoded files into one rule set and checks everything that spans
/// files: duplicate ids, overrides, disabled rules, list and pattern
/// references, conditions, message placeholders, and that PCRE2 compiles
/// every pattern.
struct RuleSetAssembler {
    let files: [RuleFile]
    let activeProfiles: [String]?
    let normalizer: Normalizer
    var diagnostics: [Diagnostic] = []
    /// Expanded patterns already compiled without error (hundreds of rules share the same lists).
    private var compiledSources = Set<String>()

    init(files: [RuleFile], activeProfiles: [String]?, normalizer: Normalizer) {
        self.files = files
        self.activeProfiles = activeProfiles
        self.normalizer = normalizer
    }

    struct Result {
        var rules: [Rule] = []
        var lists: [String: WordList] = [:]
        var profiles: [ElectionProfile] = []
        var suppressions: [Suppression] = []
    }

    mutating func assemble() -> Result {
        var result = Result()
        // Lists and profiles: one definition per name.
        var allProfiles: [ElectionProfile] = []
        for file in files {
            for list in file.lists {
                if let previous = result.lists[list.name] {
                    error("NR242", "list \"\(list.name)\" is defined twice (first at \(previous.location))", hint: "rename one or merge them", at: list.location)
                } else if list.name.hasPrefix("candidate.") || list.name.hasPrefix("profile.") {
                    error("NR243", "list names starting with \"candidate.\" or \"profile.\" are reserved for election profiles", at: list.location)
                } else {
                    result.lists[list.name] = list
                }
            }
            for profile in file.profiles {
                if let previous = allProfiles.first(where: { $0.id == profile.id }) {
                    error("NR252", "profile \"\(profile.id)\" is defined twice (first at \(previous.location))", at: profile.location)
                } else {
                    allProfiles.append(profile)
                }
            }
        }
        if let wanted = activeProfiles {
            for id in wanted where !allProfiles.contains(where: { $0.id == id }) {
                error("NR253", "no profile \"\(id)\" is loaded", hint: "loaded profiles: \(allProfiles.map(\.id).joined(separator: ", "))", at: nil)
            }
            result.profiles = allProfiles.filter { wanted.contains($0.id) }
        } else {
            result.profiles = allProfiles
        }
        for list in RuleSetAssembler.profileLists(result.profiles) { result.lists[list.name] = list }

        // Rules: in load order; a later rule replaces an earlier one only with override: true.
        var drafts: [RuleDraft] = []
        for file in files {
            for draft in file.rules {
                if let index = drafts.firstIndex(where: { $0.rule.id == draft.rule.id }) {
                    if draft.overrides {
                        drafts[index] = draft
                    } else {
                        error("NR260", "rule id \"\(draft.rule.id)\" is already used at \(drafts[index].rule.location)",
                              hint: "ids must be unique; to replace the earlier rule on purpose, add override: true", at: draft.rule.location, rule: draft.rule.id)
                    }
                } else {
                    drafts.append(draft)
                }
            }
        }
        for file in files {
            for (id, location) in file.disabled {
                if let index = drafts.firstIndex(where: { $0.rule.id == id }) {
                    drafts.remove(at: index)
                } else {
                    diagnostics.append(Diagnostic(.warning, "NR262", "disable names rule \"\(id)\", which is not loaded", hint: "check the id", at: location))
                }
            }
        }
        // Suppressions: a rule they name that is not loaded is likely a typo (the findings stay flagged).
        let ids = drafts.map(\.rule.id)
        for file in files {
            for entry in file.suppressions {
                if let rule = entry.rule, !ids.contains(where: entry.covers(ruleID:)) {
                    diagnostics.append(Diagnostic(.warning, "NR271", "suppression names rule \"\(rule)\", which is not loaded",
                                                  hint: PatternExpander.closest(rule, ids).map { "did you mean \"\($0)\"?" } ?? "check the id",
                                                  at: entry.location))
                }
                result.suppressions.append(entry)
            }
        }
        let expander = PatternExpander(lists: result.lists, normalizer: normalizer)
        for draft in drafts {
            validate(draft, expander: expander)
            result.rules.append(draft.rule)
        }
        return result
    }

    private mutating func validate(_ draft: RuleDraft, expander: PatternExpander) {
        let rule = draft.rule
        var names = Set<String>()
        for pattern in rule.patterns + rule.exceptions.map(\.pattern) {
            if !names.insert(pattern.name).inserted {
                error("NR211", "two patterns are named \"\(pattern.name)\"", hint: "names must be unique within a rule (patterns and exceptions together)", at: pattern.location, rule: rule.id)
            }
            compile(pattern, node: draft.regexNodes[pattern.name], expander: expander, rule: rule.id)
        }
        let patternNames = Set(rule.patterns.map(\.name))
        for name in rule.condition.patternNames where !patternNames.contains(name) {
            let location = draft.conditionNode.map { node -> SourceLocation in
                if case .scalar(let text, _, _) = node, let r = text.range(of: name) {
                    return node.location(ofValueByte: text.utf8.distance(from: text.startIndex, to: r.lowerBound), source: nil)
                }
                return node.location
            } ?? rule.location
            error("NR221", "condition uses \"\(name)\", which is not one of the rule's patterns",
                  hint: PatternExpander.closest(name, patternNames.sorted()).map { "did you mean \"\($0)\"?" } ?? "patterns: \(patternNames.sorted().joined(separator: ", "))",
                  at: location, rule: rule.id)
        }
        if case .atLeast(_, let ns) = rule.condition, ns.isEmpty {
            error("NR222", "rule has no patterns its condition could use", at: rule.location, rule: rule.id)
        }
        for exception in rule.exceptions {
            if let near = exception.near, !patternNames.contains(near) {
                error("NR224", "exception \"\(exception.pattern.name)\" is near \"\(near)\", which is not a pattern of the rule", at: exception.pattern.location, rule: rule.id)
            }
        }
        for adjustment in rule.confidence.adjustments where !patternNames.contains(adjustment.pattern) {
            error("NR225", "confidence context names pattern \"\(adjustment.pattern)\", which the rule does not define", at: rule.location, rule: rule.id)
        }
        for node in draft.messageNodes {
            guard case .scalar(let text, _, _) = node else { continue }
            for ref in (try? PatternExpander.references(in: text)) ?? [] {
                let placeholder = ref.list
                if placeholder.hasPrefix("pattern.") {
                    let name = String(placeholder.dropFirst("pattern.".count))
                    if !patternNames.contains(name) {
                        error("NR231", "message uses {{\(placeholder)}}, but the rule has no pattern \"\(name)\"", at: node.location(ofValueByte: ref.range.lowerBound, source: nil), rule: rule.id)
                    }
                } else if !Message.placeholders.contains(placeholder) {
                    error("NR231", "unknown placeholder {{\(placeholder)}} in message",
                          hint: "use \(Message.placeholders.sorted().map { "{{\($0)}}" }.joined(separator: ", ")) or {{pattern.NAME}}",
                          at: node.location(ofValueByte: ref.range.lowerBound, source: nil), rule: rule.id)
                }
            }
        }
    }

    /// Expands and compiles one pattern, reporting problems at the right column.
    private mutating func compile(_ pattern: PatternSpec, node: YAMLTree?, expander: PatternExpander, rule: String) {
        func locate(_ offset: Int) -> SourceLocation {
            node?.location(ofValueByte: offset, source: files.first { $0.path == pattern.location.file }?.source) ?? pattern.location
        }
        let expanded: String
        let references: [PatternExpander.Reference]
        do {
            references = try PatternExpander.references(in: pattern.regex)
            expanded = try expander.expand(pattern)
        } catch {
            self.error("NR222", "pattern \"\(pattern.name)\": \(error.message)", hint: error.hint, at: locate(error.offset), rule: rule)
            return
        }
        if pattern.cased && pattern.view == .normalized {
            diagnostics.append(Diagnostic(.warning, "NR212", "pattern \"\(pattern.name)\" is cased but reads the normalised (lower-case) view",
                                          hint: "add view: original, or drop cased", at: pattern.location, rule: rule))
        }
        let compileKey = "\(pattern.cased)\u{0}\(expanded)"
        if compiledSources.contains(compileKey) { return }
        do {
            _ = try PCRE2Regex(expanded, options: pattern.cased ? [] : .caseless, jit: false)
            compiledSources.insert(compileKey)
        } catch {
            // Map the offset in the expanded pattern back to the pattern as written.
            var offset = error.offset ?? 0
            var shift = 0
            var insideReference: PatternExpander.Reference?
            for ref in references {
                let expansion = expander.alternation(for: expander.lists[ref.list]!, view: pattern.view, partial: ref.partial)
                let start = ref.range.lowerBound + shift
                if offset < start { break }
                if offset < start + expansion.utf8.count { insideReference = ref; break }
                shift += expansion.utf8.count - ref.range.count
            }
            if let ref = insideReference {
                self.error("NR223", "pattern \"\(pattern.name)\": list {{\(ref.list)}} does not compile: \(error.message)",
                           hint: "a regex entry of that list is broken", at: locate(ref.range.lowerBound), rule: rule)
                return
            }
            offset -= shift
            self.error("NR223", "pattern \"\(pattern.name)\" does not compile: \(error.message) (at offset \(offset))",
                       hint: "PCRE2 syntax; in YAML prefer single quotes so backslashes stay as written", at: locate(offset), rule: rule)
        }
    }

    private mutating func error(_ code: String, _ message: String, hint: String? = nil, at location: SourceLocation?, rule: String? = nil) {
        diagnostics.append(Diagnostic(.error, code, message, hint: hint, at: location, rule: rule))
    }

    // MARK: - Lists from profiles

    /// Number words per ballot number, including Javanese and Sundanese forms.
    static let numberWords: [Int: String] = [
        1: "satu|siji|hiji|setunggal", 2: "dua|loro|kalih", 3: "tiga|telu|tilu", 4: "empat|papat|opat|sekawan",
        5: "lima|gangsal", 6: "enam|nem|genep", 7: "tujuh|pitu|tujuh", 8: "delapan|wolu|dalapan", 9: "sembilan|sanga|salapan",
    ]

    /// The lists election profiles contribute: `candidate.*` and `profile.context`.
    static func profileLists(_ profiles: [ElectionProfile]) -> [WordList] {
        var lists: [String: [WordList.Entry]] = [:]
        // Every profile list exists, if empty, so rules load whichever profiles are active.
        for name in ["names", "nicknames", "acronyms", "slogans", "hashtags", "accounts", "parties", "teams", "refs",
                     "numbers", "number_words", "gestures"] { lists["candidate." + name] = [] }
        lists["profile.context"] = []
        func add(_ name: String, _ entry: WordList.Entry) { lists[name, default: []].append(entry) }
        for profile in profiles {
            for c in profile.candidates {
                let label = "\(c.number < 10 ? "0" : "")\(c.number) \(c.label) (\(profile.id))"
                func each(_ name: String, _ values: [String]) {
                    for v in values { add("candidate." + name, .init(text: v, label: label, profile: profile.id)) }
                }
                each("names", c.names); each("nicknames", c.nicknames); each("acronyms", c.acronyms)
                each("slogans", c.slogans); each("hashtags", c.hashtags); each("accounts", c.accounts)
                each("parties", c.parties); each("teams", c.teams)
                each("refs", c.names + c.nicknames + c.hashtags + c.accounts + c.teams)
                add("candidate.numbers", .init(text: "(?<!\\d)0{0,2}\(c.number)(?!\\d)", isRegex: true, label: label, profile: profile.id))
                if let words = numberWords[c.number] {
                    add("candidate.number_words", .init(text: "(?:(?:kosong|nol)\\s*)?(?:\(words))", isRegex: true, label: label, profile: profile.id))
                }
                for g in c.gestures { add("candidate.gestures", .init(text: ":\(g):", label: label, profile: profile.id)) }
                // Names written together, as inside hashtags: "Ganjar Pranowo" → "ganjarpranowo". Not the
                // acronyms: inside a hashtag they are mostly words ("#semangatpagi", "#agama").
                for name in Set((c.names + c.nicknames).map { $0.lowercased().filter { $0.isLetter } }) where name.count >= 4 {
                    add("candidate.squashed", .init(text: name, label: label, profile: profile.id))
                }
            }
            for word in profile.context { add("profile.context", .init(text: word, label: profile.name, profile: profile.id)) }
        }
        return lists.map { WordList(name: $0.key, entries: $0.value, description: "from election profiles") }
    }
}
