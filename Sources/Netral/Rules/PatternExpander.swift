/// Expands `{{list}}` references in a pattern into PCRE2 alternations.
///
/// `{{name}}` stands for any entry of the list as a whole word: it never
/// matches inside a longer word. `{{name|partial}}` drops that boundary.
/// Literal entries are normalised like the text they will meet (for
/// normalised-view patterns) and escaped; regex entries are used as written.
struct PatternExpander {
    /// A reference to a list inside a pattern.
    struct Reference: Hashable {
        var list: String
        var partial: Bool
        /// The byte range of `{{...}}` in the pattern.
        var range: Range<Int>
    }

    struct Failure: Error {
        var message: String
        var offset: Int
        var hint: String?
    }

    let lists: [String: WordList]
    let normalizer: Normalizer
    /// Alternations already built, by list, view and boundary: large rule sets refer to the same
    /// vocabulary lists from hundreds of rules.
    private let cache = Cache()

    private final class Cache {
        var alternations: [String: String] = [:]
    }

    init(lists: [String: WordList], normalizer: Normalizer) {
        self.lists = lists
        self.normalizer = normalizer
    }

    /// The references in `regex`, in order.
    static func references(in regex: String) throws(Failure) -> [Reference] {
        let bytes = Array(regex.utf8)
        var refs: [Reference] = []
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "\\") { i += 2; continue }
            if bytes[i] == UInt8(ascii: "{"), bytes[i + 1] == UInt8(ascii: "{") {
                guard let close = (i + 2..<max(i + 2, bytes.count - 1)).first(where: { bytes[$0] == UInt8(ascii: "}") && bytes[$0 + 1] == UInt8(ascii: "}") }) else {
                    throw Failure(message: "'{{' without a closing '}}'", offset: i, hint: "write a list reference as {{list_name}}")
                }
                let inner = String(decoding: bytes[(i + 2)..<close], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                var name = inner
                var partial = false
                if let bar = inner.firstIndex(of: "|") {
                    name = String(inner[..<bar]).trimmingCharacters(in: .whitespaces)
                    let modifier = inner[inner.index(after: bar)...].trimmingCharacters(in: .whitespaces)
                    guard modifier == "partial" else {
                        throw Failure(message: "unknown list modifier '\(modifier)'", offset: i, hint: "the only modifier is {{name|partial}}")
                    }
                    partial = true
                }
                refs.append(Reference(list: name, partial: partial, range: i..<(close + 2)))
                i = close + 2
                continue
            }
            i += 1
        }
        return refs
    }

    /// The pattern with every reference replaced by its alternation.
    func expand(_ spec: PatternSpec) throws(Failure) -> String {
        let refs = try PatternExpander.references(in: spec.regex)
        guard !refs.isEmpty else { return spec.regex }
        let bytes = Array(spec.regex.utf8)
        var out = ""
        var last = 0
        for ref in refs {
            out += String(decoding: bytes[last..<ref.range.lowerBound], as: UTF8.self)
            guard let list = lists[ref.list] else {
                throw Failure(message: "unknown list '\(ref.list)'", offset: ref.range.lowerBound,
                              hint: PatternExpander.closest(ref.list, lists.keys.sorted()).map { "did you mean {{\($0)}}?" }
                                ?? "define it under lists:, or load the profile that provides it")
            }
            out += alternation(for: list, view: spec.view, partial: ref.partial)
            last = ref.range.upperBound
        }
        out += String(decoding: bytes[last...], as: UTF8.self)
        return out
    }

    /// `(?:entry|entry|...)`, bounded as whole words unless partial. Literal entries are merged
    /// into a prefix tree (`prabowo(?:\s+gibran)?|pak\s+prabowo`), so that PCRE2 follows one
    /// branch per letter instead of trying every entry at every position; regex entries follow.
    func alternation(for list: WordList, view: PatternSpec.View, partial: Bool) -> String {
        let key = "\(list.name)\u{0}\(view.rawValue)\u{0}\(partial)"
        if lists[list.name] == list, let known = cache.alternations[key] { return known }
        let built = buildAlternation(for: list, view: view, partial: partial)
        if lists[list.name] == list { cache.alternations[key] = built }
        return built
    }

    private func buildAlternation(for list: WordList, view: PatternSpec.View, partial: Bool) -> String {
        var trie = Trie()
        var regexBranches: [String] = []
        var seen = Set<String>()
        for entry in list.entries {
            if entry.isRegex {
                let branch = "(?:\(entry.text))"
                if seen.insert(branch).inserted { regexBranches.append(branch) }
            } else {
                let tokens = PatternExpander.escapedTokens(literal(entry.text, view: view))
                if !tokens.isEmpty { trie.insert(tokens) }
            }
        }
        var branches: [String] = []
        if !trie.isEmpty { branches.append(trie.render()) }
        branches += regexBranches.sorted { $0.utf8.count != $1.utf8.count ? $0.utf8.count > $1.utf8.count : $0 < $1 }
        // An empty list matches nothing (an empty alternation would match everywhere).
        guard !branches.isEmpty else { return "(?!)" }
        let body = branches.count == 1 ? "(?:" + branches[0] + ")" : "(?:" + branches.joined(separator: "|") + ")"
        return partial ? body : "(?<![\\p{L}\\p{N}_])" + body + "(?![\\p{L}\\p{N}_])"
    }

    /// A literal split into escaped regex tokens: one per character, `\s+` for a run of white space.
    static func escapedTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if tokens.last != "\\s+" { tokens.append("\\s+") }
                continue
            }
            if scalar.isASCII, !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                tokens.append("\\" + String(scalar))
            } else {
                tokens.append(String(scalar))
            }
        }
        while tokens.first == "\\s+" { tokens.removeFirst() }
        while tokens.last == "\\s+" { tokens.removeLast() }
        return tokens
    }

    /// A prefix tree of escaped tokens, rendered as a factored alternation.
    struct Trie {
        private var children: [String: Trie] = [:]
        private var order: [String] = []
        private var terminal = false

        var isEmpty: Bool { children.isEmpty && !terminal }

        mutating func insert(_ tokens: [String]) {
            guard let first = tokens.first else { terminal = true; return }
            if children[first] == nil { order.append(first); children[first] = Trie() }
            children[first]!.insert(Array(tokens.dropFirst()))
        }

        /// The regex for this node's subtree (without the node's own token).
        func render() -> String {
            let keys = order.sorted()
            let parts = keys.map { key in key + children[key]!.render() }
            if parts.isEmpty { return "" }
            let inner = parts.count == 1 ? parts[0] : "(?:" + parts.joined(separator: "|") + ")"
            // A node that ends an entry makes its continuations optional (greedy: longer first).
            return terminal ? "(?:" + inner + ")?" : inner
        }
    }

    /// A literal entry as it will appear in the view the pattern reads.
    func literal(_ text: String, view: PatternSpec.View) -> String {
        view == .normalized ? normalizer.normalize(text).text : text
    }

    static func closest(_ word: String, _ known: [String]) -> String? {
        let best = known.map { ($0, RuleFileDecoder.editDistance(word, $0)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }
}
