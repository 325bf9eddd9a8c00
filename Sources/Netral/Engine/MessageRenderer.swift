/// Fills in a rule's message template for one finding.
struct MessageRenderer {
    /// A rule's message templates with their `{{placeholder}}` references located.
    struct Templates: Sendable {
        let id: [PatternExpander.Reference]
        let en: [PatternExpander.Reference]

        init(_ message: Message) {
            id = (try? PatternExpander.references(in: message.id)) ?? []
            en = message.en.flatMap { try? PatternExpander.references(in: $0) } ?? []
        }
    }

    let rule: Rule
    let templates: Templates
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
        let scalars = value.text.unicodeScalars
        guard let from = scalars.index(scalars.startIndex, offsetBy: lower, limitedBy: scalars.endIndex),
              let to = scalars.index(from, offsetBy: upper - lower, limitedBy: scalars.endIndex) else { return first.text }
        return String(scalars[from..<to])
    }

    func render() -> Message {
        // Both languages quote the same span: work it out once, when a template asks for it.
        var quoted: String?
        func value(_ placeholder: String) -> String {
            guard placeholder == "match" else { return self.value(placeholder) }
            if quoted == nil { quoted = span }
            return quoted!
        }
        return Message(id: fill(rule.message.id, templates.id, value), en: rule.message.en.map { fill($0, templates.en, value) })
    }

    /// "02 Prabowo – Gibran (Pilpres 2024)" → "Prabowo – Gibran".
    private static func name(ofLabel label: String) -> String {
        let name = label.drop { $0.isNumber }.drop { $0 == " " }
        let bytes = name.utf8
        var previous: UInt8 = 0
        for index in bytes.indices {
            if bytes[index] == UInt8(ascii: "("), previous == UInt8(ascii: " ") { return String(name[..<bytes.index(before: index)]) }
            previous = bytes[index]
        }
        return String(name)
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

    private func fill(_ template: String, _ refs: [PatternExpander.Reference], _ value: (String) -> String) -> String {
        guard !refs.isEmpty else { return template }
        let bytes = Array(template.utf8)
        var out = ""
        var last = 0
        for ref in refs {
            out += String(decoding: bytes[last..<ref.range.lowerBound], as: UTF8.self)
            out += value(ref.list)
            last = ref.range.upperBound
        }
        return out + String(decoding: bytes[last...], as: UTF8.self)
    }
}
