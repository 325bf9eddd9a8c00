import Foundation
import Testing
@testable import Netral

@Suite("Posts and the JSON Lines reader")
struct PostReaderTests {
    func read(_ text: String, max: Int = 1 << 20) -> [InputRecord] {
        Array(JSONLinesReader(data: Data(text.utf8), maxRecordBytes: max))
    }

    func read(bytes: [UInt8]) -> [InputRecord] {
        Array(JSONLinesReader(data: Data(bytes)))
    }

    @Test func readsEveryFieldOfTheCanonicalFormat() throws {
        let line = """
        {"id":"x1","platform":"instagram","action":"comment","author":"@budi","text":"Mantap!","target":{"author":"@gibran_tweet","text":"Kampanye","url":"https://x"},"media":[{"caption":"foto","alt":"dua jari","ocr":"02"}],"hashtags":["PrabowoGibran2024"],"location":"GBK","created_at":"2024-02-10T08:30:00+07:00","profile":{"name":"Budi","bio":"Relawan"},"unknown":42}
        """
        let post = try #require(try read(line).first?.post.get())
        #expect(post.id == "x1")
        #expect(post.platform == .instagram)
        #expect(post.action == .comment)
        #expect(post.target?.author == "@gibran_tweet")
        #expect(post.media.first?.ocr == "02")
        #expect(post.values(of: .hashtags).first?.text == "#PrabowoGibran2024")
        #expect(post.createdAt == RFC3339.parse("2024-02-10T01:30:00Z"))
        #expect(post.profile?.bio == "Relawan")
        // Round trip through the canonical JSON object.
        let again = try Post(jsonObject: post.jsonObject)
        #expect(again == post)
    }

    @Test func numericIdsAndDefaults() throws {
        let post = try #require(try read(#"{"id": 123}"#).first?.post.get())
        #expect(post.id == "123")
        #expect(post.action == .post)
        #expect(post.text == "")
    }

    @Test func malformedRecordsBecomeErrorsAndReadingGoesOn() {
        let input = """
        {"id":"a","text":"ok"}
        {"id":"b","text":
        {"id":"c","text":42}
        ["not","an","object"]
        {"text":"no id"}
        {"id":"d","action":"dance"}
        {"id":"e","created_at":"yesterday"}
        {"id":"f","media":"photo"}

        {"id":"g","text":"last"}
        """
        let records = read(input)
        #expect(records.map(\.line) == [1, 2, 3, 4, 5, 6, 7, 8, 10])
        func message(_ i: Int) -> String? { if case .failure(let e) = records[i].post { return e.message } else { return nil } }
        #expect(message(0) == nil)
        #expect(message(1)?.hasPrefix("not valid JSON") == true)
        #expect(message(2) == "\"text\" must be a string, found a number")
        #expect(message(3)?.hasPrefix("expected a JSON object") == true)
        #expect(message(4)?.hasPrefix("missing \"id\"") == true)
        #expect(message(5)?.hasPrefix("unknown \"action\" \"dance\"") == true)
        #expect(message(6)?.contains("RFC 3339") == true)
        #expect(message(7) == "\"media\" must be an array of objects, found a string")
        if case .failure(let e) = records[2].post { #expect(e.id == "c") }
        #expect((try? records[8].post.get())?.text == "last")
    }

    @Test func bomCRLFAndTruncatedLastLine() {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array("{\"id\":\"1\",\"text\":\"a\"}\r\n{\"id\":\"2\",\"text\":\"b\"}\r\n{\"id\":\"3\",\"te".utf8)
        let records = read(bytes: bytes)
        #expect(records.count == 3)
        #expect((try? records[0].post.get())?.id == "1")
        #expect((try? records[1].post.get())?.text == "b")
        #expect(records[2].line == 3)
        if case .success = records[2].post { Issue.record("a truncated line must be an error") }
    }

    @Test func invalidUTF8LineIsAnErrorNotACrash() {
        var bytes = Array("{\"id\":\"1\",\"text\":\"".utf8) + [0xFF, 0xFE] + Array("\"}\n{\"id\":\"2\"}\n".utf8)
        bytes += [0xC3]
        let records = read(bytes: bytes)
        #expect(records.count == 3)
        if case .failure(let e) = records[0].post { #expect(e.message.contains("not valid UTF-8")) } else { Issue.record("accepted invalid UTF-8") }
        #expect((try? records[1].post.get())?.id == "2")
        #expect(records[2].line == 3)
    }

    @Test func oversizedRecordIsRefusedWithBoundedMemory() {
        let big = "{\"id\":\"big\",\"text\":\"" + String(repeating: "x", count: 5_000) + "\"}"
        let records = read("{\"id\":\"1\"}\n" + big + "\n{\"id\":\"3\"}\n", max: 1_000)
        #expect(records.map(\.line) == [1, 2, 3])
        if case .failure(let e) = records[1].post { #expect(e.message.contains("longer than 1000 bytes")) } else { Issue.record("accepted an oversized record") }
        #expect((try? records[2].post.get())?.id == "3")
        // A blank line is no record, however long.
        #expect(read("{\"id\":\"1\"}\n" + String(repeating: " ", count: 2_000) + "\n", max: 1_000).map(\.line) == [1])
    }

    @Test func chunkBoundariesDoNotSplitRecords() {
        let lines = (0..<200).map { "{\"id\":\"\($0)\",\"text\":\"halo \($0) ✌️\"}" }.joined(separator: "\n")
        let data = Array(lines.utf8)
        var offset = 0
        let reader = JSONLinesReader(maxRecordBytes: 1 << 20) {
            guard offset < data.count else { return nil }
            let end = min(data.count, offset + 7)
            defer { offset = end }
            return Data(data[offset..<end])
        }
        let ids = reader.compactMap { try? $0.post.get().id }
        #expect(ids == (0..<200).map(String.init))
    }

    @Test func rfc3339Forms() {
        #expect(RFC3339.parse("2024-02-14") == RFC3339.parse("2024-02-14T00:00:00Z"))
        #expect(RFC3339.parse("2024-02-14T07:00:00+07:00") == RFC3339.parse("2024-02-14T00:00:00Z"))
        #expect(RFC3339.parse("2024-02-14T00:00:00.5Z")!.timeIntervalSince(RFC3339.parse("2024-02-14T00:00:00Z")!) == 0.5)
        #expect(RFC3339.parse("2024-13-01") == nil)
        #expect(RFC3339.parse("14/02/2024") == nil)
        #expect(RFC3339.format(RFC3339.parse("2024-11-27T09:15:00+07:00")!) == "2024-11-27T02:15:00Z")
    }
}
