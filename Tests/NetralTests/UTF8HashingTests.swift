import Testing
@testable import Netral

@Suite("UTF-8 keys")
struct UTF8HashingTests {
    /// Keys compare by their bytes, as they hash: canonically equivalent spellings are different keys.
    @Test func sameUTF8ComparesBytes() {
        #expect("é".hasSameUTF8(as: "é"))
        #expect(!"é".hasSameUTF8(as: "e\u{301}") && "é" == "e\u{301}")
        let text = "coblos prabowo gibran"
        #expect(text.dropFirst(7).prefix(7).hasSameUTF8(as: "prabowo"))
        #expect(!text.dropFirst(7).prefix(7).hasSameUTF8(as: "prabowa"))
        #expect(!"prabowo".hasSameUTF8(as: "prabow"))
        #expect("".hasSameUTF8(as: text.prefix(0)))
    }
}
