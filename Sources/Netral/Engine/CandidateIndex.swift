/// Names the candidate a piece of evidence points to, by dictionary look-ups instead of regexes:
/// the evidence's words (and word sequences up to four long) are looked up among the normalised
/// entries of the profiles' lists, and ballot numbers among the candidates' numbers.
struct CandidateIndex: Sendable {
    typealias Candidate = (label: String, profile: String?)

    private var phrases: [String: [Candidate]] = [:]
    private var numbers: [Int: [Candidate]] = [:]
    private var numberWords: [String: Int] = [:]
    private var longest = 1
    /// Every label's name and ballot number, worked out once (messages quote them for every finding).
    private var labelParts: [Label: LabelParts] = [:]

    /// A label as a dictionary key, told apart by its bytes (labels hold non-ASCII dashes, which
    /// `String` hashing would normalise on every look-up).
    private struct Label: Hashable {
        let text: String
        func hash(into hasher: inout Hasher) { hasher.combineUTF8(of: text) }
        static func == (a: Label, b: Label) -> Bool { a.text.hasSameUTF8(as: b.text) }
    }

    /// What a message says of a candidate label such as "02 Prabowo – Gibran (Pilpres 2024)".
    struct LabelParts: Sendable {
        /// "Prabowo – Gibran": the label without its number and its parenthesised note.
        let name: String
        /// "02": the digits it starts with.
        let number: String

        init(label: String) {
            let name = label.drop { $0.isNumber }.drop { $0 == " " }
            let bytes = name.utf8
            var previous: UInt8 = 0
            var cut = name.endIndex
            for index in bytes.indices {
                if bytes[index] == UInt8(ascii: "("), previous == UInt8(ascii: " ") {
                    cut = bytes.index(before: index)
                    break
                }
                previous = bytes[index]
            }
            self.name = String(name[..<cut])
            number = String(label.prefix { $0.isNumber })
        }
    }

    init(lists: [String: WordList], normalizer: Normalizer) {
        for (name, list) in lists where name.hasPrefix("candidate.") && name != "candidate.numbers" && name != "candidate.number_words" {
            for entry in list.entries where !entry.isRegex {
                guard let label = entry.label else { continue }
                let key = normalizer.normalize(entry.text).text
                guard !key.isEmpty else { continue }
                if !(phrases[key]?.contains { $0.label == label } ?? false) { phrases[key, default: []].append((label, entry.profile)) }
                longest = max(longest, key.split(separator: " ").count)
            }
        }
        for entry in lists["candidate.numbers"]?.entries ?? [] {
            guard let label = entry.label, let number = Int(label.prefix { $0.isNumber }) else { continue }
            numbers[number, default: []].append((label, entry.profile))
        }
        for (number, words) in RuleSetAssembler.numberWords {
            for word in words.split(separator: "|") { numberWords[String(word)] = number }
        }
        for candidate in Array(phrases.values.joined()) + Array(numbers.values.joined()) where labelParts[Label(text: candidate.label)] == nil {
            labelParts[Label(text: candidate.label)] = LabelParts(label: candidate.label)
        }
    }

    /// The name and number of a label this index may return (worked out now for any other).
    func parts(ofLabel label: String) -> LabelParts {
        labelParts[Label(text: label)] ?? LabelParts(label: label)
    }

    /// The candidates `text` (normalised) names.
    func candidates(in text: String) -> [Candidate] {
        var found: [Candidate] = []
        func add(_ cs: [Candidate]) { for c in cs where !found.contains(where: { $0.label == c.label }) { found.append(c) } }
        if let exact = phrases[text] { add(exact) }
        // Split on the separators' bytes (all ASCII): no grapheme breaking on the way.
        let words = text.utf8.split { byte in
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!")
                || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\"")
        }.map { Substring($0) }
        if found.isEmpty {
            for start in words.indices {
                var phrase = ""
                for length in 0..<min(longest, words.count - start) {
                    phrase += (length == 0 ? "" : " ") + words[start + length]
                    if let hit = phrases[phrase] { add(hit) }
                    // Pair names written with a hyphen ("prabowo-gibran") are entries too; their halves are not.
                    if length == 0, phrase.utf8.contains(UInt8(ascii: "-")) {
                        for half in phrase.split(separator: "-") { if let hit = phrases[String(half)] { add(hit) } }
                    }
                }
            }
        }
        // Ballot numbers count only when the evidence is plainly a number or names it as one.
        if found.isEmpty {
            let numeric = words.allSatisfy { $0.allSatisfy(\.isNumber) }
            let marked = words.contains { ["no", "no.", "nomor", "nomer", "urut", "paslon", "capres", "cagub", "cabup", "calon", "kosong", "nol"].contains($0) || $0.hasPrefix("0") }
            if numeric || marked {
                for word in words {
                    if let n = Int(word), let cs = numbers[n] { add(cs) }
                    if marked, let n = numberWords[String(word)], let cs = numbers[n] { add(cs) }
                }
            }
        }
        return found
    }
}
