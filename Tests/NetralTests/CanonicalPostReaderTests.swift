import Foundation
import Testing
@testable import Netral

@Suite("The canonical post reader (the JSON Lines fast path)")
struct CanonicalPostReaderTests {
    /// What the full path makes of a line: the post, or nil for an error (or a blank line).
    func fullPath(_ line: [UInt8]) -> Post? {
        guard String(validating: line, as: UTF8.self) != nil else { return nil }
        return try? Post(jsonBytes: line)
    }

    func fastPath(_ line: [UInt8]) -> Post? {
        line.withUnsafeBufferPointer(CanonicalPostReader.post)
    }

    @Test func readsTheCanonicalFormatAsTheFullPathDoes() throws {
        let line = Array("""
        {"id":"x1","platform":"Instagram","action":"COMMENT","author":"@budi","text":"Mantap \\"02\\" \\u2764\\ufe0f\\n✌️","target":{"author":"@gibran_tweet","text":"Kampanye","url":"https://x","extra":[1,{"a":null}]},"media":[{"caption":"foto","alt":"dua jari","ocr":"02"},{}],"hashtags":["PrabowoGibran2024","AMIN"],"location":"GBK","created_at":"2024-02-10T08:30:00+07:00","profile":{"name":"Budi","bio":null},"unknown":{"deep":[true,false,-1.5e3]}}
        """.utf8)
        let fast = try #require(fastPath(line))
        #expect(fast == fullPath(line))
        #expect(fast.text == "Mantap \"02\" ❤️\n✌️")
        #expect(fast.action == .comment && fast.platform == .instagram)
        #expect(fast.media.count == 2 && fast.hashtags == ["PrabowoGibran2024", "AMIN"])
        #expect(try #require(fastPath(Array(#"  {"id": -12.5e1, "text": null}  "#.utf8))).id == "-12.5e1")
        // A repeated key: the last value counts.
        let repeated = Array(#"{"id":"1","text":"a","target":{"url":"u"},"t\u0065xt":"b","target":null,"id":"2"}"#.utf8)
        #expect(fastPath(repeated) == fullPath(repeated))
        #expect(fastPath(repeated)?.text == "b" && fastPath(repeated)?.id == "2" && fastPath(repeated)?.target == nil)
    }

    @Test func leavesToTheFullPathWhatItMustDecide() {
        let declined = [
            #"{"id":"1","target":{"text":"a","text":5}}"#,       // a repeated key whose last value has the wrong type
            #"{"id":"1","text":"a",}"#,                          // a trailing comma (the full path accepts it)
            #"{"id":"1","hashtags":["a",]}"#,
            #"{"id":"1","action":"retweet"}"#,                   // an unknown action: an error
            #"{"id":"1","created_at":"yesterday"}"#,             // a bad time: an error
            #"{"id":"","text":"a"}"#, #"{"text":"a"}"#, #"{"id":null}"#, #"{"id":true}"#,
            #"{"id":"1","text":5}"#, #"{"id":"1","media":[null]}"#, #"{"id":"1","hashtags":[null]}"#,
            #"{"id":"1","target":[]}"#, #"["id"]"#, #"{"id":"1"} x"#, "", "   ",
            "\u{FEFF}{\"id\":\"1\"}",                             // a byte-order mark: the full path skips it
            #"{"id":"1","x":"#,                                   // not JSON
            "{\"id\":\"1\",\"deep\":" + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "}",
        ].map { Array($0.utf8) } + [
            Array(#"{"id":"1","text":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8),     // not UTF-8
            Array(#"{"id":"1","other":""#.utf8) + [0xFF] + Array(#""}"#.utf8),          // not UTF-8, in a key no one reads
        ]
        for line in declined {
            #expect(fastPath(line) == nil, "\(String(decoding: line, as: UTF8.self))")
        }
    }

    /// Random lines, canonical and not: whatever the fast path reads, the full path reads the same.
    @Test func agreesWithTheFullPathOnRandomLines() {
        var rng = SplitMix(state: 11)
        var accepted = 0, readByFullPath = 0, rejectedByBoth = 0
        for _ in 0..<4000 {
            let line = randomLine(&rng)
            let full = fullPath(line)
            if full != nil { readByFullPath += 1 }
            if let fast = fastPath(line) {
                accepted += 1
                #expect(fast == full, "\(String(decoding: line, as: UTF8.self))")
            } else if full == nil {
                rejectedByBoth += 1
            }
        }
        // The fast path reads most of what the full path reads, and lines in error are seen too.
        #expect(accepted * 10 > readByFullPath * 6, "\(accepted) of \(readByFullPath)")
        #expect(rejectedByBoth > 300, "\(rejectedByBoth)")
    }

    func randomLine(_ rng: inout SplitMix) -> [UInt8] {
        let keys = ["id", "id", "platform", "action", "author", "text", "text", "location", "created_at", "target", "media",
                    "hashtags", "profile", "other", "t\\u0065xt"]
        var members: [String] = []
        if rng.next(10) > 0 { members.append(#""id":"\#(rng.next(1000))""#) }
        for _ in 0..<rng.next(7) {
            let key = keys[rng.next(keys.count)]
            members.append("\"\(key)\":\(randomValue(for: key, &rng))")
        }
        members.shuffle(using: &rng)
        var text = (rng.next(20) == 0 ? " " : "") + "{" + members.joined(separator: rng.next(4) == 0 ? " , " : ",")
        if rng.next(40) == 0 { text += "," }
        text += "}"
        var bytes = Array(text.utf8)
        if rng.next(30) == 0, !bytes.isEmpty { bytes[rng.next(bytes.count)] = [0xFF, 0xC3, 0x80, 0x22, 0x5C][rng.next(5)] }
        return bytes
    }

    func randomValue(for key: String, _ rng: inout SplitMix) -> String {
        let strings = [#""Coblos 02!""#, #""ayo \"pilih\" 👍🏻\n""#, #""Prabowo\u0020Gibran""#, #""""#, #""\ud83d\ude00""#, #""\ud800x""#,
                       #""Post""#, #""LIKE""#, #""share""#, #""tiktok""#, #""2024-02-10T08:30:00+07:00""#, #""2024-02-10""#]
        switch rng.next(12) {
        case 0: return "null"
        case 1: return ["1", "-2.5", "3e2", "true", "[]", "{}"][rng.next(6)]
        case 2, 3:
            let inner = ["author", "text", "url", "caption", "alt", "ocr", "name", "bio", "x"]
            let parts = (0..<rng.next(4)).map { _ in "\"\(inner[rng.next(inner.count)])\":\(rng.next(6) == 0 ? "7" : strings[rng.next(strings.count)])" }
            let object = "{" + parts.joined(separator: ",") + "}"
            return key == "media" || rng.next(3) == 0 ? "[" + Array(repeating: object, count: 1 + rng.next(2)).joined(separator: ",") + "]" : object
        case 4: return "[" + (0..<rng.next(3)).map { _ in rng.next(8) == 0 ? "null" : strings[rng.next(strings.count)] }.joined(separator: ",") + "]"
        default: return strings[rng.next(strings.count)]
        }
    }
}
