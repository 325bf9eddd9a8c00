import Foundation

/// Reads a post straight from the bytes of one canonical JSON object, without building a JSON
/// tree first: the JSON Lines reader's fast path.
///
/// It accepts only what it reads exactly as ``Post/init(jsonBytes:)`` would, for a line that is
/// valid UTF-8. For anything else (a line that is not JSON or not UTF-8, a key of the wrong type,
/// a trailing comma, an unknown action, a bad time) it returns nil, and the caller takes the full
/// path, which gives the same post or the error that names the problem. A repeated key's values
/// are read in turn, so the last one counts, as in the full path.
enum CanonicalPostReader {
    /// The post in `bytes`, or nil when the full path must decide.
    static func post(_ bytes: UnsafeBufferPointer<UInt8>) -> Post? {
        // Strings are checked as they are read; every other byte of a line the grammar accepts is
        // ASCII, so a line read here is valid UTF-8, as the full path requires.
        var parser = JSONParser(bytes: bytes, maxDepth: Post.maxNesting, strictUTF8: true)
        return try? read(&parser)
    }

    /// Thrown to leave the fast path; the full path will say what is wrong.
    private struct Declined: Error {}

    private static func read(_ p: inout JSONParser) throws -> Post {
        var id: String?, platform: String?, action: String?, author: String?, text: String?
        var location: String?, created: String?
        var target: Post.Target?, media: [Post.Media] = [], hashtags: [String] = [], profile: Post.Profile?
        p.skipSpace()
        try object(&p) { p, key throws in
            switch key {
            case "id":
                guard p.index < p.bytes.count else { throw Declined() }
                switch p.bytes[p.index] {
                case UInt8(ascii: "\""):
                    let s = try p.string()
                    guard !s.isEmpty else { throw Declined() }
                    id = s
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    guard case .number(let literal) = try p.value(depth: 1) else { throw Declined() }
                    id = literal
                default: throw Declined()
                }
            case "platform": platform = try string(&p)
            case "action": action = try string(&p)
            case "author": author = try string(&p)
            case "text": text = try string(&p)
            case "location": location = try string(&p)
            case "created_at": created = try string(&p)
            case "target":
                target = try nullable(&p) { p throws in
                    let (author, text, url) = try strings(&p, "author", "text", "url", depth: 2)
                    return Post.Target(author: author, text: text, url: url)
                }
            case "media":
                media = try nullable(&p) { p throws in
                    var items: [Post.Media] = []
                    try array(&p) { p throws in
                        let (caption, alt, ocr) = try strings(&p, "caption", "alt", "ocr", depth: 3)
                        items.append(Post.Media(caption: caption, alt: alt, ocr: ocr))
                    }
                    return items
                } ?? []
            case "hashtags":
                hashtags = try nullable(&p) { p throws in
                    var tags: [String] = []
                    try array(&p) { p throws in
                        guard let tag = try string(&p) else { throw Declined() }
                        tags.append(tag)
                    }
                    return tags
                } ?? []
            case "profile":
                profile = try nullable(&p) { p throws in
                    let (name, bio, _) = try strings(&p, "name", "bio", nil, depth: 2)
                    return Post.Profile(name: name, bio: bio)
                }
            default:
                try skip(&p, depth: 1)
            }
        }
        p.skipSpace()
        guard p.index == p.bytes.count, let id else { throw Declined() }
        var kind = Action.post
        if let action {
            guard let known = Action(rawValue: action.lowercased()) else { throw Declined() }
            kind = known
        }
        var createdAt: Date?
        if let created {
            guard let date = RFC3339.parse(created) else { throw Declined() }
            createdAt = date
        }
        return Post(id: id, platform: platform.flatMap { Platform(rawValue: $0.lowercased()) } ?? .other, action: kind,
                    author: author, text: text ?? "", target: target, media: media, hashtags: hashtags,
                    location: location, createdAt: createdAt, profile: profile)
    }

    /// A nested object's string members named `a`, `b` and `c` (each a string or null), its
    /// other members read and dropped; the object is `depth` levels deep.
    private static func strings(_ p: inout JSONParser, _ a: String, _ b: String, _ c: String?, depth: Int) throws -> (String?, String?, String?) {
        var values: (String?, String?, String?) = (nil, nil, nil)
        try object(&p) { p, key throws in
            switch key {
            case a: values.0 = try string(&p)
            case b: values.1 = try string(&p)
            case c: values.2 = try string(&p)
            default: try skip(&p, depth: depth)
            }
        }
        return values
    }

    /// A string or null; anything else declines.
    private static func string(_ p: inout JSONParser) throws -> String? {
        guard p.index < p.bytes.count else { throw Declined() }
        switch p.bytes[p.index] {
        case UInt8(ascii: "\""): return try p.string()
        case UInt8(ascii: "n"):
            guard try isNull(&p) else { throw Declined() }
            return nil
        default: throw Declined()
        }
    }

    /// Null (nil), or what `body` reads.
    private static func nullable<T>(_ p: inout JSONParser, _ body: (inout JSONParser) throws -> T) throws -> T? {
        guard p.index < p.bytes.count else { throw Declined() }
        if p.bytes[p.index] == UInt8(ascii: "n") {
            guard try isNull(&p) else { throw Declined() }
            return nil
        }
        return try body(&p)
    }

    private static func isNull(_ p: inout JSONParser) throws -> Bool {
        guard case .null = try p.value(depth: 1) else { return false }
        return true
    }

    /// An object's members in order: `member` gets each key with the parser at its value, and
    /// reads the value.
    private static func object(_ p: inout JSONParser, _ member: (inout JSONParser, String) throws -> Void) throws {
        try list(&p, open: UInt8(ascii: "{"), close: UInt8(ascii: "}")) { p throws in
            guard p.index < p.bytes.count, p.bytes[p.index] == UInt8(ascii: "\"") else { throw Declined() }
            let key = try p.string()
            p.skipSpace()
            guard p.index < p.bytes.count, p.bytes[p.index] == UInt8(ascii: ":") else { throw Declined() }
            p.index += 1
            p.skipSpace()
            try member(&p, key)
        }
    }

    /// An array's items in order: `item` reads each.
    private static func array(_ p: inout JSONParser, _ item: (inout JSONParser) throws -> Void) throws {
        try list(&p, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), item)
    }

    /// The comma-separated items between `open` and `close`, each read by `item`. A trailing comma
    /// declines (the full path accepts it; it is rare).
    private static func list(_ p: inout JSONParser, open: UInt8, close: UInt8, _ item: (inout JSONParser) throws -> Void) throws {
        guard p.index < p.bytes.count, p.bytes[p.index] == open else { throw Declined() }
        p.index += 1
        p.skipSpace()
        if p.index < p.bytes.count, p.bytes[p.index] == close { p.index += 1; return }
        while true {
            p.skipSpace()
            try item(&p)
            p.skipSpace()
            guard p.index < p.bytes.count else { throw Declined() }
            if p.bytes[p.index] == UInt8(ascii: ",") { p.index += 1; continue }
            if p.bytes[p.index] == close { p.index += 1; return }
            throw Declined()
        }
    }

    /// A value no post field reads, nested `depth` levels deep: parsed (so the line is still
    /// checked as JSON, UTF-8 and within the nesting limit) and dropped.
    private static func skip(_ p: inout JSONParser, depth: Int) throws {
        _ = try p.value(depth: depth)
    }
}
