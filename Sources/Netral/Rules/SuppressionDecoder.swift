import Foundation

/// Reading the `suppress:` entries of a rule file.
extension RuleFileDecoder {
    /// The keys a suppression entry may have.
    static let suppressionKeys = ["rule", "post", "author", "evidence", "reason"]

    /// Decodes one entry of `suppress:` (see ``Suppression``); nil, with diagnostics, when it is unusable.
    mutating func decodeSuppression(_ tree: YAMLTree) -> Suppression? {
        guard let m = mapping(tree, "a suppression") else { return nil }
        let before = diagnostics.count
        checkKeys(m, allowed: RuleFileDecoder.suppressionKeys, in: "a suppression", at: tree.location)
        // Each criterion, nil when absent; a blank one would cover everything or nothing, so it is an error.
        func criterion(_ key: String) -> String? {
            guard let text = optionalString(m, key) else { return nil }
            if Suppression.isBlank(text) {
                error("NR270", "\"\(key)\" of a suppression is empty", hint: "leave the key out, or say which \(key) the entry covers",
                      at: value(m, key)?.location ?? tree.location)
                return nil
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let rule = criterion("rule"), post = criterion("post"), author = criterion("author"), evidence = criterion("evidence")
        let reason = requiredString(m, "reason", in: "a suppression", at: tree.location)?.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason?.isEmpty == true {
            error("NR270", "the reason of a suppression is empty",
                  hint: "say who reviewed the finding, when, and why it is not a violation", at: value(m, "reason")?.location ?? tree.location)
        }
        if diagnostics.count == before, rule == nil, post == nil, author == nil, evidence == nil {
            error("NR270", "a suppression names no rule, post, author or evidence, so it would hide every finding",
                  hint: "add at least one of rule:, post:, author:, evidence: (to switch a rule off, use disable: [ID])", at: tree.location)
        }
        guard diagnostics.count == before, let reason else { return nil }
        return Suppression(rule: rule, post: post, author: author, evidence: evidence, reason: reason, location: tree.location)
    }
}
