/// Fills in a rule's message template for one finding.
struct MessageRenderer {
    /// A rule's message templates, split once into literal text and `{{placeholder}}`s.
    struct Templates: Sendable {
        enum Part: Sendable {
            case text(String)
            case placeholder(String)
        }

        let id: [Part]
        let en: [Part]?

        init(_ message: Message) {
            id = Templates.parts(of: message.id)
            en = message.en.map(Templates.parts(of:))
        }

        private static func parts(of template: String) -> [Part] {
            let refs = (try? PatternExpander.references(in: template)) ?? []
            let bytes = Array(template.utf8)
            var parts: [Part] = []
            var last = 0
            for ref in refs {
                if ref.range.lowerBound > last { parts.append(.text(String(decoding: bytes[last..<ref.range.lowerBound], as: UTF8.self))) }
                parts.append(.placeholder(ref.list))
                last = ref.range.upperBound
            }
            if last < bytes.count || parts.isEmpty { parts.append(.text(String(decoding: bytes[last...], as: UTF8.self))) }
            return parts
        }
    }

    let rule: Plan.CompiledRule
    let action: Action
    let author: String?
    let evidence: [Evidence]
    /// The text of the field the first piece of evidence is in.
    let firstFieldText: String
    let candidates: [String]
    /// Where a candidate label's name and number are looked up.
    let labels: CandidateIndex
    /// The ids of the profiles the evidence names, and every profile of the rule set (read only
    /// for `{{profile}}`).
    let profileIDs: Set<String>
    let allProfiles: [ElectionProfile]

    /// The evidence of the first field as one quote, from its first to its last matched character
    /// (when that stays short); otherwise the first piece of evidence.
    private var span: String {
        guard let first = evidence.first else { return "" }
        var lower = first.start, upper = first.end
        for e in evidence.dropFirst() where e.field == first.field {
            lower = min(lower, e.start)
            upper = max(upper, e.end)
        }
        guard upper - lower <= 160 else { return first.text }
        let scalars = firstFieldText.unicodeScalars
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
        return Message(id: fill(rule.message.id, value), en: rule.message.en.map { fill($0, value) })
    }

    private func value(_ placeholder: String) -> String {
        switch placeholder {
        case "candidate": return candidates.first.map { labels.parts(ofLabel: $0).name } ?? "kandidat"
        case "number": return candidates.first.map { labels.parts(ofLabel: $0).number } ?? "-"
        case "match": return span
        case "action": return action.rawValue
        case "author": return author ?? "-"
        case "field": return evidence.first?.field ?? "-"
        case "profile": return allProfiles.filter { profileIDs.contains($0.id) }.map(\.name).joined(separator: ", ")
        case "rule": return rule.rule.id
        case "title": return rule.rule.title
        default:
            if placeholder.hasPrefix("pattern.") {
                let name = placeholder.dropFirst("pattern.".count)
                return evidence.first { $0.pattern == name }?.text ?? ""
            }
            return "{{\(placeholder)}}"
        }
    }

    private func fill(_ parts: [Templates.Part], _ value: (String) -> String) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .placeholder(let name): out += value(name)
            }
        }
        return out
    }
}
