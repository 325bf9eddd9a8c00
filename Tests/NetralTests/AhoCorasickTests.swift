import Testing
@testable import Netral

@Suite("AhoCorasick: every occurrence of many needles in one pass")
struct AhoCorasickTests {
    /// Every (needle, end offset) pair, found by the automaton.
    func scanned(_ automaton: AhoCorasick, _ text: [UInt8]) -> [[Int]] {
        var found: [[Int]] = []
        text.withUnsafeBufferPointer { bytes in automaton.scan(bytes) { found.append([$0, $1]) } }
        return found.sorted { ($0[1], $0[0]) < ($1[1], $1[0]) }
    }

    /// The same pairs, by trying every needle at every offset.
    func naive(_ needles: [[UInt8]], _ text: [UInt8]) -> [[Int]] {
        var found: [[Int]] = []
        for end in text.indices {
            for (id, needle) in needles.enumerated() where !needle.isEmpty && needle.count <= end + 1 {
                if text[(end + 1 - needle.count)...end].elementsEqual(needle) { found.append([id, end]) }
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
        // Small alphabets make many overlaps; the byte classes vary from 2 to 64 in width.
        var rng = SystemRandomNumberGenerator()
        for alphabetSize in [2, 3, 4, 8, 16, 64] {
            let alphabet = (0..<alphabetSize).map { UInt8(0x21 + $0) }
            for _ in 0..<20 {
                let needles = (0..<Int.random(in: 1...30, using: &rng)).map { _ in
                    (0..<Int.random(in: 1...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
                }
                // Text bytes include some that occur in no needle (class 0).
                let text = (0..<Int.random(in: 0...300, using: &rng)).map { _ in
                    Int.random(in: 0..<10, using: &rng) == 0 ? UInt8(0xC3) : alphabet.randomElement(using: &rng)!
                }
                let automaton = AhoCorasick(needles: needles)
                #expect(scanned(automaton, text) == naive(needles, text), "needles \(needles), text \(text)")
            }
        }
    }

    @Test func noNeedlesFindNothing() {
        let automaton = AhoCorasick(needles: [])
        #expect(scanned(automaton, Array("anything".utf8)).isEmpty)
    }
}
