import Testing
@testable import PCRE2

@Suite("Compiling patterns")
struct CompileTests {
    @Test func reportsMissingParenthesisWithOffset() {
        let result = Result { () throws(PCRE2Error) in try PCRE2Regex("abc(def") }
        guard case .failure(let error) = result else { Issue.record("compiled a broken pattern"); return }
        #expect(error.kind == .compile)
        #expect(error.code == 114)
        #expect(error.offset == 7)
        #expect(error.message.contains("missing closing parenthesis"))
        #expect(error.description == "PCRE2: error compiling pattern at offset 7: missing closing parenthesis")
    }

    @Test func reportsOffsetInBytesAfterMultibyteText() {
        // "é" is two bytes: the stray quantifier sits at byte 3.
        let result = Result { () throws(PCRE2Error) in try PCRE2Regex("é(+") }
        guard case .failure(let error) = result else { Issue.record("compiled a broken pattern"); return }
        #expect(error.kind == .compile)
        #expect(error.offset == 3)
    }

    @Test func jitIsUsedWhenAvailable() throws {
        let regex = try PCRE2Regex(#"\bcoblos\w*"#)
        #expect(regex.isJIT == PCRE2Library.isJITAvailable)
        #expect(PCRE2Library.isJITAvailable, "Debian's PCRE2 ships with JIT")
        let interpreted = try PCRE2Regex(#"\bcoblos\w*"#, jit: false)
        #expect(!interpreted.isJIT)
        #expect(try interpreted.isMatch("ayo coblosin"))
    }

    @Test func emptyPatternCompilesAndMatchesEmpty() throws {
        let regex = try PCRE2Regex("")
        let match = try #require(try regex.firstMatch(in: "abc"))
        #expect(match.range == 0..<0)
    }

    @Test func capturesAndNamesAreCounted() throws {
        let regex = try PCRE2Regex(#"(?<verb>coblos|pilih)\s+(no\s*)?(?<no>\d+)"#)
        #expect(regex.captureCount == 3)
        #expect(regex.groupNames == ["verb": 1, "no": 3])
    }

    @Test func literalOptionTreatsMetacharactersAsText() throws {
        let regex = try PCRE2Regex("a.b(", options: .literal)
        #expect(try regex.isMatch("x a.b( y"))
        #expect(try !regex.isMatch("axb("))
    }

    @Test func versionIsReported() {
        #expect(PCRE2Library.version.hasPrefix("10."))
    }
}
