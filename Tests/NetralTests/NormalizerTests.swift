import Foundation
import Testing
@testable import Netral

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

    @Test func originalRangeAgreesWithAMapPerByte() {
        for text in randomTexts(count: 3_000, seed: 11) {
            let n = normalizer.normalize(text)
            // The map per byte that the units stand for.
            var starts: [Int] = [], ends: [Int] = []
            for unit in n.units {
                for _ in 0..<UTF8.width(unit.scalar) {
                    starts.append(Int(unit.start))
                    ends.append(Int(unit.end))
                }
            }
            #expect(starts.count == n.text.utf8.count, "\(text.debugDescription)")
            for lower in starts.indices {
                for upper in (lower + 1)...starts.count {
                    #expect(n.originalRange(of: lower..<upper) == starts[lower]..<max(starts[lower], ends[upper - 1]))
                }
            }
        }
    }
}
