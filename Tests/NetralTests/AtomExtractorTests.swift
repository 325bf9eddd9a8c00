import Testing
@testable import Netral
import PCRE2

@Suite("AtomExtractor: literals every match must contain")
struct AtomExtractorTests {
    let lists: [String: Set<String>] = ["calon": ["anies", "prabowo", "ganjar"], "calo": ["ab", "cd"]]

    var extractor: AtomExtractor {
        AtomExtractor(listAtoms: { ref in
            lists[ref.list].map { entries in
                let atoms = Set(entries.map { Atom($0, wordStart: !ref.partial, wordEnd: !ref.partial) })
                return (.any(atoms), atoms)
            }
        })
    }

    /// The texts of the atoms the filter mentions.
    func atoms(_ regex: String) -> Set<String>? {
        extractor.filter(of: regex).map { Set($0.atoms.map(\.text)) }
    }

    /// The atoms, with their bounds written ‹word start and word end›.
    func bounded(_ regex: String) -> Set<String>? {
        extractor.filter(of: regex).map { Set($0.atoms.map(\.description)) }
    }

    /// The whole filter, written out.
    func filter(_ regex: String) -> String? {
        extractor.filter(of: regex)?.description
    }

    func leading(_ regex: String) -> Set<String>? {
        extractor.analysis(of: regex)?.leading.map { Set($0.map(\.text)) }
    }

    /// The leading literals, with their bounds.
    func boundedLeading(_ regex: String) -> Set<String>? {
        extractor.analysis(of: regex)?.leading.map { Set($0.map(\.description)) }
    }

    @Test func sequencesKeepTheMostSelectiveLiteral() {
        #expect(atoms(#"\bcoblos\b"#) == ["coblos"])
        #expect(atoms(#"ayo\s+coblos"#) == ["coblos"])
        #expect(atoms("pilih|coblos") == ["pilih", "coblos"])
        #expect(atoms("(?:ayo|mari) dukung") == [" dukung"])
        #expect(atoms("abc+d") == ["abc"])
    }

    @Test func sequencesNeedEachOfTheirSelectiveParts() {
        #expect(filter(#"\b(?:kaos|kaus)\s+(?:\w+\s+){0,2}?(?:relawan|simpatisan)"#) == "all({‹kaos,‹kaus}, {relawan,simpatisan})")
        #expect(filter(#"(?:saya|kami)\s+dukung\s+{{calon}}"#) == "all({dukung}, {‹anies›,‹ganjar›,‹prabowo›})")
        #expect(filter(#"#\d+untuk\w+"#) == "{untuk}", "\"#\" is too common to be worth looking for as well")
        #expect(filter(#"coblos|pilih\s+nomor"#) == "either({coblos}, all({pilih}, {nomor}))")
        #expect(filter("pilih|coblos") == "{coblos,pilih}", "plain branches merge into one group")
    }

    @Test func optionalPartsAndClassesRequireNothing() {
        #expect(atoms("x?coblos") == ["coblos"])
        #expect(atoms("[a-z]+") == nil)
        #expect(atoms("coblos|[0-9]+") == nil, "a branch without a literal makes the pattern unfilterable")
        #expect(atoms("(?:coblos)?") == nil)
    }

    @Test func listsStandForTheirEntries() {
        #expect(atoms("{{calon}}!") == ["anies", "prabowo", "ganjar"])
        #expect(filter("dukung {{calo}}x") == "all({dukung ab›,dukung cd›}, {‹ab›,‹cd›})", "the two most selective parts; \"x\" is not worth it")
        #expect(filter("dukung {{calon}}") == "all({dukung anies›,dukung ganjar›,dukung prabowo›}, {‹anies›,‹ganjar›,‹prabowo›})")
        #expect(filter("ab {{calo}}") == "all({ab ab›,ab cd›}, {‹ab›,‹cd›})", "the literal joined to each entry, and the entries")
        #expect(filter("x{{calo}}") == "all({xab›,xcd›}, {‹ab›,‹cd›})", "joined atoms need not start a word")
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
        #expect(leading("x?coblos") == ["xcoblos", "coblos"], "a match starts with the optional part joined to what follows it, or with what follows")
        #expect(leading("(?:di|ter)?coblos") == ["dicoblos", "tercoblos", "coblos"])
        #expect(leading("(?:di|ter)?(?:coblos|pilih)") == ["dicoblos", "dipilih", "tercoblos", "terpilih", "coblos", "pilih"], "joined to a group's first literals")
        #expect(leading("(?:di|)?coblos") == ["dicoblos", "coblos"], "an empty branch is the part left out")
        #expect(leading("(?:di)*coblos") == ["di", "coblos"], "repeated, it is not joined: \"didicoblos\" starts with \"di\"")
        #expect(leading(#"(?:di\w*)?coblos"#) == ["di", "coblos"], "not plain literals: what follows \"di\" is unknown")
        #expect(leading("(?:di)?(?:ny)?coblos") == ["di", "ny", "coblos"], "two optional parts: not joined")
        #expect(leading(#"(?<!\d)0{0,2}1(?!\d)"#) == ["0", "1"])
        #expect(leading("[#@]?prabowo") == nil, "an optional class has no literal")
        #expect(leading(#"[#@]prabowo"#) == nil)
        #expect(leading(#"coblos|\w+ pilih"#) == nil, "every branch must have one")
    }

    @Test func wordBoundariesBoundTheLiteralsNextToThem() {
        #expect(bounded(#"\bcoblos\b"#) == ["‹coblos›"])
        #expect(bounded(#"(?<![\p{L}\p{N}_])amin(?![\p{L}\p{N}_])"#) == ["‹amin›"])
        #expect(bounded(#"(?<!\w)(?:kaos|kaus)\s+pdi"#) == ["‹kaos", "‹kaus"], "a group right after the assertion starts at a word start")
        #expect(bounded(#"\bpilih\w*"#) == ["‹pilih"], "what may follow is a word character")
        #expect(bounded(#"\b#amin"#) == ["#amin"], "\\b before a non-word character asks for a word character before it")
        #expect(bounded(#"\b(?:di)?coblos"#) == ["coblos"], "after an optional part the literal may start inside a word")
        #expect(boundedLeading(#"\b(?:di)?coblos"#) == ["‹dicoblos", "coblos"], "joined to the optional part, it starts where the part does")
        #expect(bounded(#"coblo+s\b"#) == ["coblo"], "a repeated letter ends the run before the bound")
        #expect(bounded("{{calon}}") == ["‹anies›", "‹prabowo›", "‹ganjar›"], "a whole-word list")
        #expect(bounded("#{{calon|partial}}") == ["#anies", "#prabowo", "#ganjar", "anies", "prabowo", "ganjar"], "a partial list has no bounds")
    }

    /// Where white space in the view is single spaces, `\s` and `\s+` join the words around them.
    @Test func oneSpaceJoinsWordsWhereTheViewCollapsesWhiteSpace() {
        var collapsed = extractor
        collapsed.spaceIsOne = true
        func analysed(_ regex: String) -> (atoms: Set<String>?, leading: Set<String>?) {
            let a = collapsed.analysis(of: regex)
            return (a.map { Set($0.filter.atoms.map(\.description)) }, a?.leading.map { Set($0.map(\.description)) })
        }
        #expect(analysed(#"\bdi\s+hati\b"#).atoms == ["‹di hati›"])
        #expect(analysed(#"\bpasti\s+menang\b"#).atoms == ["‹pasti menang›"])
        #expect(analysed(#"\bdi\s+cintai"#).leading == ["‹di cintai"])
        #expect(analysed(#"\bdi\scintai"#).leading == ["‹di cintai"], "one \\s: one space")
        #expect(analysed(#"\bayo\s*coblos"#).leading == ["‹ayo"], "an optional space ends the run")
        #expect(analysed(#"\bayo\s*coblos"#).atoms == ["‹ayo", "coblos"])
        #expect(analysed(#"(?:di|ter)?\s+coblos"#).leading == ["di coblos", "ter coblos", " coblos"], "a space joins an optional prefix too")
        #expect(analysed(#"\bkantor\s+\w+"#).atoms == ["‹kantor"], "a space at the end of a literal is dropped")
        #expect(analysed(#"\s+\w+"#).leading == nil, "a space alone says nothing of where a match starts")
        #expect(analysed(#"^\s*(?:{{calon}})"#).leading == nil, "nor does an optional one")
        #expect(analysed(#"\s+(?:dilarang|sanksi)"#).leading == [" dilarang", " sanksi"])
        #expect(bounded(#"\bpasti\s+menang\b"#) == ["‹pasti", "menang›"], "where the view keeps runs of white space, \\s+ is no literal")
        #expect(leading(#"\bdi\s+cintai"#) == ["di"])
    }

    @Test func aLiteralJoinsTheFirstLiteralsOfTheGroupAfterIt() {
        #expect(leading(#"#(?:tolak|stop|jangan\w*)(?:prabowo|anies)\w*"#) == ["#tolak", "#stop", "#jangan"], "a match starts with the two joined")
        #expect(filter(#"#(?:tolak|stop|jangan\w*)(?:prabowo|anies)\w*"#) == "all({#jangan,#stop,#tolak}, {anies,prabowo})")
        #expect(filter(#"\bayo\s+(?:pilih|coblos)"#) == "all({‹ayo}, {coblos,pilih})", "white space between: nothing to join")
        #expect(filter(#"#(?:coblos|pilih)"#) == "all({#coblos,#pilih}, {coblos,pilih})")
        #expect(leading(#"(?:(?:di)?coblos|pilih)"#) == ["dicoblos", "coblos", "pilih"])
        #expect(filter(#"#(?:(?:di)?coblos|pilih)"#) == "all({#coblos,#dicoblos,#pilih}, {coblos,pilih})", "an optional start joins twice")
        #expect(filter(#"#(?:(?:satu\w)?coblos|pilih)"#) == "all({#coblos,#pilih,#satu}, {coblos,pilih})", "an optional start counts among the first literals")
        #expect(filter(#"#(?:allin|\d+)x"#) == "{#}", "a branch that starts without a literal: nothing to join")
        #expect(filter(#"#(?=\w*prabowo)(?:menang|lanjut)"#) == "all({prabowo}, {lanjut,menang})", "a lookahead between")
        #expect(filter(#"#(?:tolak)?(?:prabowo|anies)"#) == "{anies,prabowo}", "an optional group is not joined")
    }

    @Test func boundedAtomsStandOnlyAtWordEdges() {
        let amin = Atom("amin", wordStart: true, wordEnd: true)
        #expect(amin.occurs(in: "ayo amin!"))
        #expect(amin.occurs(in: "amin"))
        #expect(!amin.occurs(in: "jaminan"))
        #expect(!amin.occurs(in: "aminah"))
        #expect(!amin.occurs(in: "_amin"))
        #expect(amin.occurs(in: "éamin"), "a non-ASCII neighbour never rules a match out")
        #expect(Atom("amin").occurs(in: "jaminan"))
        #expect(Atom("prabowosubianto", wordStart: true, wordEnd: true).truncated(to: 8) == Atom("prabowos", wordStart: true, wordEnd: false))
    }

    @Test func literalsKeepTheirCaseForTheOriginalText() {
        var asWritten = extractor
        asWritten.foldsCase = false
        #expect(asWritten.filter(of: #"\bPAGI\b|Ayo\s+Coblos"#)?.description == "{Coblos,‹PAGI›}")
        #expect(extractor.filter(of: #"\bPAGI\b|Ayo\s+Coblos"#)?.description == "{coblos,‹pagi›}")
    }

    @Test func originalChecksCompareTheWrittenBytesWhereTheyStand() {
        func holds(_ check: OriginalCheck?, _ text: String, _ range: Range<Int>) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { check!.holds(in: $0, at: range) }
        }
        let cased = OriginalCheck(written: "PAGI", cased: true, wordStart: true, wordEnd: true)
        #expect(holds(cased, "ayo PAGI!", 4..<8))
        #expect(!holds(cased, "ayo pagi!", 4..<8), "case counts in a cased pattern")
        #expect(!holds(cased, "xPAGI", 1..<5) && !holds(cased, "PAGIx", 0..<4), "a word byte next to it")
        #expect(holds(cased, "éPAGI", 2..<6), "a non-ASCII neighbour never rules a match out")
        #expect(holds(cased, "PPPAGI", 0..<6), "bytes longer than the literal: the normaliser changed them, not ruled out")
        let caseless = OriginalCheck(written: "Pagi", cased: false, wordStart: false, wordEnd: false)
        #expect(holds(caseless, "xpAGIx", 1..<5))
        #expect(!holds(caseless, "p4gi", 0..<4))
        #expect(!holds(OriginalCheck(written: "a-b", cased: false, wordStart: false, wordEnd: false), "a_b", 0..<3), "only letters fold")
        #expect(OriginalCheck(written: "Jakarta Menyala", cased: true, wordStart: false, wordEnd: false) == nil, "a space stands for any white space")
        #expect(OriginalCheck(written: "Café", cased: true, wordStart: false, wordEnd: false) == nil)
        #expect(cased?.prefix(2) == OriginalCheck(written: "PA", cased: true, wordStart: true, wordEnd: false))
    }

    @Test func unsupportedSyntaxIsUnfilterable() {
        #expect(atoms(#"(a)\1"#) == nil)
        #expect(atoms(#"(?i)coblos"#) == nil)
        #expect(atoms(#"\Qcoblos\E"#) == nil)
    }

    /// Soundness on real patterns: wherever a default-pack pattern matches an example post's
    /// normalised text, its filter holds on that text.
    @Test func everyMatchOfTheDefaultPackContainsAnAtom() throws {
        var loader = RuleSetLoader()
        loader.addDefaultPack()
        let ruleSet = try loader.load()
        let normalizer = Normalizer()
        let expander = PatternExpander(lists: ruleSet.lists, normalizer: normalizer)
        let extractor = AtomExtractor(listAtoms: { ref in ruleSet.lists[ref.list].flatMap { Plan.analysis(of: $0, normalizer: normalizer, wholeWords: !ref.partial) } })
        var checked = 0, leadingChecked = 0
        for rule in ruleSet.rules {
            let texts = (rule.examples.match + rule.examples.noMatch).flatMap { example in
                [example.post.text, example.post.target?.text ?? ""] + example.post.hashtags.map { "#" + $0 }
            }.map { normalizer.normalize($0) }
            for spec in rule.patterns + rule.exceptions.map(\.pattern) where spec.view == .normalized {
                guard let filter = extractor.filter(of: spec.regex) else { continue }
                let leading = extractor.analysis(of: spec.regex)?.leading
                let regex = try PCRE2Regex(try expander.expand(spec), options: spec.cased ? [] : .caseless)
                for text in texts {
                    let views = [text.text] + [normalizer.leetView(of: text)?.text].compactMap { $0 }
                    for view in views where try regex.firstMatch(in: view) != nil {
                        checked += 1
                        #expect(filter.holds { Plan.truncated($0).occurs(in: view) }, "\(rule.id)/\(spec.name) matched \"\(view)\" but its filter \(filter) does not hold")
                        guard let leading else { continue }
                        // Leading literals: every match starts with one.
                        for m in try regex.matches(in: view) where !m.range.isEmpty {
                            let rest = Array(view.utf8)[m.range.lowerBound...]
                            leadingChecked += 1
                            let bytes = Array(view.utf8)
                            let starts = leading.contains { atom in
                                let cut = Plan.truncated(atom), length = cut.text.utf8.count
                                return rest.starts(with: cut.text.utf8) && bytes.withUnsafeBufferPointer {
                                    Atom.stands(bounds: cut.bounds, in: $0, start: m.range.lowerBound, end: m.range.lowerBound + length)
                                }
                            }
                            #expect(starts, "\(rule.id)/\(spec.name): match at \(m.range) of \"\(view)\" starts with no leading literal where it must stand")
                        }
                    }
                }
            }
        }
        #expect(checked > 200)
        #expect(leadingChecked > 100)
    }
}
