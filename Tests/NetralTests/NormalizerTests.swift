import Foundation
import Testing
@testable import Netral
import PCRE2

@Suite("Normaliser")
struct NormalizerTests {
    let normalizer = Normalizer()

    /// The original text behind a substring of the normalised view.
    func original(of needle: String, in n: NormalizedText) -> String? {
        guard let r = n.text.range(of: needle) else { return nil }
        let bytes = n.text.utf8.distance(from: n.text.startIndex, to: r.lowerBound)..<n.text.utf8.distance(from: n.text.startIndex, to: r.upperBound)
        let o = n.originalRange(of: bytes)
        let u = n.original.utf8
        return String(n.original[u.index(u.startIndex, offsetBy: o.lowerBound)..<u.index(u.startIndex, offsetBy: o.upperBound)])
    }

    @Test func lowerCasesAndCollapsesWhitespace() {
        let n = normalizer.normalize("  Ayo   COBLOS\n\t02  ")
        #expect(n.text == "ayo coblos 02")
        #expect(original(of: "coblos", in: n) == "COBLOS")
    }

    /// ASCII runs are mapped in blocks of 64 units on the general path, and whole by the view writer: a
    /// run longer than a block, with upper case, tabs and non-ASCII text on both sides of the block
    /// boundaries, reads and maps back as a unit at a time would, on both paths.
    @Test func longASCIIRunsAcrossMappingBlocks() {
        let words = (0..<40).map { $0 % 3 == 0 ? "KATA\($0)" : "kata\($0)" }
        let text = "🔥 " + words.joined(separator: "\t") + " é " + words.joined(separator: "  ")
        let n = normalizer.normalize(text)
        let expected = "🔥 " + words.map { $0.lowercased() }.joined(separator: " ") + " e " + words.map { $0.lowercased() }.joined(separator: " ")
        #expect(n.text == expected)
        // Every unit of an ASCII character maps back to the one byte it came from, in every block.
        for word in ["KATA0", "KATA15", "kata31", "KATA39"] {
            #expect(original(of: " " + word.lowercased() + " ", in: n)?.trimmingCharacters(in: .whitespaces) == word)
        }
        #expect(normalizer.writeDirectly(text) == normalizer.writeByGeneralPath(text))
        let lastWord = words[39]
        #expect(n.originalRange(of: (n.text.utf8.count - lastWord.utf8.count)..<n.text.utf8.count)
                == (text.utf8.count - lastWord.utf8.count)..<text.utf8.count)
    }

    @Test func foldsFullWidthMathAndDiacritics() {
        #expect(normalizer.normalize("ＰＲＡＢＯＷＯ").text == "prabowo")
        #expect(normalizer.normalize("𝐆𝐚𝐧𝐣𝐚𝐫").text == "ganjar")
        #expect(normalizer.normalize("Aniés").text == "anies")
        // A combining accent folds into its letter and maps back to both scalars.
        let n = normalizer.normalize("Ani\u{0065}\u{0301}s menang")
        #expect(n.text == "anies menang")
        #expect(original(of: "anies", in: n) == "Ani\u{0065}\u{0301}s")
    }

    @Test func stripsZeroWidthAndFoldsHomoglyphs() {
        let n = normalizer.normalize("pra\u{200B}bo\u{200D}wo dan Gіbrаn")  // Cyrillic і and а
        #expect(n.text == "prabowo dan gibran")
        #expect(original(of: "prabowo", in: n) == "pra\u{200B}bo\u{200D}wo")
        #expect(original(of: "gibran", in: n) == "Gіbrаn")
    }

    @Test func squeezesElongationButKeepsDoubleLetters() {
        #expect(normalizer.normalize("pilihhhh menaaang, aamiin, saat").text == "pilih menang, aamiin, saat")
        let n = normalizer.normalize("Dukuuuung")
        #expect(original(of: "dukung", in: n) == "Dukuuuung")
        // Acronyms written with a letter three times are words of their own, not elongations.
        #expect(normalizer.normalize("Guru PPPK, kader PPP; ppppk, pppkk, Appp").text == "guru pppk, kader ppp; pk, pkk, ap")
    }

    @Test func joinsSpacedOutWords() {
        let n = normalizer.normalize("pilih G A N J A R ya, A-M-I-N!")
        #expect(n.text == "pilih ganjar ya, amin!")
        #expect(original(of: "ganjar", in: n) == "G A N J A R")
        #expect(original(of: "amin", in: n) == "A-M-I-N")
        // Short runs are ordinary text.
        #expect(normalizer.normalize("a b c").text == "a b c")
    }

    @Test func expandsChatAbbreviations() {
        let n = normalizer.normalize("Yg penting jgn golput, sy gak ikut2an")
        #expect(n.text == "yang penting jangan golput, saya tidak ikut2an")
        #expect(original(of: "jangan", in: n) == "jgn")
        #expect(original(of: "tidak", in: n) == "gak")
    }

    @Test func gestureEmojiBecomeTokens() {
        let n = normalizer.normalize("Salam ✌🏽️ dari kami ☝️ 👍")
        #expect(n.text == "salam :jari_2: dari kami :jari_1: :jempol:")
        #expect(original(of: ":jari_2:", in: n) == "✌🏽️")
        #expect(normalizer.normalize("🤘 metal").text == ":metal: metal")
    }

    @Test func keycapDigitsBecomeDigits() {
        let n = normalizer.normalize("coblos 0️⃣2️⃣")
        #expect(n.text == "coblos 02")
        #expect(original(of: "02", in: n) == "0️⃣2️⃣")
    }

    @Test func offsetsSurviveZWJEmoji() {
        let n = normalizer.normalize("👨‍👩‍👧 pilih Prabowo")
        #expect(original(of: "prabowo", in: n) == "Prabowo")
    }

    @Test func leetViewOnlyForMixedWords() {
        let n = normalizer.normalize("Pr4b0w0 g1br4n 2 putaran, RT 02 tahun 2024")
        #expect(n.text == "pr4b0w0 g1br4n 2 putaran, rt 02 tahun 2024")
        let leet = normalizer.leetView(of: n)
        #expect(leet?.text == "prabowo gibran 2 putaran, rt 02 tahun 2024")
        #expect(leet.map { original(of: "prabowo", in: $0) } == "Pr4b0w0")
        #expect(normalizer.leetView(of: normalizer.normalize("coblos 02 tanggal 14")) == nil)
        #expect(normalizer.leetView(of: normalizer.normalize("c4k 1m1n"))?.text == "cak imin")
    }

    @Test func emptyAndWhitespaceOnly() {
        #expect(normalizer.normalize("").text == "")
        #expect(normalizer.normalize("   ").text == "")
        let n = normalizer.normalize("")
        #expect(n.originalRange(of: 0..<0) == 0..<0)
    }

    /// The prefilter reads `\s` and `\s+` in a pattern as one space (``AtomExtractor/spaceIsOne``):
    /// in the view, every character PCRE2 counts as white space must be a space, never two in a
    /// row. Every Unicode scalar, twice between two letters, in blocks of 4,096.
    @Test func theOnlyWhiteSpaceLeftIsSingleSpaces() throws {
        let other = try PCRE2Regex(#"[^\S ]|\s\s"#)
        let scalars = (0...0x10FFFF).lazy.compactMap(Unicode.Scalar.init(_:))
        var block = "", checked = 0
        func check() throws {
            let view = normalizer.normalize(block).text
            let found = try other.firstMatch(in: view)
            #expect(found == nil, "white space other than single spaces in the view of block \(checked / 4096)")
            block = ""
        }
        for scalar in scalars {
            block.unicodeScalars.append(contentsOf: ["a", scalar, scalar, "b", " "])
            checked += 1
            if checked % 4096 == 0 { try check() }
        }
        try check()
        #expect(checked > 1_100_000)
        #expect(try other.firstMatch(in: "a\u{2003}\u{2003}b") != nil, "the pattern finds what it looks for")
    }

    @Test func optionsCanBeSwitchedOff() {
        let plain = Normalizer(options: [.fold])
        #expect(plain.normalize("Yg ✌️").text.hasPrefix("yg "))
    }

    @Test func plainPictographsAreLeftAsTheyAreAndMapToTheirOwnBytes() {
        let normalizer = Normalizer()
        var plain = 0
        for value in UInt32(0x1F300)...0x1FAFF {
            let n = Int(value - 0x1F300)
            guard NormalizationTables.plainPictographs[n / 64] >> UInt64(n % 64) & 1 != 0, let scalar = Unicode.Scalar(value) else { continue }
            plain += 1
            let emoji = String(scalar)
            // The fast path ("x😍😍y") and the general one (a variation selector after it, which the fast
            // path declines) leave the pictograph as it is.
            let twice = normalizer.normalize("x" + emoji + emoji + "y")
            #expect(twice.text == "x" + emoji + emoji + "y", "U+\(String(value, radix: 16, uppercase: true))")
            #expect(twice.originalRange(of: 1..<5) == 1..<5 && twice.originalRange(of: 5..<9) == 5..<9)
            #expect(normalizer.normalize(emoji + "\u{FE0F}").text == emoji)
        }
        #expect(plain > 1000, "most of the planes are plain pictographs")
        // Gestures, skin tones and joined sequences take the general path.
        #expect(normalizer.normalize("🤟").text == ":metal:")
        #expect(normalizer.normalize("🙏🏽").text == "🙏")
        #expect(normalizer.normalize("a👨‍👩‍👧b").originalRange(of: 1..<5) == 1..<19)
    }

    @Test func pictographPlanesHoldNoLetterOrNumber() {
        for value in UInt32(0x1F300)...0x1FAFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(Normalizer.isPictograph(scalar))
            #expect(!scalar.properties.isAlphabetic && scalar.properties.numericType == nil, "U+\(String(value, radix: 16, uppercase: true))")
        }
    }

    /// Random texts over an alphabet that makes every case of the leetspeak scan likely: letters,
    /// digits, `@`, `$`, separators and non-ASCII characters, at every position of an eight-byte word.
    func randomTexts(count: Int, seed: UInt64) -> [String] {
        let alphabet: [String] = ["a", "B", "o", "r", "0", "1", "2", "4", "9", "@", "$", " ", ".", "-", "é", "😍", "🔥", "中", "✌️", "Ｐ", "\u{200B}"]
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in (0..<next(40)).map { _ in alphabet[next(alphabet.count)] }.joined() }
    }

    /// Texts of the words and separators the normaliser's steps act on, mixed at random: chat
    /// abbreviations (in capitals, full width, with digits), gestures, keycaps, emoji with skin tones
    /// and joiners, accents, other scripts, spaced-out and elongated words, runs of white space.
    func mixedTexts(count: Int, seed: UInt64) -> [String] {
        let words = ["yg", "Yg", "GAK", "dll", "tp2", "pilkada2024", "jgn", "ygg", "ｙｇ", "y\u{200B}g", "prabowo", "Anies",
                     "02", "pilihhh", "PPPK", "ppp", "p r a b o w o", "G.A.N.J.A.R", "a-b", "✌️", "☝🏽", "🤟", "❤️", "👍🏻",
                     "🔥", "😍😍", "🇮🇩", "👨‍👩‍👧", "2️⃣", "é", "Aniés", "中中中", "—", "“kata”", "…", "\u{200B}", "\u{00A0}",
                     "@user_1", "#Coblos02", "https://t.co/x.y", "pr4b0w0", "$5", "·", "e\u{0301}", "Ｐ"]
        let separators = [" ", " ", " ", "  ", "\t", "\n", "", ".", ", ", " - "]
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in
            (0..<next(14)).map { _ in separators[next(separators.count)] + words[next(words.count)] }.joined() + separators[next(separators.count)]
        }
    }

    /// The view writer (the common path) gives exactly the general path's view and map, for every
    /// text it finishes, under several settings; and both paths are taken.
    @Test func directPathAgreesWithTheGeneralPath() throws {
        let data = try Data(contentsOf: packageRoot.appending(path: "Tests/NetralTests/Resources/dev-set.jsonl"))
        let devTexts = String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line -> String? in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["text"] as? String
        }
        #expect(devTexts.count > 100)
        let texts = devTexts + randomTexts(count: 3_000, seed: 3) + mixedTexts(count: 6_000, seed: 9)
        let settings: [Normalizer.Options] = [.all, Normalizer.Options.all.subtracting(.whitespace),
                                              Normalizer.Options.all.subtracting(.abbreviations), [.fold, .whitespace], [.deobfuscate, .emoji]]
        for options in settings {
            let normalizer = Normalizer(options: options)
            var direct = 0
            for text in texts {
                let general = normalizer.writeByGeneralPath(text)
                guard let written = normalizer.writeDirectly(text) else { continue }
                direct += 1
                #expect(written == general, "\(options.rawValue) \(text.debugDescription)")
            }
            #expect(direct > texts.count / 4 && direct < texts.count, "\(options.rawValue): \(direct) of \(texts.count) written directly")
        }
        // The dev set (posts as people write them) is nearly all written directly.
        #expect(devTexts.filter { normalizer.writeDirectly($0) != nil }.count * 10 >= devTexts.count * 9)
    }

    /// What the view writer leaves to the general path, and what it keeps.
    @Test func directPathGivesUpOnlyWhereTheWholeTextIsNeeded() {
        for text in ["pilihhh", "P r a b o w o", "G.A.N.J.A.R", "coblos 2️⃣", "ｙｇ", "中文", "y\u{200B}g"] {
            #expect(normalizer.writeDirectly(text) == nil, "\(text.debugDescription)")
        }
        for text in ["Ayo  coblos 02 ✌️ yg\tbener, gak? 🔥🔥 ❤️ 👨‍👩‍👧 🇮🇩 “kata” — dll", "  ", "", "aa bb", "PPPK", "tp2 ☝️"] {
            #expect(normalizer.writeDirectly(text) != nil, "\(text.debugDescription)")
        }
        // A view of plain words is one segment; each expansion, dropped space and folded
        // character adds one.
        #expect(normalizer.normalize("ayo coblos nomor 02").map.segments.count == 1)
        #expect(normalizer.normalize("ayo  coblos yg 02").map.segments.count == 4)
    }

    @Test func leetspeakScanAgreesWithAByteByByteReading() {
        /// The scan's meaning, one byte at a time: a digit, `@` or `$` with a leetspeak letter, between two letterish bytes.
        func reference(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            func letterish(_ b: UInt8) -> Bool { b >= 0x80 || (b | 0x20 >= 97 && b | 0x20 <= 122) }
            return bytes.indices.dropFirst().dropLast().contains { letterish(bytes[$0 - 1]) && letterish(bytes[$0 + 1]) && NormalizationTables.leet[bytes[$0]] != nil }
        }
        var positives = 0
        for text in randomTexts(count: 20_000, seed: 7) {
            let expected = reference(text)
            if expected { positives += 1 }
            #expect(Normalizer.mayHaveLeetspeak(text) == expected, "\(text.debugDescription)")
        }
        #expect(positives > 1_000 && positives < 19_000, "both answers are exercised")
    }

    /// The units of the view the general path writes: its units after the word-level steps, less
    /// the spaces the white-space step drops (none at either end, never two in a row).
    func viewUnits(of text: String, _ normalizer: Normalizer) -> [(scalar: Unicode.Scalar, start: Int32, end: Int32)] {
        let collapsing = normalizer.options.contains(.whitespace)
        var kept: [(scalar: Unicode.Scalar, start: Int32, end: Int32)] = []
        for unit in normalizer.unitsThroughSteps(text).items {
            if collapsing, unit.scalar == " ", kept.last.map({ $0.scalar == " " }) ?? true { continue }
            kept.append((unit.scalar, unit.start, unit.end))
        }
        if collapsing, kept.last?.scalar == " " { kept.removeLast() }
        return kept
    }

    @Test func originalRangeAgreesWithAMapPerByte() {
        for text in randomTexts(count: 3_000, seed: 11) + mixedTexts(count: 1_000, seed: 5) {
            let n = normalizer.normalize(text)
            let units = viewUnits(of: text, normalizer)
            #expect(n.text == String(String.UnicodeScalarView(units.map { $0.scalar })), "\(text.debugDescription)")
            // The map per byte that the units stand for.
            var starts: [Int] = [], ends: [Int] = []
            for unit in units {
                for _ in 0..<UTF8.width(unit.scalar) {
                    starts.append(Int(unit.start))
                    ends.append(Int(unit.end))
                }
            }
            #expect(starts.count == n.text.utf8.count, "\(text.debugDescription)")
            // Looked up alone, and with one cursor carried from look-up to look-up, forwards and
            // (when a range starts before the last one ended) backwards.
            var cursor = NormalizedText.Cursor()
            for lower in starts.indices {
                for upper in (lower + 1)...starts.count {
                    let expected = starts[lower]..<max(starts[lower], ends[upper - 1])
                    #expect(n.originalRange(of: lower..<upper) == expected)
                    #expect(n.originalRange(of: lower..<upper, cursor: &cursor) == expected)
                }
            }
            var sparse = NormalizedText.Cursor()
            for lower in stride(from: 0, to: starts.count, by: 5) {
                #expect(n.originalRange(of: lower..<(lower + 1), cursor: &sparse) == starts[lower]..<ends[lower])
            }
        }
    }

    @Test func wordScanFindsWhatEachStepLooksFor() {
        // Texts made of words the steps act on, and others, with varied separators.
        let words = ["yg", "gak", "jgn", "pilih", "pilihhh", "p r a b o w o", "g.a.n.j.a.r", "a-b-c", "aa", "ooo", "02", "ygg", "Ｙｇ", "é", "😍", "中中中"]
        let separators = [" ", ".", "  ", ", ", "-", "_"]
        var state: UInt64 = 3
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var seen = (spaced: 0, elongated: 0, abbreviations: 0)
        for _ in 0..<5_000 {
            let text = (0..<next(6)).map { _ in words[next(words.count)] + separators[next(separators.count)] }.joined()
            var units = Units(capacity: 0)
            for (offset, scalar) in text.lowercased().unicodeScalars.enumerated() { units.append(scalar, offset, offset + 1) }
            let s = units.items.map(\.scalar)
            func letter(_ x: Unicode.Scalar) -> Bool { x.properties.isAlphabetic && !Normalizer.isPictograph(x) }
            func word(_ x: Unicode.Scalar) -> Bool { Normalizer.isWordScalar(x) }
            func separator(_ x: Unicode.Scalar) -> Bool { NormalizationTables.isLetterSeparator(x) }
            // What each step looks for, read plainly.
            func spacedAt(_ i: Int) -> Bool {
                let sameSeparator = separator(s[i + 1]) && s[i + 3] == s[i + 1]
                return sameSeparator && letter(s[i]) && letter(s[i + 2]) && letter(s[i + 4])
            }
            func elongatedAt(_ i: Int) -> Bool {
                let same = s[i] == s[i + 1] && s[i] == s[i + 2]
                return same && letter(s[i])
            }
            let spaced = s.count >= 7 && (0..<(s.count - 4)).contains(where: spacedAt)
            let elongated = s.count >= 3 && (0..<(s.count - 2)).contains(where: elongatedAt)
            var abbreviations: [Range<Int>] = []
            var i = 0
            while i < s.count {
                guard word(s[i]) else { i += 1; continue }
                var j = i
                while j < s.count, word(s[j]) { j += 1 }
                if NormalizationTables.abbreviations[String(String.UnicodeScalarView(s[i..<j]))] != nil { abbreviations.append(i..<j) }
                i = j
            }
            let scan = Normalizer.scanWords(units)
            #expect(scan.spacedLetters == spaced, "\(text.debugDescription)")
            #expect(scan.elongated == elongated, "\(text.debugDescription)")
            #expect(scan.abbreviations.map(\.units) == abbreviations, "\(text.debugDescription)")
            #expect(scan.abbreviations.allSatisfy { $0.expansion == Array(NormalizationTables.abbreviations[String(String.UnicodeScalarView(s[$0.units]))]!.unicodeScalars) })
            if spaced { seen.spaced += 1 }
            if elongated { seen.elongated += 1 }
            if !abbreviations.isEmpty { seen.abbreviations += 1 }
        }
        #expect(seen.spaced > 100 && seen.elongated > 100 && seen.abbreviations > 100, "each step's case is exercised")
    }

    /// The looked-up blocks of symbols and emoji say what Unicode's properties say, at every scalar
    /// of them and around them.
    /// The joiners dropped without a look-up are what the deobfuscation step drops by category,
    /// and the gesture look-up finds exactly the table's gestures.
    @Test func emojiShortcutsAgreeWithTheTables() {
        for value: UInt32 in [0x200B, 0x200C, 0x200D, 0xFE0E, 0xFE0F, 0x20E3] {
            let scalar = Unicode.Scalar(value)!
            #expect(Normalizer.isEmojiJoiner(scalar))
            #expect([.format, .nonspacingMark, .enclosingMark].contains(scalar.properties.generalCategory) && !scalar.properties.isWhitespace)
        }
        #expect(!Normalizer.isEmojiJoiner("a") && !Normalizer.isEmojiJoiner("\u{200A}"))
        for value in UInt32(0x2000)...0x1FFFF {
            #expect(NormalizationTables.gestureToken(value) == NormalizationTables.gestureTokens[value], "U+\(String(value, radix: 16))")
        }
    }

    @Test func stableSymbolTableAgreesWithTheProperties() {
        let ranges = [0x1F00..<0x3100, 0x1EF00..<0x1FC00]
        var stable = 0
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
                #expect(Normalizer.isStableSymbol(scalar) == (value >= 0x2000 && Normalizer.isStableSymbolUncached(scalar)), "U+\(String(value, radix: 16))")
                if Normalizer.isStableSymbol(scalar) { stable += 1 }
            }
        }
        #expect(stable > 1000)
        #expect(Normalizer.isStableSymbol("✌") && Normalizer.isStableSymbol("👍") && !Normalizer.isStableSymbol("é"))
    }
}
