import Foundation
import Testing
@testable import Netral

@Suite("Engine: conditions, exceptions, targets")
struct EngineTests {
    let engine: Engine

    init() throws {
        engine = try Fixtures.engine(Fixtures.profile, Fixtures.support)
    }

    func flagged(_ text: String, action: Action = .post) -> Bool {
        engine.evaluate(Post(id: "p", action: action, text: text)).flagged
    }

    /// `near(a, b, n)` counts the words strictly between two spans, in either order.
    @Test func nearCountsTheWordsBetweenTwoSpans() {
        let text = "coblos  satu dua\ttiga 02"
        let coblos = 0..<6, number = 22..<24
        #expect(areNear(coblos, number, within: 3, in: text) && areNear(number, coblos, within: 3, in: text))
        #expect(!areNear(coblos, number, within: 2, in: text) && !areNear(number, coblos, within: 2, in: text))
        #expect(areNear(0..<6, 8..<12, within: 0, in: text))      // "coblos" and "satu": none between
        #expect(areNear(0..<6, 3..<10, within: 0, in: text))      // overlapping
        #expect(!areNear(0..<6, 13..<16, within: 0, in: text))    // "satu" between
    }

    @Test func supportByNameIsFlaggedWithEvidenceAndCandidate() throws {
        let text = "Bismillah, ayo dukung Mas Gibran!"
        let result = engine.evaluate(Post(id: "1", text: text))
        let finding = try #require(result.findings.first)
        #expect(finding.ruleID == "T.DUKUNG")
        #expect(finding.severity == .high)
        #expect(finding.confidence == 0.8)
        #expect(finding.candidates == ["02 Prabowo – Gibran (test-pilpres)"])
        #expect(finding.message.id == "Mendukung Prabowo – Gibran lewat post")
        #expect(finding.basis.first?.citation == "PP 94/2021 Pasal 5 huruf n angka 1")
        let kandidat = try #require(finding.evidence.first { $0.pattern == "kandidat" })
        #expect(kandidat.text == "Mas Gibran")
        #expect(kandidat.field == "text")
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[kandidat.start..<kandidat.end])) == "Mas Gibran")
    }

    /// Ballot number 2 is a different pair in every race: the post's date, then its context words,
    /// tell which one it means; when neither does, the finding names no one.
    @Test func aNumberSharedByTwoRacesIsNarrowedDownByDateThenContext() throws {
        let engine = try Fixtures.engine(Fixtures.profile, """
        profile:
          id: test-pilkada
          name: Pilkada Uji
          kind: pilkada
          windows:
            campaign: {from: 2024-09-25, to: 2024-11-23}
          context: [pilkada, cagub, balai kota]
          candidates:
            - number: 2
              label: Budi – Wati
              names: [Budi Santoso]
        """, Fixtures.support)
        func named(_ text: String, on date: String? = nil) throws -> [String] {
            let post = Post(id: "1", text: text, createdAt: date.flatMap(RFC3339.parse))
            return try #require(engine.evaluate(post).findings.first).candidates
        }
        let pilpres = ["02 Prabowo – Gibran (test-pilpres)"], pilkada = ["02 Budi – Wati (test-pilkada)"]
        #expect(try named("Ayo coblos 02", on: "2024-02-01T08:00:00+07:00") == pilpres)
        #expect(try named("Ayo coblos 02", on: "2024-11-01T08:00:00+07:00") == pilkada)
        #expect(try named("Ayo coblos 02 untuk cagub kita") == pilkada)
        #expect(try named("Ayo coblos 02 capres kita") == pilpres)
        // The date decides before the context words.
        #expect(try named("Ayo coblos 02 untuk cagub kita", on: "2024-02-01T08:00:00+07:00") == pilpres)
        // Both races' words, or none: it could be either.
        #expect(try named("Ayo coblos 02") == [])
        #expect(try named("Ayo coblos 02, capres dan cagub") == [])
    }

    @Test func nearNeedsTheNumberCloseToTheCall() {
        #expect(flagged("Ayo coblos 02 tanggal 14"))
        #expect(flagged("ayo coblos nomor 2"))
        #expect(!flagged("coblos dulu baru sarapan, RT 02 kerja bakti"))
    }

    @Test func wholeRuleExceptionCancels() {
        #expect(!flagged("ASN dilarang dukung Prabowo atau Anies"))
    }

    @Test func nearExceptionCancelsOnlyCloseMatches() {
        #expect(!flagged("saya tidak dukung Anies"))
        // Negation far from the call does not cancel it.
        #expect(flagged("tidak ada yang lebih baik, ayo dukung Anies"))
    }

    @Test func obfuscatedNamesAreCaught() {
        #expect(flagged("ayo dukung pr4b0w0"))
        #expect(flagged("ayo pilih G I B R A N"))
        #expect(flagged("ayo piliiiih gibran"))
        #expect(flagged("ayo dukung Ｐｒａｂｏｗｏ"))
    }

    @Test func contextLowersConfidenceBelowThreshold() {
        let result = engine.evaluate(Post(id: "n", text: "Menurut berita, warga diajak coblos Anies"))
        #expect(!result.flagged)
    }

    @Test func actionFilterSkipsLikes() {
        #expect(!flagged("ayo coblos Anies", action: .like))
    }

    @Test func likesAreJudgedByTheirTarget() throws {
        let engine = try Fixtures.engine(Fixtures.profile, """
        rules:
          - id: T.LIKE
            title: Menyukai konten kandidat
            severity: medium
            category: like-share
            basis: [SKB 2022]
            actions: [like, share]
            fields: [target]
            patterns:
              akun: '{{candidate.accounts}}'
              ajakan: '\\b(?:coblos|pilih)\\b'
            condition: akun or ajakan
            examples:
              match: [{action: like, target: {author: "@gibran_tweet"}}]
              no_match: [{action: like, target: {author: "@kompascom"}}]
        """)
        let like = Post(id: "l", action: .like, text: "", target: .init(author: "@gibran_tweet", text: "Terima kasih relawan"))
        let result = engine.evaluate(like)
        #expect(result.flagged)
        #expect(result.findings.first?.evidence.first?.field == "target.author")
        #expect(!engine.evaluate(Post(id: "l2", action: .like, target: .init(author: "@kompascom", text: "Berita"))).flagged)
        #expect(engine.evaluate(Post(id: "l3", action: .share, target: .init(text: "Ayo coblos 02!"))).flagged)
    }

    @Test func countsAtLeastAndDuring() throws {
        let engine = try Fixtures.engine(Fixtures.profile, """
        rules:
          - id: T.COUNT
            title: Banyak tagar
            severity: low
            category: kampanye
            basis: [UU 7/2017]
            patterns:
              tagar: '{{candidate.hashtags}}'
              gestur: '{{candidate.gestures}}'
              slogan: '{{candidate.slogans}}'
            condition: count(tagar) >= 2 or (2 of (tagar, gestur, slogan) and during(campaign))
        """)
        func at(_ date: String, _ text: String) -> Bool {
            engine.evaluate(Post(id: "c", text: text, createdAt: RFC3339.parse(date))).flagged
        }
        #expect(at("2024-01-05T10:00:00+07:00", "#PrabowoGibran2024 #prabowogibran2024"))
        #expect(!at("2024-01-05T10:00:00+07:00", "#PrabowoGibran2024 saja"))
        #expect(at("2024-01-05T10:00:00+07:00", "oke gas ✌️"))
        #expect(!at("2024-03-05T10:00:00+07:00", "oke gas ✌️"), "outside the campaign window")
        #expect(!engine.evaluate(Post(id: "c", text: "oke gas ✌️")).flagged, "no date: during() is false")
    }

    @Test func originalViewCasedPattern() throws {
        let engine = try Fixtures.engine(Fixtures.profile, """
        rules:
          - id: T.AMIN
            title: AMIN kapital
            severity: medium
            category: dukungan
            basis: [SKB 2022]
            patterns:
              akronim: {regex: '\\b{{candidate.acronyms}}\\b', view: original, cased: true}
        """)
        #expect(engine.evaluate(Post(id: "a", text: "AMIN menang!")).flagged)
        #expect(!engine.evaluate(Post(id: "a", text: "amin ya Allah")).flagged)
    }

    @Test func explainSaysWhyNot() throws {
        var options = EngineOptions()
        options.explain = true
        let engine = try Fixtures.engine(Fixtures.profile, Fixtures.support, options: options)
        let news = engine.evaluate(Post(id: "e", text: "ASN dilarang dukung Prabowo"))
        let trace = try #require(news.explanation?.first)
        #expect(trace.outcome == .cancelled)
        #expect(trace.exceptions.first?.contains("sosialisasi matched \"dilarang\"") == true)
        #expect(trace.matches["kandidat"] == ["Prabowo"])

        let low = engine.evaluate(Post(id: "e2", text: "Menurut berita, warga diajak coblos Anies"))
        let lowTrace = try #require(low.explanation?.first)
        #expect(lowTrace.outcome == .belowThreshold)
        #expect(lowTrace.confidenceSteps.count == 2)
        #expect(lowTrace.confidence.map { abs($0 - 0.3) < 0.0001 } == true)

        let none = engine.evaluate(Post(id: "e3", text: "selamat pagi semua"))
        #expect(none.explanation?.first?.outcome == .skippedPrefilter)
    }

    @Test func aConfidenceThatAddsUpToTheThresholdReachesIt() throws {
        // 0.7 - 0.2 is 0.49999999999999994 in binary floating point; the rule means 0.5, and a report
        // would show 0.50. Every sum of tenths that lands on 0.5 must flag, and one just below must not.
        for (base, adjust) in [(0.7, -0.2), (0.8, -0.3), (0.9, -0.4), (0.6, -0.1), (0.3, 0.2), (0.1, 0.4)] {
            let rule = """
            rules:
              - id: T.AMBANG
                title: Ambang
                severity: low
                category: uji
                basis: [uji]
                patterns: {p: 'coblos', berita: 'berita'}
                condition: p
                confidence: {base: \(base), context: [{pattern: berita, adjust: \(adjust)}]}
            """
            let engine = try Fixtures.engine(rule)
            let result = engine.evaluate(Post(id: "1", text: "berita: coblos"))
            #expect(result.findings.map(\.confidence) == [0.5], "base \(base), adjust \(adjust)")
            let below = try Fixtures.engine(rule.replacingOccurrences(of: "adjust: \(adjust)", with: "adjust: \(adjust - 0.001)"))
            #expect(!below.evaluate(Post(id: "1", text: "berita: coblos")).flagged, "base \(base), adjust \(adjust) - 0.001")
        }
    }
}

@Suite("Engine: prefilter, batches, limits")
struct EngineBatchTests {
    @Test func prefilterSkipsRulesThatCannotMatchAndChangesNoResult() throws {
        var explain = EngineOptions()
        explain.explain = true
        var off = explain
        off.prefilter = false
        let on = try Fixtures.engine(Fixtures.profile, Fixtures.support, options: explain)
        let baseline = try Fixtures.engine(Fixtures.profile, Fixtures.support, options: off)
        let posts = [
            "selamat pagi", "ayo coblos 02", "ASN dilarang dukung Anies", "saya tidak dukung Anies", "pilih Prabowo!",
            "rapat koordinasi", "dukung gibran", "RT 02 kerja bakti",
        ].enumerated().map { Post(id: "\($0.offset)", text: $0.element) }
        var skipped = 0
        for post in posts {
            let a = on.evaluate(post), b = baseline.evaluate(post)
            #expect(a.findings == b.findings, "prefilter changed the result for \(post.text)")
            if a.explanation?.first?.outcome == .skippedPrefilter { skipped += 1 }
            #expect(b.explanation?.first?.outcome != .skippedPrefilter)
        }
        // "selamat pagi", "rapat koordinasi" and "RT 02 kerja bakti" contain no call to vote, the rule's trigger.
        #expect(skipped == 3)
        #expect(on.planSummary.atoms > 5)
    }

    /// The prefilter reads white space in a pattern or a list entry as one space only where the
    /// normaliser collapses runs of it; without that step, "luar  biasa" must still reach the rule.
    @Test func spacesInLiteralsCountOnlyWhereTheViewCollapsesWhiteSpace() throws {
        let rules = """
        lists:
          pujian:
            entries: [luar biasa]
        rules:
          - id: T.PUJI
            title: Pujian
            severity: low
            category: uji
            basis: [uji]
            patterns:
              pujian: '{{pujian}}'
              frasa: '\\bsangat\\s+hebat\\b'
            condition: pujian or frasa
        """
        for collapsing in [true, false] {
            var options = EngineOptions()
            options.normalizer = Normalizer(options: collapsing ? .all : Normalizer.Options.all.subtracting(.whitespace))
            var off = options
            off.prefilter = false
            let on = try Fixtures.engine(rules, options: options), baseline = try Fixtures.engine(rules, options: off)
            for text in ["Luar  biasa!", "sangat \t hebat", "luar biasa", "sangat hebat", "luar dugaan"] {
                let result = on.evaluate(Post(id: "1", text: text))
                #expect(result.findings == baseline.evaluate(Post(id: "1", text: text)).findings, "\(text), collapsing: \(collapsing)")
                #expect(result.flagged == (text != "luar dugaan"), "\(text), collapsing: \(collapsing)")
            }
        }
    }

    @Test func originalViewPatternsAreFilteredByTheirLiteralsCheckedInTheOriginal() throws {
        let rules = """
        rules:
          - id: T.AKRONIM
            title: Akronim kandidat
            severity: medium
            category: uji
            basis: [uji]
            patterns:
              akronim: {regex: '{{candidate.acronyms}}', view: original, cased: true}
          - id: T.SINGKATAN
            title: Singkatan
            severity: low
            category: uji
            basis: [uji]
            patterns:
              yg: {regex: '\\bYG\\b', view: original, cased: true}
          - id: T.PARSIAL
            title: Akronim di dalam kata, huruf apa saja
            severity: low
            category: uji
            basis: [uji]
            patterns:
              akronim: {regex: '{{candidate.acronyms|partial}}', view: original}
        """
        var explain = EngineOptions()
        explain.explain = true
        var off = explain
        off.prefilter = false
        let on = try Fixtures.engine(Fixtures.profile, rules, options: explain)
        let baseline = try Fixtures.engine(Fixtures.profile, rules, options: off)
        // "yg" normalises to "yang": a literal the normaliser changes cannot be looked for in the normalised view.
        #expect(on.planSummary.unfilterable == ["T.SINGKATAN/yg"])
        // The literal is checked where the normalised view has it: in its case, and as a whole word
        // of the original. A zero-width space (gone from the normalised view) still bounds a word, and
        // text the normaliser changed around the literal (a squeezed letter, spaced or leetspeak
        // letters) is not ruled out.
        let texts = ["Salam AMIN!", "amin ya allah", "Amin", "selamat pagi", "AMINAH datang", "BAMIN", "YG penting sehat",
                     "salam\u{200B}AMIN", "AMIN\u{200B}x", "AMIIN", "AAMIN", "A M I N", "4MIN", "AMİN", "ＡＭＩＮ", "#AMIN2024", "(AMIN)",
                     "jaaamin", "JAAAMIN", "JAMINAN", "jaminan", "s4lam 4m1n"]
        for text in texts {
            let post = Post(id: "1", text: text)
            let a = on.evaluate(post), b = baseline.evaluate(post)
            #expect(a.findings == b.findings, "prefilter changed the result for \(text)")
        }
        func flagged(by rule: String) -> [String] {
            texts.filter { text in on.evaluate(Post(id: "1", text: text)).findings.contains { $0.ruleID == rule } }
        }
        #expect(flagged(by: "T.AKRONIM") == ["Salam AMIN!", "salam\u{200B}AMIN", "AMIN\u{200B}x", "(AMIN)"])
        // Any case, inside a word too; "jaaamin" squeezes to "jamin", whose "amin" maps back to "aaamin".
        #expect(flagged(by: "T.PARSIAL") == ["Salam AMIN!", "amin ya allah", "Amin", "AMINAH datang", "BAMIN", "salam\u{200B}AMIN",
                                             "AMIN\u{200B}x", "AAMIN", "#AMIN2024", "(AMIN)", "jaaamin", "JAAAMIN", "JAMINAN", "jaminan"])
        // Lower case, or inside a word, the cased acronym's rule is not even evaluated.
        let cased = { (text: String) in on.evaluate(Post(id: "1", text: text)).explanation?.first { $0.ruleID == "T.AKRONIM" }?.outcome }
        for text in ["selamat pagi", "amin ya allah", "Amin", "AMINAH datang", "BAMIN", "#AMIN2024"] {
            #expect(cased(text) == .skippedPrefilter, "\(text)")
        }
        #expect(cased("salam\u{200B}AMIN") == .flagged)
        // Where the normaliser squeezed a letter the mapped bytes are longer than the literal: not ruled out.
        #expect(cased("jaaamin") == .conditionFalse)
    }

    /// The profile-and-support fixture engine on `threads` workers, `chunkSize` posts to a chunk.
    func batchEngine(threads: Int, chunkSize: Int) throws -> Engine {
        var options = EngineOptions()
        options.threads = threads
        options.chunkSize = chunkSize
        return try Fixtures.engine(Fixtures.profile, Fixtures.support, options: options)
    }

    @Test func recordsAreTransformedOnTheWorkersAndEmittedInOrder() throws {
        let engine = try batchEngine(threads: 3, chunkSize: 29)
        let lines = (0..<500).map { i in
            i % 7 == 3 ? "{not json" : #"{"id": "p\#(i)", "text": "\#(i % 2 == 0 ? "ayo coblos 02" : "kerja bakti")"}"#
        }.joined(separator: "\n")
        var emitted: [(line: Int, formatted: String)] = []
        engine.evaluate(records: JSONLinesReader(data: Data(lines.utf8)), transform: { _, output in ResultJSON.line(for: output) }) { record, output, formatted in
            #expect(formatted == ResultJSON.line(for: output))
            emitted.append((record.line, formatted))
        }
        #expect(emitted.map(\.line) == Array(1...500), "one output per record, in input order")
        #expect(emitted.filter { $0.formatted.contains(#""error""#) }.count == (0..<500).filter { $0 % 7 == 3 }.count)
    }

    @Test func batchesKeepInputOrderOnManyThreads() throws {
        let engine = try batchEngine(threads: 4, chunkSize: 37)
        let posts = (0..<2_000).map { i in
            Post(id: "p\(i)", text: i % 3 == 0 ? "ayo coblos 02 nomor \(i)" : i % 3 == 1 ? "kerja bakti RT \(i)" : "dukung Anies \(i)")
        }
        let results = engine.evaluate(posts)
        #expect(results.map(\.id) == posts.map(\.id))
        for (post, result) in zip(posts, results) {
            #expect(result.flagged == engine.evaluate(post).flagged)
        }
        var streamed: [String] = []
        let records = posts.enumerated().map { InputRecord(line: $0.offset + 1, post: .success($0.element)) }
        engine.evaluate(records: records) { _, output in
            if case .result(let line, let r) = output { streamed.append("\(line):\(r.id)") }
        }
        #expect(streamed == posts.enumerated().map { "\($0.offset + 1):\($0.element.id)" })
    }

    /// A writer that fails (a closed pipe, a full disk) ends the batch with its error, in order,
    /// and the workers stop: the call returns instead of evaluating the rest of the input.
    @Test func anEmitThatThrowsStopsTheBatch() throws {
        struct Full: Error {}
        let engine = try batchEngine(threads: 3, chunkSize: 7)
        var read = 0
        let records = (0..<100_000).lazy.map { i -> InputRecord in
            read += 1
            return InputRecord(line: i + 1, post: .success(Post(id: "p\(i)", text: "ayo coblos 02")))
        }
        var emitted: [Int] = []
        #expect(throws: Full.self) {
            try engine.evaluate(records: records) { record, _ in
                if record.line == 50 { throw Full() }
                emitted.append(record.line)
            }
        }
        #expect(emitted == Array(1..<50))
        #expect(read < 200, "reading stops with the batch: \(read) records read")
    }

    @Test func matchLimitBecomesARuleErrorAndTheBatchGoesOn() throws {
        var options = EngineOptions()
        options.matchLimits.matchLimit = 20_000
        let engine = try Fixtures.engine(Fixtures.profile, Fixtures.support, """
        rules:
          - id: T.SLOW
            title: Pola lambat
            severity: low
            category: uji
            basis: [uji]
            patterns:
              lambat: {regex: '(a+)+$', view: original}
        """, options: options)
        let posts = [
            Post(id: "ok", text: "ayo coblos 02"),
            Post(id: "slow", text: String(repeating: "a", count: 5_000) + "b"),
            Post(id: "after", text: "dukung Anies"),
        ]
        let results = engine.evaluate(posts)
        #expect(results.map(\.id) == ["ok", "slow", "after"])
        #expect(results[0].flagged)
        #expect(results[1].errors.map(\.ruleID) == ["T.SLOW"])
        #expect(results[1].errors.first?.message.contains("matchLimit") == true)
        #expect(results[2].flagged)
    }

    @Test func asyncSequenceKeepsOrder() async throws {
        let engine = try Fixtures.engine(Fixtures.profile, Fixtures.support)
        let (stream, continuation) = AsyncStream<Post>.makeStream()
        for i in 0..<20 { continuation.yield(Post(id: "\(i)", text: i.isMultiple(of: 2) ? "coblos 02" : "halo")) }
        continuation.finish()
        var ids: [String] = []
        var flagged = 0
        for try await result in engine.results(for: stream) {
            ids.append(result.id)
            if result.flagged { flagged += 1 }
        }
        #expect(ids == (0..<20).map(String.init))
        #expect(flagged == 10)
    }
}
