/// Fills in a rule's message template for one finding.
struct MessageRenderer {
    let rule: Rule
    let post: Post
    let evidence: [Evidence]
    let candidates: [String]
    let profiles: [ElectionProfile]

    /// The evidence of the first field as one quote, from its first to its last matched character
    /// (when that stays short); otherwise the first piece of evidence.
    private var span: String {
        guard let first = evidence.first else { return "" }
        let same = evidence.filter { $0.field == first.field }
        let lower = same.map(\.start).min()!, upper = same.map(\.end).max()!
        guard upper - lower <= 160, let value = Field.allCases.lazy.flatMap({ self.post.values(of: $0) }).first(where: { $0.path == first.field }) else {
            return first.text
        }
        let scalars = Array(value.text.unicodeScalars)
        guard upper <= scalars.count else { return first.text }
        return String(String.UnicodeScalarView(scalars[lower..<upper]))
    }

    func render() -> Message {
        Message(id: fill(rule.message.id), en: rule.message.en.map(fill))
    }

    /// "02 Prabowo – Gibran (Pilpres 2024)" → "Prabowo – Gibran".
    private static func name(ofLabel label: String) -> String {
        let name = label.drop { $0.isNumber }.drop { $0 == " " }
        return String(name.firstRange(of: " (").map { name[..<$0.lowerBound] } ?? name)
    }

    private func value(_ placeholder: String) -> String {
        switch placeholder {
        case "candidate": return candidates.first.map(Self.name(ofLabel:)) ?? "kandidat"
        case "number": return candidates.first.map { String($0.prefix { $0.isNumber }) } ?? "-"
        case "match": return span
        case "action": return post.action.rawValue
        case "author": return post.author ?? "-"
        case "field": return evidence.first?.field ?? "-"
        case "profile": return profiles.map(\.name).joined(separator: ", ")
        case "rule": return rule.id
        case "title": return rule.title
        default:
            if placeholder.hasPrefix("pattern.") {
                let name = placeholder.dropFirst("pattern.".count)
                return evidence.first { $0.pattern == name }?.text ?? ""
            }
            return "{{\(placeholder)}}"
        }
    }

    /// Replaces every `{{name}}` of the template (a plain byte scan: templates are short and
    /// rendered for every finding).
    private func fill(_ template: String) -> String {
        let bytes = Array(template.utf8)
        guard bytes.contains(UInt8(ascii: "{")) else { return template }
        let brace = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var i = 0
        while i < bytes.count {
            if bytes[i] == brace, i + 1 < bytes.count, bytes[i + 1] == brace,
               let end = (i + 2..<max(i + 2, bytes.count - 1)).first(where: { bytes[$0] == close && bytes[$0 + 1] == close }) {
                let name = String(decoding: bytes[(i + 2)..<end], as: UTF8.self)
                out.append(contentsOf: value(String(Substring(name).trimmingSpaces())).utf8)
                i = end + 2
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

private extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
