import Testing
@testable import Netral
import PCRE2

@Suite("AtomExtractor: literals every match must contain")
struct AtomExtractorTests {
    let lists: [String: Set<String>] = ["calon": ["anies", "prabowo", "ganjar"]]

    func atoms(_ regex: String) -> Set<String>? {
        AtomExtractor(listAtoms: { lists[$0.list].map { ($0, true) } }).atoms(of: regex)
    }

    func leading(_ regex: String) -> Bool? {
        AtomExtractor(listAtoms: { lists[$0.list].map { ($0, true) } }).analysis(of: regex)?.leading
    }

    @Test func sequencesKeepTheMostSelectiveLiteral() {
        #expect(atoms(#"\bcoblos\b"#) == ["coblos"])
        #expect(atoms(#"ayo\s+coblos"#) == ["coblos"])
        #expect(atoms("pilih|coblos") == ["pilih", "coblos"])
        #expect(atoms("(?:ayo|mari) dukung") == [" dukung"])
        #expect(atoms("abc+d") == ["abc"])
    }

    @Test func optionalPartsAndClassesRequireNothing() {
        #expect(atoms("x?coblos") == ["coblos"])
        #expect(atoms("[a-z]+") == nil)
        #expect(atoms("coblos|[0-9]+") == nil, "a branch without a literal makes the pattern unfilterable")
        #expect(atoms("(?:coblos)?") == nil)
    }

    @Test func listsStandForTheirEntries() {
        #expect(atoms("{{calon}}!") == ["anies", "prabowo", "ganjar"])
        #expect(atoms("dukung {{calon}}") == ["dukung "], "the literal whose shortest atom is longest is kept")
        #expect(atoms("{{unknown}}") == nil)
    }

    @Test func positiveLookaroundsCountNegativeOnesDoNot() {
        #expect(atoms(#"#(?=\w*{{calon|partial}})\w+"#) == ["anies", "prabowo", "ganjar"])
        #expect(atoms(#"(?<=pak )prabowo"#) == ["prabowo"])
        #expect(atoms(#"(?<!tidak )(?:\w+)"#) == nil)
        #expect(atoms(#"#(?!\w*netral)\w+"#) == ["#"])
    }

    @Test func leadingAtomsStartEveryMatch() {
        #expect(leading(#"(?<![\p{L}\p{N}_])(?:{{calon}})(?![\p{L}\p{N}_])"#) == true)
        #expect(leading(#"\bcoblos\b"#) == true)
        #expect(leading("coblos|pilih") == true)
        #expect(leading(#"ayo\s+coblos"#) == false, "the chosen atom, coblos, is not at the start")
        #expect(leading("x?coblos") == false)
        #expect(leading(#"[#@]prabowo"#) == false)
        #expect(leading(#"#(?=\w*{{calon|partial}})\w+"#) == false, "lookahead atoms lie after the start")
        #expect(leading(#"coblos|ayo\s+pilih"#) == false, "every branch must be leading")
    }

    @Test func unsupportedSyntaxIsUnfilterable() {
        #expect(atoms(#"(a)\1"#) == nil)
        #expect(atoms(#"(?i)coblos"#) == nil)
        #expect(atoms(#"\Qcoblos\E"#) == nil)
    }

    /// Soundness on real patterns: wherever a default-pack pattern matches an example post's
    /// normalised text, one of its atoms occurs in that text.
    @Test func everyMatchOfTheDefaultPackContainsAnAtom() throws {
        var loader = RuleSetLoader()
        loader.addDefaultPack()
        let ruleSet = try loader.load()
        let normalizer = Normalizer()
        let expander = PatternExpander(lists: ruleSet.lists, normalizer: normalizer)
        let extractor = AtomExtractor(listAtoms: { ref in ruleSet.lists[ref.list].flatMap { Plan.atoms(of: $0, normalizer: normalizer) } })
        var checked = 0, leadingChecked = 0
        for rule in ruleSet.rules {
            let texts = (rule.examples.match + rule.examples.noMatch).flatMap { example in
                [example.post.text, example.post.target?.text ?? ""] + example.post.hashtags.map { "#" + $0 }
            }.map { normalizer.normalize($0) }
            for spec in rule.patterns + rule.exceptions.map(\.pattern) where spec.view == .normalized {
                guard let atoms = extractor.atoms(of: spec.regex) else { continue }
                let leading = extractor.analysis(of: spec.regex)?.leading ?? false
                let regex = try PCRE2Regex(try expander.expand(spec), options: spec.cased ? [] : .caseless)
                for text in texts {
                    let views = [text.text] + [normalizer.leetView(of: text)?.text].compactMap { $0 }
                    for view in views where try regex.firstMatch(in: view) != nil {
                        checked += 1
                        #expect(atoms.contains { view.contains(Plan.truncated($0)) }, "\(rule.id)/\(spec.name) matched \"\(view)\" without any atom")
                        guard leading else { continue }
                        // Leading atoms: every match starts with one.
                        for m in try regex.matches(in: view) where !m.range.isEmpty {
                            let rest = String(decoding: Array(view.utf8)[m.range.lowerBound...], as: UTF8.self)
                            leadingChecked += 1
                            #expect(atoms.contains { rest.hasPrefix(Plan.truncated($0)) }, "\(rule.id)/\(spec.name): match at \(m.range) of \"\(view)\" starts with no atom")
                        }
                    }
                }
            }
        }
        #expect(checked > 200)
        #expect(leadingChecked > 100)
    }
}
