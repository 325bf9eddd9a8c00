import Testing
@testable import Netral

@Suite("AhoCorasick: every occurrence of many needles in one pass")
struct AhoCorasickTests {
    /// Every (needle, end offset) pair, found by the automaton.
    func scanned(_ automaton: AhoCorasick, _ text: [UInt8]) -> [[Int]] {
        var occurrences: [AhoCorasick.Occurrence] = []
        text.withUnsafeBufferPointer { bytes in automaton.scan(bytes, into: &occurrences) }
        return occurrences.map { [Int($0.needle), Int($0.end)] }.sorted { ($0[1], $0[0]) < ($1[1], $1[0]) }
    }

    /// The same pairs, by trying every needle at every offset; a word-start needle only where the
    /// byte before is not a word byte.
    func naive(_ needles: [[UInt8]], _ text: [UInt8], wordStart: [Bool] = []) -> [[Int]] {
        var found: [[Int]] = []
        for end in text.indices {
            for (id, needle) in needles.enumerated() where !needle.isEmpty && needle.count <= end + 1 {
                let start = end + 1 - needle.count
                if id < wordStart.count, wordStart[id], start > 0, Atom.isWordByte(text[start - 1]) { continue }
                if text[start...end].elementsEqual(needle) { found.append([id, end]) }
            }
        }
        return found
    }

    @Test func findsOverlappingAndNestedNeedles() {
        let needles = ["he", "she", "his", "hers", "h"].map { Array($0.utf8) }
        let text = Array("ushers and his sheep".utf8)
        let automaton = AhoCorasick(needles: needles)
        #expect(scanned(automaton, text) == naive(needles, text))
        // "she" ends at 3, "he" at 3, "hers" at 5.
        #expect(scanned(automaton, text).prefix(4) == [[4, 2], [0, 3], [1, 3], [3, 5]])
    }

    @Test func matchesANaiveSearchOnRandomInput() {
        // Small alphabets make many overlaps; word and non-word bytes alternate in the pool, so every
        // alphabet has both; half the needles count only at word starts.
        let pool = Array("a b-1.c_d#Ze!f2g?hijklmnop".utf8)
        var rng = SystemRandomNumberGenerator()
        for alphabetSize in [2, 3, 4, 8, 16, 26] {
            let alphabet = Array(pool.prefix(alphabetSize))
            for _ in 0..<30 {
                let needles = (0..<Int.random(in: 1...30, using: &rng)).map { _ in
                    (0..<Int.random(in: 1...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
                }
                let wordStart = needles.map { _ in Bool.random(using: &rng) }
                // Text bytes include some that occur in no needle (class 0).
                let text = (0..<Int.random(in: 0...300, using: &rng)).map { _ in
                    Int.random(in: 0..<10, using: &rng) == 0 ? UInt8(0xC3) : alphabet.randomElement(using: &rng)!
                }
                #expect(scanned(AhoCorasick(needles: needles), text) == naive(needles, text), "needles \(needles), text \(text)")
                #expect(scanned(AhoCorasick(needles: needles, wordStart: wordStart), text) == naive(needles, text, wordStart: wordStart),
                        "needles \(needles), word starts \(wordStart), text \(text)")
            }
        }
    }

    @Test func wordStartNeedlesCountOnlyAfterANonWordByte() {
        let needles = ["i", "pi", "ini"].map { Array($0.utf8) }
        let automaton = AhoCorasick(needles: needles, wordStart: [true, false, true])
        // "i" only at the start and after the space or the accented letter's bytes; "pi" anywhere.
        #expect(scanned(automaton, Array("ini pilih éi".utf8)) == [[0, 0], [2, 2], [1, 5], [0, 12]])
    }

    @Test func manyDistinctBytesGetClassesOfTheirOwn() {
        // All 256 byte values in needles, and word-start classes on top: more than 256 classes.
        let needles = (0..<256).map { [UInt8($0), UInt8(255 - $0)] }
        let automaton = AhoCorasick(needles: needles, wordStart: needles.map { _ in true })
        let text: [UInt8] = [0x20, 0x41, 0xBE, 0x00, 0xFF]
        #expect(scanned(automaton, text) == naive(needles, text, wordStart: needles.map { _ in true }))
    }

    @Test func noNeedlesFindNothing() {
        let automaton = AhoCorasick(needles: [])
        #expect(scanned(automaton, Array("anything".utf8)).isEmpty)
    }
}
