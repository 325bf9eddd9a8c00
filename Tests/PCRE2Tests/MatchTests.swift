import Testing
@testable import PCRE2

@Suite("Matching Indonesian text")
struct MatchTests {
    @Test func offsetsAroundDiacriticsAndEmoji() throws {
        let text = "Café ☕ ✌️ coblos 02 👨‍👩‍👧 pilih"
        let regex = try PCRE2Regex(#"coblos\s+(\d+)"#)
        let match = try #require(try regex.firstMatch(in: text))
        #expect(match.substring(in: text) == "coblos 02")
        // Bytes: "Café " = 6, "☕ " = 4, "✌️ " = 7 (U+270C U+FE0F + space).
        #expect(match.range == 17..<26)
        #expect(match.scalarRange(in: text) == 10..<19)
        #expect(match.characterRange(in: text) == 9..<18)
        #expect(match.substring(group: 1, in: text) == "02")
    }

    @Test func offsetsAfterZWJSequence() throws {
        let text = "👨‍👩‍👧 pilih 3"
        let regex = try PCRE2Regex(#"pilih \d"#)
        let match = try #require(try regex.firstMatch(in: text))
        // The family emoji is 5 scalars, 18 bytes, 1 character.
        #expect(match.range == 19..<26)
        #expect(match.scalarRange(in: text) == 6..<13)
        #expect(match.characterRange(in: text) == 2..<9)
        #expect(match.substring(in: text) == "pilih 3")
    }

    @Test func byteRangesToScalarOffsets() {
        let text = "Café ☕ pilih"
        // "é" is 2 bytes, "☕" 3: "pilih" starts at byte 10, scalar 7.
        #expect(PCRE2Match.scalarRange(10..<15, in: text) == 7..<12)
        #expect(PCRE2Match.scalarRange(3..<5, in: text) == 3..<4, "\"é\" is one scalar of two bytes")
        #expect(PCRE2Match.scalarRange(10..<99, in: text) == 7..<12, "a range past the end is cut")
        #expect(PCRE2Match.scalarRange(0..<0, in: "") == 0..<0)
    }

    /// The eight-bytes-at-a-time count against a count of scalars, on random texts and ranges.
    @Test func scalarCountsAgreeWithTheScalarsOnRandomText() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", " ", "é", "☕", "👍🏻", "ñ", "\u{301}", "Z", "𝐏", "02"]
        for _ in 0..<2000 {
            var text = (0..<Int.random(in: 0...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let utf8 = Array(text.utf8)
            let lower = Int.random(in: 0...utf8.count, using: &rng), upper = Int.random(in: lower...utf8.count, using: &rng)
            let expected = utf8[lower..<upper].filter { $0 & 0xC0 != 0x80 }.count
            #expect(text.withUTF8 { PCRE2Match.scalarCount($0, in: lower..<upper) } == expected, "\(text) \(lower)..<\(upper)")
            let before = utf8[..<lower].filter { $0 & 0xC0 != 0x80 }.count
            #expect(PCRE2Match.scalarRange(lower..<upper, in: text) == before..<(before + expected))
        }
    }

    @Test func matchingAnEmojiItself() throws {
        let text = "salam ✌️ dari kami"
        let regex = try PCRE2Regex("\u{270C}\u{FE0F}?")
        let match = try #require(try regex.firstMatch(in: text))
        #expect(match.substring(in: text) == "✌️")
        #expect(match.characterRange(in: text) == 6..<7)
    }

    @Test func caselessUnicodeMatching() throws {
        let regex = try PCRE2Regex("ÉLECTION|prabowo|σοφία", options: .caseless)
        #expect(try regex.isMatch("Pemilu élection"))
        #expect(try regex.isMatch("PRABOWO"))
        #expect(try regex.isMatch("ΣΟΦΊΑ"))
        // UCP caseless folds the Kelvin sign to k.
        #expect(try PCRE2Regex("kpu", options: .caseless).isMatch("\u{212A}PU"))
        #expect(try !PCRE2Regex("prabowo").isMatch("PRABOWO"))
    }

    @Test func unicodeWordBoundaries() throws {
        let regex = try PCRE2Regex(#"\bamin\b"#, options: .caseless)
        #expect(try regex.isMatch("#AMIN menang"))
        #expect(try !regex.isMatch("aminé"), "é is a word character under UCP")
        #expect(try !regex.isMatch("aamiin"))
    }

    @Test func namedGroups() throws {
        let text = "Ayo COBLOS nomor 02 ya"
        let regex = try PCRE2Regex(#"(?<verb>coblos|pilih)\s+(?:nomor\s+)?(?<no>\d+)(?<missing>x)?"#, options: .caseless)
        let match = try #require(try regex.firstMatch(in: text))
        #expect(match.substring(named: "verb", in: text) == "COBLOS")
        #expect(match.substring(named: "no", in: text) == "02")
        #expect(match.range(named: "missing") == nil)
        #expect(match.range(named: "nonexistent") == nil)
    }

    @Test func allMatchesAreNonOverlapping() throws {
        let text = "02 dan 02 lagi, 002"
        let regex = try PCRE2Regex(#"\b0?2\b"#)
        let found = try regex.matches(in: text).map { String($0.substring(in: text)) }
        #expect(found == ["02", "02"])
    }

    @Test func allMatchesIncludeEmptyMatchesAndTerminate() throws {
        let text = "aé👍"
        let regex = try PCRE2Regex("x*")
        let found = try regex.matches(in: text)
        // One empty match before each character and one at the end; never mid-character.
        #expect(found.map(\.range) == [0..<0, 1..<1, 3..<3, 7..<7])
        let mixed = try PCRE2Regex("a*").matches(in: "baaac")
        #expect(mixed.map(\.range) == [0..<0, 1..<4, 4..<4, 5..<5])
    }

    @Test func firstMatchFromOffset() throws {
        let text = "pilih 1, pilih 2"
        let regex = try PCRE2Regex(#"pilih (\d)"#)
        let second = try #require(try regex.firstMatch(in: text, from: 1))
        #expect(second.substring(group: 1, in: text) == "2")
        #expect(try regex.firstMatch(in: text, from: 100) == nil)
    }

    @Test func explicitMatcherIsReusableAcrossPatterns() throws {
        let matcher = PCRE2Matcher()
        let a = try PCRE2Regex("gibran")
        let b = try PCRE2Regex("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)(m)(n)(o)(p)(q)(r)(s)(t)")
        #expect(try matcher.firstMatch(of: a, in: "mas gibran") != nil)
        let long = try #require(try matcher.firstMatch(of: b, in: "abcdefghijklmnopqrst"))
        #expect(long.groups.count == 21)
        #expect(long.substring(group: 20, in: "abcdefghijklmnopqrst") == "t")
        #expect(try matcher.firstMatch(of: a, in: "ganjar") == nil)
    }

    @Test func substringsAndNonNativeStrings() throws {
        let text: Substring = "xx ganjar xx".dropFirst(3)
        let regex = try PCRE2Regex("ganjar")
        #expect(try regex.isMatch(String(text)))
    }

    @Test func anchoredPatternsMatchOnlyAtTheStartOffsetAndLookBehindIt() throws {
        let anchored = try PCRE2Regex(#"(?<![\p{L}])prabowo"#, options: [.caseless, .anchored])
        let text = "pilih Prabowo, xprabowo"
        #expect(try anchored.firstMatch(in: text, from: 0) == nil, "no match at offset 0, and no search beyond it")
        #expect(try anchored.firstMatch(in: text, from: 6)?.range == 6..<13)
        // The lookbehind reads the byte before the start offset: "x" is a letter, so no match at 17.
        #expect(try anchored.firstMatch(in: text, from: 17) == nil)
        #expect(anchored.isJIT || !PCRE2Library.isJITAvailable)
    }

    @Test func rangesAreTheMatchesWithoutTheirGroups() throws {
        let matcher = PCRE2Matcher()
        let cases: [(String, String)] = [
            (#"\b0?2\b"#, "02 dan 02 lagi, 002"),
            ("x*", "aé👍"),
            ("a*", "baaac"),
            (#"pilih (\d)"#, "pilih 1, pilih 2"),
            (#"(?<=no)\K\d|(\w)(\w)"#, "no1 ab no2"),
            ("ganjar", "mas gibran"),
        ]
        for (pattern, text) in cases {
            let regex = try PCRE2Regex(pattern)
            let matches = try matcher.matches(of: regex, in: text)
            #expect(try matcher.ranges(of: regex, in: text) == matches.map(\.range), "\(pattern)")
            for start in 0...(text.utf8.count + 1) {
                #expect(try matcher.firstRange(of: regex, in: text, from: start) == matcher.firstMatch(of: regex, in: text, from: start)?.range, "\(pattern) from \(start)")
            }
        }
        #expect(try matcher.ranges(of: PCRE2Regex("a*"), in: "baaac") == [0..<0, 1..<4, 4..<4, 5..<5])
    }
}
