import Foundation

/// A finding someone reviewed and judged not to be a violation, and how to recognise it: an entry under
/// `suppress:` in a rule file.
///
/// ```yaml
/// suppress:
///   - rule: ASN.GESTUR.SIMBOL_JARI
///     post: "1750000000000000001"
///     reason: "Foto tim futsal kantor; dua jari bukan nomor paslon. Ditinjau Rina, 12/2/2024."
///   - author: "@bawaslu_jatim"
///     reason: "Akun resmi Bawaslu: sosialisasi netralitas."
/// ```
///
/// A finding is suppressed when it meets every criterion the entry gives. It then moves from
/// ``PostResult/findings`` to ``PostResult/suppressed`` with the entry, so that the post is no longer
/// flagged for it but a report can still show what was set aside, where and why.
public struct Suppression: Sendable, Hashable {
    /// A rule id, or the start of ids followed by `*` (`ASN.GESTUR.*`); nil: any rule.
    public var rule: String?
    /// A post id; nil: any post.
    public var post: String?
    /// An author, compared without case and without a leading `@`; nil: any author.
    public var author: String?
    /// Text that one of the finding's evidence quotes contains, compared without case; nil: any evidence.
    public var evidence: String?
    /// Why the findings are not violations: who reviewed them, when, on what grounds.
    public var reason: String
    /// Where the entry is written.
    public var location: SourceLocation

    /// An entry; at least one of `rule`, `post`, `author` and `evidence` should be given.
    public init(rule: String? = nil, post: String? = nil, author: String? = nil, evidence: String? = nil,
                reason: String, location: SourceLocation) {
        self.rule = rule
        self.post = post
        self.author = author
        self.evidence = evidence
        self.reason = reason
        self.location = location
    }

    /// Whether the entry's `rule` names the rule `id`: exactly, or by the start of the id when it ends in `*`.
    /// True when the entry gives no rule.
    public func covers(ruleID id: String) -> Bool {
        guard let rule else { return true }
        if rule.hasSuffix("*") { return id.hasPrefix(rule.dropLast()) }
        return id == rule
    }

    /// Whether the entry suppresses `finding`, found in `post`.
    public func suppresses(_ finding: Finding, of post: Post) -> Bool {
        guard covers(ruleID: finding.ruleID) else { return false }
        if let id = self.post, id != post.id { return false }
        if let author {
            guard let written = post.author, Suppression.authorKey(written) == Suppression.authorKey(author) else { return false }
        }
        if let evidence {
            let wanted = evidence.lowercased()
            guard finding.evidence.contains(where: { $0.text.lowercased().contains(wanted) }) else { return false }
        }
        return true
    }

    /// Why the entry cannot be used (NR270), for an entry made in code; the decoder says the same of a
    /// file's entries, pointing at the key.
    var problem: Diagnostic? {
        let given = [rule, post, author, evidence].compactMap { $0 }
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || given.isEmpty || given.contains(where: Suppression.isBlank) {
            return Diagnostic(.error, "NR270", "a suppression needs a reason and at least one non-empty rule, post, author or evidence",
                              hint: "say what the entry covers and why; to switch a rule off, use disable: [ID]", at: location)
        }
        return nil
    }

    /// Whether a criterion as written covers nothing in particular: empty, white space or a bare `*`
    /// (an error, since such an entry would cover everything or nothing).
    static func isBlank(_ criterion: String) -> Bool {
        let trimmed = criterion.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty || trimmed == "*"
    }

    /// An author as compared: without case, surrounding white space or a leading `@`.
    static func authorKey(_ author: String) -> String {
        let trimmed = author.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.hasPrefix("@") ? String(trimmed.dropFirst()) : trimmed
    }
}
