import Testing
@testable import Netral
import PCRE2

@Suite("AtomExtractor: literals every match must contain")
struct AtomExtractorTests {
    let lists: [String: Set<String>] = ["calon": ["anies", "prabowo", "ganjar"]]

    func atoms(_ regex: String) -> Set<String>? {
        AtomExtractor(listAtoms: { lists[$0.list].map { ($0, $0) } }).atoms(of: regex)
    }

    func leading(_ regex: String) -> Set<String>? {
        AtomExtractor(listAtoms: { lists[$0.list].map { ($0, $0) } }).analysis(of: regex)?.leading
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

    @Test func leadingLiteralsStartEveryMatch() {
        #expect(leading(#"(?<![\p{L}\p{N}_])(?:{{calon}})(?![\p{L}\p{N}_])"#) == ["anies", "prabowo", "ganjar"])
        #expect(leading(#"\bcoblos\b"#) == ["coblos"])
        #expect(leading("coblos|pilih") == ["coblos", "pilih"])
        #expect(leading(#"ayo\s+coblos"#) == ["ayo"], "the leading literal need not be the selective one")
        #expect(atoms(#"ayo\s+coblos"#) == ["coblos"])
        #expect(leading(#"#(?=\w*{{calon|partial}})\w+"#) == ["#"], "lookahead literals lie after the start")
        #expect(leading("x?coblos") == nil)
        #expect(leading(#"[#@]prabowo"#) == nil)
        #expect(leading(#"coblos|\w+ pilih"#) == nil, "every branch must have one")
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
                let leading = extractor.analysis(of: spec.regex)?.leading
                let regex = try PCRE2Regex(try expander.expand(spec), options: spec.cased ? [] : .caseless)
                for text in texts {
                    let views = [text.text] + [normalizer.leetView(of: text)?.text].compactMap { $0 }
                    for view in views where try regex.firstMatch(in: view) != nil {
                        checked += 1
                        #expect(atoms.contains { view.contains(Plan.truncated($0)) }, "\(rule.id)/\(spec.name) matched \"\(view)\" without any atom")
                        guard let leading else { continue }
                        // Leading literals: every match starts with one.
                        for m in try regex.matches(in: view) where !m.range.isEmpty {
                            let rest = Array(view.utf8)[m.range.lowerBound...]
                            leadingChecked += 1
                            #expect(leading.contains { rest.starts(with: Plan.truncated($0).utf8) }, "\(rule.id)/\(spec.name): match at \(m.range) of \"\(view)\" starts with no leading literal")
                        }
                    }
                }
            }
        }
        #expect(checked > 200)
        #expect(leadingChecked > 100)
    }
}
