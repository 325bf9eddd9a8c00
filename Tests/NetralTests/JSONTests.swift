import Foundation
import Testing
@testable import Netral

@Suite("JSON: the record parser and the result writer")
struct JSONTests {
    func parse(_ text: String) throws(JSONParser.Failure) -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    /// The string scan passes over eight bytes at a time: it must stop at every quote, backslash
    /// and control character, whatever bytes surround it, and strings of every length around
    /// the eight-byte steps read back whole.
    @Test func stringScanStopsAtEveryByteThatEndsAPlainRun() throws {
        let special: [UInt8] = Array(0..<0x20) + [0x22, 0x5C]
        let background: [UInt8] = [0x20, 0x21, 0x23, 0x41, 0x5B, 0x5D, 0x7F, 0x80, 0xBF, 0xFF]
        for byte in special {
            for position in 0..<8 {
                for filler in background {
                    var word = [UInt8](repeating: filler, count: 8)
                    word[position] = byte
                    let value = word.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    #expect(JSONParser.mayEndPlainRun(value), "byte \(byte) at \(position) among \(filler)")
                }
            }
        }
        for length in 0..<40 {
            let body = String(repeating: "ab\u{E9}", count: length / 3) + String(repeating: "x", count: length % 3)
            for tail in ["", "\\\"", "\\n", "\\u0041"] {
                let json = "{\"t\":\"" + body + tail + "\",\"u\":1}"
                let value = try JSONParser.parse(Array(json.utf8))
                let expected = body + ["": "", "\\\"": "\"", "\\n": "\n", "\\u0041": "A"][tail]!
                guard case .string(let read) = value["t"] else {
                    Issue.record("\(json)")
                    continue
                }
                #expect(read == expected, "\(json)")
            }
        }
    }

    @Test func parsesEveryKindOfValue() throws {
        let v = try parse(#" {"s": "a\"b\\c\/d\n\u00e9\ud83d\ude00", "n": -12.5e+3, "i": 0, "t": true, "f": false, "z": null, "a": [1, [], {}]} "#)
        #expect(v["s"] == .string("a\"b\\c/d\né😀"))
        #expect(v["n"] == .number("-12.5e+3"))
        #expect(v["i"] == .number("0"))
        #expect(v["t"] == .bool(true) && v["f"] == .bool(false) && v["z"] == .null)
        #expect(v["a"] == .array([.number("1"), .array([]), .object([])]))
    }

    @Test func refusesWhatIsNotJSONAndSaysWhere() throws {
        let bad = [#"{"a": 1,,}"#, #"{,}"#, "[,]", #"{"a" 1}"#, "[1 2]", "01", "1.", "-", #""\x""#, "\"a\u{1}\"", "tru", #"{"a": 1} x"#, "", #"{"a": "#]
        for text in bad {
            #expect(throws: JSONParser.Failure.self, "\(text)") { try parse(text) }
        }
        do { _ = try parse(#"{"a" 1}"#); Issue.record("accepted a missing colon") } catch {
            #expect(error.offset == 5)
            #expect(error.message.contains("at byte 5"))
        }
        // A trailing comma and a byte-order mark are accepted, as Foundation's JSONSerialization accepts them.
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.number("1")]))
        #expect(try parse(#"{"a": [1, 2,], }"#) == .object([.init(key: "a", value: .array([.number("1"), .number("2")]))]))
    }

    @Test func boundsNestingAndTurnsLoneSurrogatesIntoReplacementCharacters() throws {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        do { _ = try JSONParser.parse(Array(deep.utf8), maxDepth: 64); Issue.record("too deep accepted") } catch {
            #expect(error.tooDeep)
        }
        #expect(try parse(#""\ud800x""#) == .string("\u{FFFD}x"))
    }

    @Test func writerEscapesSortsKeysAndRoundTripsThroughFoundation() throws {
        let value = JSONValue.object(["z": .string("line\n\"quoted\" \\ / é \u{1}"), "a": .double(0.85), "m": .double(1), "k": .int(-3)])
        let line = JSONWriter.line(value)
        #expect(line == #"{"a":0.85,"k":-3,"m":1,"z":"line\n\"quoted\" \\ / é \u0001"}"#)
        let decoded = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(decoded?["z"] as? String == "line\n\"quoted\" \\ / é \u{1}")
        #expect(try parse(line) == JSONValue(any: decoded as Any).sortedForComparison)
    }

    @Test func foundationObjectsKeepNumbersIntegersAndFractions() throws {
        let object = try #require(JSONValue.object(["a": .double(0.85), "k": .int(-3), "e": .number("1e3")]).foundationObject as? [String: Any])
        #expect(object["a"] as? Double == 0.85)
        #expect(object["k"] as? Int == -3)
        #expect(object["e"] as? Double == 1000)
        // What pipelines get from ResultJSON: a finding's confidence as a number they can compare.
        let finding = try #require((ResultJSON.object(for: Engine.withDefaultRules().evaluate(Post(id: "1", text: "Ayo coblos 02 Prabowo Gibran!")))["findings"] as? [[String: Any]])?.first)
        #expect((finding["confidence"] as? Double).map { $0 > 0.5 } == true)
        #expect(try JSONSerialization.data(withJSONObject: finding).isEmpty == false)
    }
}

extension JSONValue {
    /// Objects with members sorted by key, to compare values whatever their key order.
    var sortedForComparison: JSONValue {
        switch self {
        case .object(let members): return .object(members.map { Member(key: $0.key, value: $0.value.sortedForComparison) }.sorted { $0.key < $1.key })
        case .array(let items): return .array(items.map(\.sortedForComparison))
        default: return self
        }
    }
}
