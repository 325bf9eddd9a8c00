import Foundation
import Testing
@testable import PCRE2

@Suite("Limits, invalid UTF-8 and threads")
struct RobustnessTests {
    @Test func catastrophicPatternFailsFastWithMatchLimit() throws {
        let regex = try PCRE2Regex("(a+)+$")
        let subject = String(repeating: "a", count: 5_000) + "b"
        let clock = ContinuousClock()
        var caught: PCRE2Error?
        let elapsed = clock.measure {
            do throws(PCRE2Error) { _ = try regex.firstMatch(in: subject) } catch { caught = error }
        }
        let error = try #require(caught)
        #expect(error.kind == .matchLimit)
        #expect(error.isLimit)
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    @Test func catastrophicPatternHitsLimitOnInterpreterToo() throws {
        let regex = try PCRE2Regex("(a+)+$", limits: MatchLimits(matchLimit: 10_000), jit: false)
        let result = Result { () throws(PCRE2Error) in try regex.firstMatch(in: String(repeating: "a", count: 40) + "!") }
        guard case .failure(let error) = result else { Issue.record("no limit error"); return }
        #expect(error.kind == .matchLimit)
    }

    @Test func depthAndHeapLimitsOnInterpreter() throws {
        let deep = try PCRE2Regex("(a|b)*c", limits: MatchLimits(depthLimit: 50), jit: false)
        // The trailing "c" defeats PCRE2's required-character shortcut, so the match really recurses.
        let subject = String(repeating: "ab", count: 2_000) + "c"
        let result = Result { () throws(PCRE2Error) in try deep.firstMatch(in: subject) }
        guard case .failure(let error) = result else { Issue.record("no limit error"); return }
        #expect(error.kind == .depthLimit || error.kind == .heapLimit)
    }

    @Test func jitStackLimitIsADistinctError() throws {
        guard PCRE2Library.isJITAvailable else { return }
        let small = try PCRE2Regex("(a|b)*c", limits: MatchLimits(jitStackMaxBytes: 32 * 1024))
        let subject = String(repeating: "ab", count: 100_000) + "c"
        let result = Result { () throws(PCRE2Error) in try small.firstMatch(in: subject) }
        guard case .failure(let error) = result else { Issue.record("no JIT stack error"); return }
        #expect(error.kind == .jitStackLimit)
        // A larger stack lets the same match finish.
        let large = try PCRE2Regex("(a|b)*c", limits: MatchLimits(matchLimit: 50_000_000, jitStackMaxBytes: 64 << 20))
        #expect(try large.firstMatch(in: subject)?.range == 0..<subject.utf8.count)
    }

    @Test func invalidUTF8NeverCrashesAndTextAroundItMatches() throws {
        let regex = try PCRE2Regex(#"coblos\s*\d+"#, options: .caseless)
        var bytes: [UInt8] = Array("a".utf8) + [0xFF, 0xFE, 0xC3] + Array("COBLOS 02 ".utf8) + [0xE2, 0x82] + Array("coblos 3".utf8)
        bytes.append(0x80)
        let matches = try bytes.withUnsafeBufferPointer { (buf) throws(PCRE2Error) in try regex.matches(inUTF8: buf) }
        #expect(matches.map(\.range) == [4..<13, 16..<24])
        let interpreted = try PCRE2Regex(#"coblos\s*\d+"#, options: .caseless, jit: false)
        let again = try bytes.withUnsafeBufferPointer { (buf) throws(PCRE2Error) in try interpreted.matches(inUTF8: buf) }
        #expect(again.map(\.range) == matches.map(\.range))
        // Dot never swallows an invalid byte: it is not a character.
        let dot = try PCRE2Regex("a.c")
        let bad: [UInt8] = [0x61, 0xFF, 0x63]
        #expect(try bad.withUnsafeBufferPointer { (buf) throws(PCRE2Error) in try dot.firstMatch(inUTF8: buf) } == nil)
    }

    @Test func emptyMatchesOverInvalidBytesTerminate() throws {
        let regex = try PCRE2Regex("x*")
        let bytes: [UInt8] = [0x61, 0xFF, 0x80, 0x62]
        let found = try bytes.withUnsafeBufferPointer { (buf) throws(PCRE2Error) in try regex.matches(inUTF8: buf) }
        #expect(found.count >= 2)
        #expect(found.last?.range == 4..<4)
    }

    @Test func onePatternFromManyTasksGivesIdenticalResults() async throws {
        let regex = try PCRE2Regex(#"\b(?:coblos|pilih)\s+(?<no>0?[1-3])\b"#, options: .caseless)
        let posts = (0..<400).map { i in i % 3 == 0 ? "ayo Coblos 0\(i % 3 + 1) ya #\(i)" : "kerja bakti RT \(i)" }
        let expected = try posts.map { try regex.matches(in: $0).map(\.range) }
        let results = try await withThrowingTaskGroup(of: (Int, [[Range<Int>]]).self) { group in
            for worker in 0..<8 {
                group.addTask {
                    let matcher = worker.isMultiple(of: 2) ? PCRE2Matcher() : nil
                    var out: [[Range<Int>]] = []
                    for _ in 0..<5 {
                        for post in posts {
                            let found = try matcher.map { try $0.matches(of: regex, in: post) } ?? regex.matches(in: post)
                            out.append(found.map(\.range))
                        }
                    }
                    return (worker, out)
                }
            }
            var all: [Int: [[Range<Int>]]] = [:]
            for try await (worker, out) in group { all[worker] = out }
            return all
        }
        #expect(results.count == 8)
        for (_, out) in results {
            #expect(out == Array([[[Range<Int>]]](repeating: expected, count: 5).joined()))
        }
    }
}
