import Foundation

/// Decodes one parsed rule file into rules, lists, profiles and a manifest,
/// collecting every problem as a located ``Diagnostic``.
struct RuleFileDecoder {
    let path: String
    let source: String
    var diagnostics: [Diagnostic] = []

    init(path: String, source: String) {
        self.path = path
        self.source = source
    }

    // MARK: - Top level

    mutating func decode(_ tree: YAMLTree?) -> RuleFile {
        var file = RuleFile(path: path, source: source)
        guard let tree else { return file }
        guard let top = mapping(tree, "a rule file") else { return file }
        checkKeys(top, allowed: ["pack", "rules", "lists", "profile", "profiles", "disable", "suppress"], in: "a rule file", at: tree.location)
        for (key, keyLocation, value) in top {
            switch key {
            case "pack": file.manifest = decodeManifest(value)
            case "rules":
                for item in sequence(value, "the rules list") {
                    if let draft = decodeRule(item) { file.rules.append(draft) }
                }
            case "lists":
                for (name, nameLocation, body) in mapping(value, "lists") ?? [] {
                    if let list = decodeList(name: name, at: nameLocation, body) { file.lists.append(list) }
                }
            case "profile":
                if let p = decodeProfile(value) { file.profiles.append(p) }
            case "profiles":
                for item in sequence(value, "profiles") {
                    if let p = decodeProfile(item) { file.profiles.append(p) }
                }
            case "disable":
                for item in sequence(value, "disable") {
                    if let id = string(item, "a rule id") { file.disabled.append((id, item.location)) }
                }
            case "suppress":
                for item in sequence(value, "suppress") {
                    if let entry = decodeSuppression(item) { file.suppressions.append(entry) }
                }
            default:
                _ = keyLocation
            }
        }
        return file
    }

    // MARK: - Manifest

    private mutating func decodeManifest(_ tree: YAMLTree) -> RuleFile.Manifest? {
        guard let m = mapping(tree, "pack") else { return nil }
        checkKeys(m, allowed: ["name", "version", "description", "include"], in: "pack", at: tree.location)
        guard let name = requiredString(m, "name", in: "pack", at: tree.location) else { return nil }
        let version = optionalString(m, "version") ?? "0"
        var include: [(String, SourceLocation)] = []
        if let list = value(m, "include") {
            for item in sequence(list, "include") {
                if let p = string(item, "a file or folder path") { include.append((p, item.location)) }
            }
        }
        return RuleFile.Manifest(info: PackInfo(name: name, version: version, description: optionalString(m, "description"), location: tree.location),
                                 include: include)
    }

    // MARK: - Rules

    private static let ruleKeys = ["id", "title", "description", "severity", "category", "basis", "sanction", "message",
                                   "actions", "fields", "patterns", "exceptions", "condition", "confidence", "examples",
                                   "status", "tags", "references", "falsepositives", "override"]

    private mutating func decodeRule(_ tree: YAMLTree) -> RuleDraft? {
        guard let m = mapping(tree, "a rule") else { return nil }
        let before = diagnostics.count
        guard let id = requiredString(m, "id", in: "rule", at: tree.location) else { return nil }
        if id.range(of: #"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"#, options: .regularExpression) == nil {
            error("NR201", "rule id \"\(id)\" has characters ids may not use", hint: "use letters, digits, '.', '_' and '-', like ASN.DUKUNGAN.AJAKAN", at: value(m, "id")!.location, rule: id)
        }
        checkKeys(m, allowed: RuleFileDecoder.ruleKeys, in: "rule", at: tree.location, rule: id)
        let title = requiredString(m, "title", in: "rule", at: tree.location, rule: id) ?? id
        let severityNode = value(m, "severity")
        var severity = Severity.medium
        if let severityNode, let text = string(severityNode, "a severity") {
            if let s = Severity(rawValue: text.lowercased()) { severity = s } else {
                error("NR205", "unknown severity \"\(text)\"", hint: "use one of \(Severity.allCases.map(\.rawValue).joined(separator: ", "))", at: severityNode.location, rule: id)
            }
        } else if severityNode == nil {
            error("NR202", "rule has no \"severity\"", hint: "add severity: info, low, medium, high or critical", at: tree.location, rule: id)
        }
        let category = requiredString(m, "category", in: "rule", at: tree.location, rule: id) ?? "uncategorised"

        var basis: [LegalReference] = []
        if let b = value(m, "basis") {
            for item in sequence(b, "basis") { if let ref = decodeBasis(item, rule: id) { basis.append(ref) } }
        } else {
            error("NR202", "rule has no \"basis\"", hint: "name the regulation it enforces, e.g. basis: [{regulation: PP 94/2021, article: Pasal 5 huruf n}]", at: tree.location, rule: id)
        }

        var messageNodes: [YAMLTree] = []
        var message = Message(id: title)
        if let node = value(m, "message") {
            switch node {
            case .scalar(let text, _, _):
                message = Message(id: text)
                messageNodes.append(node)
            case .mapping(let pairs, _):
                checkKeys(pairs, allowed: ["id", "en"], in: "message", at: node.location, rule: id)
                if let idNode = value(pairs, "id"), let text = string(idNode, "the Indonesian message") {
                    message.id = text
                    messageNodes.append(idNode)
                } else { error("NR202", "message has no Indonesian text (\"id\")", at: node.location, rule: id) }
                if let enNode = value(pairs, "en") {
                    message.en = string(enNode, "the English message")
                    messageNodes.append(enNode)
                }
            default:
                error("NR204", "\"message\" must be text or {id: ..., en: ...}, found \(node.kindName)", at: node.location, rule: id)
            }
        }

        var actions = Set<Action>()
        if let node = value(m, "actions") {
            for item in sequence(node, "actions") {
                guard let name = string(item, "an action") else { continue }
                if let a = Action(rawValue: name) { actions.insert(a) } else {
                    error("NR206", "unknown action \"\(name)\"", hint: "use \(Action.allCases.map(\.rawValue).joined(separator: ", "))", at: item.location, rule: id)
                }
            }
        }
        let fields = value(m, "fields").map { decodeFields($0, rule: id) } ?? Field.resolve("own")!

        var patterns: [PatternSpec] = []
        var regexNodes: [String: YAMLTree] = [:]
        if let node = value(m, "patterns") {
            for (name, nameLocation, body) in mapping(node, "patterns") ?? [] {
                if let (spec, regexNode) = decodePattern(name: name, at: nameLocation, body, rule: id, extraKeys: []) {
                    patterns.append(spec)
                    regexNodes[name] = regexNode
                }
            }
        } else {
            error("NR202", "rule has no \"patterns\"", hint: "add at least one named pattern", at: tree.location, rule: id)
        }

        var exceptions: [ExceptionSpec] = []
        if let node = value(m, "exceptions") {
            switch node {
            case .mapping(let pairs, _):
                for (name, nameLocation, body) in pairs {
                    guard let (spec, regexNode) = decodePattern(name: name, at: nameLocation, body, rule: id, extraKeys: ["near", "within"]) else { continue }
                    regexNodes[name] = regexNode
                    var exception = ExceptionSpec(pattern: spec)
                    if case .mapping(let inner, _) = body {
                        if let near = value(inner, "near") { exception.near = string(near, "a pattern name") }
                        if let w = value(inner, "within") { exception.within = integer(w, "a word count") ?? 3 }
                    }
                    exceptions.append(exception)
                }
            case .sequence(let items, _):
                for (i, item) in items.enumerated() {
                    let name = "exception_\(i + 1)"
                    guard let (spec, regexNode) = decodePattern(name: name, at: item.location, item, rule: id, extraKeys: ["near", "within"]) else { continue }
                    regexNodes[name] = regexNode
                    exceptions.append(ExceptionSpec(pattern: spec))
                }
            default:
                error("NR204", "\"exceptions\" must map names to patterns, found \(tree.kindName)", at: node.location, rule: id)
            }
        }

        var confidence = ConfidenceSpec()
        if let node = value(m, "confidence") {
            confidence = decodeConfidence(node, rule: id, patterns: &patterns, regexNodes: &regexNodes)
        }

        let conditionNode = value(m, "condition")
        let patternNames = patterns.map(\.name).filter { !$0.hasPrefix("_context") }
        var condition = Condition.atLeast(1, patternNames)
        if let conditionNode, let text = string(conditionNode, "a condition") {
            do {
                condition = try ConditionParser.parse(text, patterns: patternNames)
            } catch {
                self.error("NR220", "condition: \(error.message)", hint: error.hint,
                           at: conditionNode.location(ofValueByte: error.offset, source: source), rule: id)
            }
        }

        var examples = RuleExamples()
        if let node = value(m, "examples") {
            examples = decodeExamples(node, rule: id)
        }

        let status = optionalString(m, "status") ?? "experimental"
        let override = value(m, "override").flatMap { boolean($0, "true or false") } ?? false
        let rule = Rule(
            id: id, title: title, description: optionalString(m, "description") ?? "", severity: severity,
            category: category, basis: basis, sanction: optionalString(m, "sanction"), message: message,
            actions: actions, fields: fields, patterns: patterns, exceptions: exceptions, condition: condition,
            confidence: confidence, examples: examples, status: status, tags: stringList(m, "tags"),
            references: stringList(m, "references"), falsePositives: stringList(m, "falsepositives"),
            location: tree.location, pack: nil)
        _ = before
        return RuleDraft(rule: rule, overrides: override, regexNodes: regexNodes, conditionNode: conditionNode, messageNodes: messageNodes)
    }

    private mutating func decodeBasis(_ tree: YAMLTree, rule: String) -> LegalReference? {
        switch tree {
        case .scalar(let text, _, _):
            return LegalReference(regulation: text)
        case .mapping(let m, _):
            checkKeys(m, allowed: ["regulation", "article", "point", "verified", "url"], in: "basis", at: tree.location, rule: rule)
            guard let regulation = requiredString(m, "regulation", in: "basis", at: tree.location, rule: rule) else { return nil }
            return LegalReference(regulation: regulation, article: optionalString(m, "article"), point: optionalString(m, "point"),
                                  verified: value(m, "verified").flatMap { boolean($0, "true or false") } ?? true,
                                  url: optionalString(m, "url"))
        default:
            error("NR204", "a basis entry must be text or {regulation, article, point}, found \(tree.kindName)", at: tree.location, rule: rule)
            return nil
        }
    }

    private mutating func decodeFields(_ tree: YAMLTree, rule: String?) -> [Field] {
        var fields: [Field] = []
        let items: [YAMLTree]
        if case .scalar = tree { items = [tree] } else { items = sequence(tree, "fields") }
        for item in items {
            guard let name = string(item, "a field name") else { continue }
            if let resolved = Field.resolve(name) {
                for f in resolved where !fields.contains(f) { fields.append(f) }
            } else {
                let known = Field.allCases.map(\.rawValue) + Field.groups.keys.sorted()
                error("NR207", "unknown field \"\(name)\"", hint: suggestion(for: name, among: known).map { "did you mean \"\($0)\"?" } ?? "fields are \(known.joined(separator: ", "))",
                      at: item.location, rule: rule)
            }
        }
        return fields
    }

    /// A pattern: a string, or {regex, fields, view, cased} (plus `extraKeys` for exceptions).
    private mutating func decodePattern(name: String, at location: SourceLocation, _ tree: YAMLTree, rule: String, extraKeys: [String]) -> (PatternSpec, YAMLTree)? {
        if name.range(of: #"^[A-Za-z_][A-Za-z0-9_]*$"#, options: .regularExpression) == nil {
            error("NR208", "pattern name \"\(name)\" is not a plain identifier", hint: "use letters, digits and _ (conditions refer to it by name)", at: location, rule: rule)
        }
        switch tree {
        case .scalar(let regex, _, _):
            return (PatternSpec(name: name, regex: regex, location: tree.location), tree)
        case .mapping(let m, _):
            checkKeys(m, allowed: ["regex", "fields", "view", "cased"] + extraKeys, in: "pattern \"\(name)\"", at: tree.location, rule: rule)
            guard let regexNode = value(m, "regex") else {
                error("NR202", "pattern \"\(name)\" has no \"regex\"", at: tree.location, rule: rule)
                return nil
            }
            guard let regex = string(regexNode, "a regular expression") else { return nil }
            var spec = PatternSpec(name: name, regex: regex, location: regexNode.location)
            if let f = value(m, "fields") { spec.fields = decodeFields(f, rule: rule) }
            if let v = value(m, "view"), let text = string(v, "a view") {
                if let view = PatternSpec.View(rawValue: text) { spec.view = view } else {
                    error("NR209", "unknown view \"\(text)\"", hint: "use normalized or original", at: v.location, rule: rule)
                }
            }
            if let c = value(m, "cased") { spec.cased = boolean(c, "true or false") ?? false }
            return (spec, regexNode)
        default:
            error("NR204", "pattern \"\(name)\" must be a regular expression or {regex: ...}, found \(tree.kindName)", at: tree.location, rule: rule)
            return nil
        }
    }

    private mutating func decodeConfidence(_ tree: YAMLTree, rule: String, patterns: inout [PatternSpec], regexNodes: inout [String: YAMLTree]) -> ConfidenceSpec {
        var spec = ConfidenceSpec()
        guard let m = mapping(tree, "confidence") else { return spec }
        checkKeys(m, allowed: ["base", "threshold", "context"], in: "confidence", at: tree.location, rule: rule)
        if let b = value(m, "base"), let v = score(b, rule: rule) { spec.base = v }
        if let t = value(m, "threshold"), let v = score(t, rule: rule) { spec.threshold = v }
        if let c = value(m, "context") {
            for (i, item) in sequence(c, "context").enumerated() {
                guard let im = mapping(item, "a context entry") else { continue }
                checkKeys(im, allowed: ["pattern", "regex", "adjust", "within", "fields"], in: "context entry", at: item.location, rule: rule)
                var name: String?
                if let p = value(im, "pattern") { name = string(p, "a pattern name") }
                else if let r = value(im, "regex"), let regex = string(r, "a regular expression") {
                    let generated = "_context\(i + 1)"
                    var p = PatternSpec(name: generated, regex: regex, location: r.location)
                    if let f = value(im, "fields") { p.fields = decodeFields(f, rule: rule) }
                    patterns.append(p)
                    regexNodes[generated] = r
                    name = generated
                } else {
                    error("NR202", "context entry needs \"pattern\" (a pattern name) or \"regex\"", at: item.location, rule: rule)
                }
                guard let name, let adjustNode = value(im, "adjust") else {
                    if name != nil { error("NR202", "context entry has no \"adjust\"", hint: "add adjust: -0.3 (or +0.2)", at: item.location, rule: rule) }
                    continue
                }
                guard let adjust = number(adjustNode, "a number between -1 and 1"), (-1...1).contains(adjust) else {
                    error("NR210", "\"adjust\" must be a number between -1 and 1", at: adjustNode.location, rule: rule)
                    continue
                }
                spec.adjustments.append(.init(pattern: name, adjust: adjust, within: value(im, "within").flatMap { integer($0, "a word count") }))
            }
        }
        return spec
    }

    private mutating func score(_ tree: YAMLTree, rule: String) -> Double? {
        guard let v = number(tree, "a number between 0 and 1") else { return nil }
        guard (0...1).contains(v) else {
            error("NR210", "\(v) is outside 0...1", hint: "scores are between 0 and 1", at: tree.location, rule: rule)
            return nil
        }
        return v
    }

    private mutating func decodeExamples(_ tree: YAMLTree, rule: String) -> RuleExamples {
        var examples = RuleExamples()
        guard let m = mapping(tree, "examples") else { return examples }
        checkKeys(m, allowed: ["match", "no_match"], in: "examples", at: tree.location, rule: rule)
        var counter = 0
        for (key, _, list) in m {
            for item in sequence(list, key) {
                counter += 1
                guard let post = decodeExamplePost(item, number: counter, rule: rule) else { continue }
                let example = RuleExamples.Example(post: post, location: item.location)
                if key == "match" { examples.match.append(example) } else if key == "no_match" { examples.noMatch.append(example) }
            }
        }
        return examples
    }

    private mutating func decodeExamplePost(_ tree: YAMLTree, number: Int, rule: String) -> Post? {
        switch tree {
        case .scalar(let text, _, _):
            return Post(id: "\(rule)#\(number)", text: text)
        case .mapping:
            guard var object = plain(tree) as? [String: Any] else { return nil }
            if object["id"] == nil { object["id"] = "\(rule)#\(number)" }
            do {
                return try Post(jsonObject: object)
            } catch {
                self.error("NR230", "example is not a valid post: \(error.message)", hint: "write it as the JSON Lines post format, e.g. {action: like, target: {text: ...}}", at: tree.location, rule: rule)
                return nil
            }
        default:
            error("NR204", "an example must be text or a post, found \(tree.kindName)", at: tree.location, rule: rule)
            return nil
        }
    }

    // MARK: - Lists

    private mutating func decodeList(name: String, at location: SourceLocation, _ tree: YAMLTree) -> WordList? {
        if name.range(of: #"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$"#, options: .regularExpression) == nil {
            error("NR240", "list name \"\(name)\" is not a plain identifier", hint: "use letters, digits, _ and dots", at: location)
        }
        var listIsRegex = false
        var description: String?
        let items: [YAMLTree]
        switch tree {
        case .sequence(let s, _): items = s
        case .mapping(let m, _):
            checkKeys(m, allowed: ["description", "regex", "entries"], in: "list \"\(name)\"", at: tree.location)
            description = optionalString(m, "description")
            listIsRegex = value(m, "regex").flatMap { boolean($0, "true or false") } ?? false
            items = value(m, "entries").map { sequence($0, "entries") } ?? []
        default:
            error("NR204", "list \"\(name)\" must be a list of entries, found \(tree.kindName)", at: tree.location)
            return nil
        }
        var entries: [WordList.Entry] = []
        for item in items {
            switch item {
            case .scalar(let text, _, _):
                entries.append(.init(text: text, isRegex: listIsRegex))
            case .mapping(let m, _):
                checkKeys(m, allowed: ["text", "regex", "label"], in: "list entry", at: item.location)
                if let r = optionalString(m, "regex") {
                    entries.append(.init(text: r, isRegex: true, label: optionalString(m, "label")))
                } else if let t = requiredString(m, "text", in: "list entry", at: item.location) {
                    entries.append(.init(text: t, isRegex: false, label: optionalString(m, "label")))
                }
            default:
                error("NR204", "a list entry must be text or {text, label}, found \(item.kindName)", at: item.location)
            }
        }
        if entries.isEmpty { error("NR241", "list \"\(name)\" is empty", hint: "add entries or remove the list", at: location) }
        return WordList(name: name, entries: entries, description: description, location: location)
    }

    // MARK: - Profiles

    private mutating func decodeProfile(_ tree: YAMLTree) -> ElectionProfile? {
        guard let m = mapping(tree, "a profile") else { return nil }
        checkKeys(m, allowed: ["id", "name", "kind", "jurisdiction", "timezone", "windows", "candidates", "context"], in: "profile", at: tree.location)
        guard let id = requiredString(m, "id", in: "profile", at: tree.location) else { return nil }
        let zone = optionalString(m, "timezone") ?? "+07:00"
        var windows: [String: DateInterval] = [:]
        if let w = value(m, "windows") {
            for (name, _, body) in mapping(w, "windows") ?? [] {
                guard let wm = mapping(body, "a window") else { continue }
                checkKeys(wm, allowed: ["from", "to"], in: "window \"\(name)\"", at: body.location)
                guard let fromText = requiredString(wm, "from", in: "window", at: body.location),
                      let toText = requiredString(wm, "to", in: "window", at: body.location) else { continue }
                guard let from = RFC3339.parse("\(fromText)T00:00:00\(zone)"),
                      let toStart = RFC3339.parse("\(toText)T00:00:00\(zone)"), toStart >= from else {
                    error("NR250", "window \"\(name)\" needs dates written YYYY-MM-DD with from ≤ to", at: body.location)
                    continue
                }
                windows[name] = DateInterval(start: from, end: toStart.addingTimeInterval(86_400 - 0.001))
            }
        }
        var candidates: [ElectionProfile.Candidate] = []
        if let c = value(m, "candidates") {
            for item in sequence(c, "candidates") {
                guard let cm = mapping(item, "a candidate") else { continue }
                checkKeys(cm, allowed: ["number", "label", "names", "nicknames", "acronyms", "slogans", "hashtags", "accounts", "gestures", "parties", "teams"],
                          in: "candidate", at: item.location)
                guard let numberNode = value(cm, "number"), let number = integer(numberNode, "a ballot number") else {
                    error("NR202", "candidate has no \"number\"", hint: "add its ballot number, e.g. number: 2", at: item.location)
                    continue
                }
                let names = stringList(cm, "names")
                let label = optionalString(cm, "label") ?? names.joined(separator: " – ")
                let gestures = stringList(cm, "gestures")
                for g in gestures where !NormalizationTables.gestureTokens.values.contains(":\(g):") {
                    error("NR251", "unknown gesture \"\(g)\"", hint: "gestures are \(Set(NormalizationTables.gestureTokens.values).sorted().map { String($0.dropFirst().dropLast()) }.joined(separator: ", "))",
                          at: value(cm, "gestures")!.location)
                }
                candidates.append(.init(number: number, label: label, names: names, nicknames: stringList(cm, "nicknames"),
                                        acronyms: stringList(cm, "acronyms"), slogans: stringList(cm, "slogans"),
                                        hashtags: stringList(cm, "hashtags"), accounts: stringList(cm, "accounts"),
                                        gestures: gestures, parties: stringList(cm, "parties"), teams: stringList(cm, "teams")))
            }
        }
        return ElectionProfile(id: id, name: optionalString(m, "name") ?? id, kind: optionalString(m, "kind") ?? "pemilu",
                               jurisdiction: optionalString(m, "jurisdiction"), windows: windows, candidates: candidates,
                               context: stringList(m, "context"), location: tree.location)
    }

    // MARK: - Typed access with diagnostics

    typealias Pairs = [(key: String, keyLocation: SourceLocation, value: YAMLTree)]

    mutating func error(_ code: String, _ message: String, hint: String? = nil, at location: SourceLocation, rule: String? = nil) {
        diagnostics.append(Diagnostic(.error, code, message, hint: hint, at: location, rule: rule))
    }

    mutating func mapping(_ tree: YAMLTree, _ what: String) -> Pairs? {
        if case .mapping(let pairs, _) = tree { return pairs }
        error("NR204", "\(what) must be a mapping (key: value), found \(tree.kindName)", at: tree.location)
        return nil
    }

    mutating func sequence(_ tree: YAMLTree, _ what: String) -> [YAMLTree] {
        if case .sequence(let items, _) = tree { return items }
        error("NR204", "\"\(what)\" must be a list (- item), found \(tree.kindName)", at: tree.location)
        return []
    }

    mutating func string(_ tree: YAMLTree, _ what: String) -> String? {
        if case .scalar(let text, _, _) = tree { return text }
        error("NR204", "expected \(what), found \(tree.kindName)", at: tree.location)
        return nil
    }

    private mutating func number(_ tree: YAMLTree, _ what: String) -> Double? {
        if case .scalar(let text, _, _) = tree, let v = Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "+", with: "")) { return v }
        error("NR204", "expected \(what)", at: tree.location)
        return nil
    }

    private mutating func integer(_ tree: YAMLTree, _ what: String) -> Int? {
        if case .scalar(let text, _, _) = tree, let v = Int(text.trimmingCharacters(in: .whitespaces)), v >= 0 { return v }
        error("NR204", "expected \(what) (a whole number)", at: tree.location)
        return nil
    }

    private mutating func boolean(_ tree: YAMLTree, _ what: String) -> Bool? {
        if case .scalar(let text, _, _) = tree {
            switch text.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        error("NR204", "expected \(what)", at: tree.location)
        return nil
    }

    func value(_ pairs: Pairs, _ key: String) -> YAMLTree? {
        pairs.first { $0.key == key }?.value
    }

    mutating func optionalString(_ pairs: Pairs, _ key: String) -> String? {
        value(pairs, key).flatMap { string($0, "text for \"\(key)\"") }
    }

    mutating func requiredString(_ pairs: Pairs, _ key: String, in what: String, at location: SourceLocation, rule: String? = nil) -> String? {
        guard let node = value(pairs, key) else {
            error("NR202", "\(what) has no \"\(key)\"", hint: "add \(key): ...", at: location, rule: rule)
            return nil
        }
        return string(node, "text for \"\(key)\"")
    }

    private mutating func stringList(_ pairs: Pairs, _ key: String) -> [String] {
        guard let node = value(pairs, key) else { return [] }
        if case .scalar(let text, _, _) = node { return [text] }
        return sequence(node, key).compactMap { string($0, "text") }
    }

    mutating func checkKeys(_ pairs: Pairs, allowed: [String], in what: String, at location: SourceLocation, rule: String? = nil) {
        var seen = Set<String>()
        for (key, keyLocation, _) in pairs {
            if !seen.insert(key).inserted {
                error("NR104", "duplicate key \"\(key)\" in \(what)", hint: "each key may appear once", at: keyLocation, rule: rule)
            }
            if !allowed.contains(key) {
                error("NR203", "unknown key \"\(key)\" in \(what)",
                      hint: suggestion(for: key, among: allowed).map { "did you mean \"\($0)\"?" } ?? "known keys: \(allowed.joined(separator: ", "))",
                      at: keyLocation, rule: rule)
            }
        }
    }

    /// The closest known word, when it is close enough to be a typo.
    private func suggestion(for word: String, among known: [String]) -> String? {
        let scored = known.map { ($0, RuleFileDecoder.editDistance(word.lowercased(), $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return row[b.count]
    }

    /// The tree as plain Foundation values, for reading example posts.
    private func plain(_ tree: YAMLTree) -> Any {
        switch tree {
        case .scalar(let text, let style, _):
            if style == .plain {
                if text == "null" || text == "~" { return NSNull() }
                if let i = Int(text) { return NSNumber(value: i) }
            }
            return text
        case .sequence(let items, _): return items.map(plain)
        case .mapping(let pairs, _):
            var d: [String: Any] = [:]
            for (k, _, v) in pairs { d[k] = plain(v) }
            return d
        }
    }
}
