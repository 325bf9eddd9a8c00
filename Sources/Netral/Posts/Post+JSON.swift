import Foundation

/// Why one input record could not be read as a post.
public struct RecordError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line (or record number) in the input.
    public var line: Int
    /// The record's id, when it could be read.
    public var id: String?
    /// What is wrong and what to do.
    public var message: String

    /// Creates a record error.
    public init(line: Int, id: String? = nil, message: String) {
        self.line = line
        self.id = id
        self.message = message
    }

    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
}

extension Post {
    /// Reads a post from one canonical JSON object (a line of a JSON Lines file).
    ///
    /// Unknown keys are ignored. A key with the wrong type is an error that
    /// names the key, never a silent default.
    /// - Throws: ``RecordError`` with `line` set to 0; batch readers fill it in.
    public init(json data: Data) throws(RecordError) {
        try self.init(jsonBytes: data)
    }

    /// Reads a post from the bytes of one canonical JSON object.
    init<C: Collection>(jsonBytes bytes: C) throws(RecordError) where C.Element == UInt8 {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, maxDepth: Post.maxNesting)
        } catch {
            if error.tooDeep {
                throw RecordError(line: 0, message: "JSON nested deeper than \(Post.maxNesting) levels (at byte \(error.offset)); a post is a flat object with small nested parts")
            }
            throw RecordError(line: 0, message: "not valid JSON: \(error.message); each line must be one JSON object")
        }
        guard case .object = value else {
            throw RecordError(line: 0, message: "expected a JSON object like {\"id\": \"1\", \"text\": \"...\"}, found \(value.typeName)")
        }
        try self.init(jsonValue: value)
    }

    /// Reads a post from a decoded JSON object.
    /// - Throws: ``RecordError`` naming the offending key.
    public init(jsonObject o: [String: Any]) throws(RecordError) {
        try self.init(jsonValue: JSONValue(any: o))
    }

    /// Reads a post from a parsed JSON object.
    init(jsonValue o: JSONValue) throws(RecordError) {
        var reader = JSONFields(object: o, prefix: "")
        let id: String
        switch o["id"] {
        case .string(let s)? where !s.isEmpty: id = s
        case .number(let literal)?: id = literal
        case nil, .null?: throw RecordError(line: 0, message: "missing \"id\": every post needs an id so its result can be traced back")
        default: throw RecordError(line: 0, message: "\"id\" must be a non-empty string or a number")
        }
        reader.id = id
        let platformName = try reader.string("platform")
        let actionName = try reader.string("action")
        var action = Action.post
        if let actionName {
            guard let known = Action(rawValue: actionName.lowercased()) else {
                throw RecordError(line: 0, id: id, message: "unknown \"action\" \"\(actionName)\"; use one of \(Action.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            action = known
        }
        var target: Target?
        if let t = try reader.object("target") {
            let sub = JSONFields(object: t, prefix: "target.", id: id)
            target = Target(author: try sub.string("author"), text: try sub.string("text"), url: try sub.string("url"))
        }
        var media: [Media] = []
        for (i, item) in try reader.objects("media").enumerated() {
            let sub = JSONFields(object: item, prefix: "media[\(i)].", id: id)
            media.append(Media(caption: try sub.string("caption"), alt: try sub.string("alt"), ocr: try sub.string("ocr")))
        }
        var profile: Profile?
        if let p = try reader.object("profile") {
            let sub = JSONFields(object: p, prefix: "profile.", id: id)
            profile = Profile(name: try sub.string("name"), bio: try sub.string("bio"))
        }
        var createdAt: Date?
        if let stamp = try reader.string("created_at") {
            guard let date = RFC3339.parse(stamp) else {
                throw RecordError(line: 0, id: id, message: "\"created_at\" \"\(stamp)\" is not an RFC 3339 time such as 2024-02-10T08:30:00+07:00")
            }
            createdAt = date
        }
        self.init(
            id: id,
            platform: platformName.flatMap { Platform(rawValue: $0.lowercased()) } ?? .other,
            action: action,
            author: try reader.string("author"),
            text: try reader.string("text") ?? "",
            target: target,
            media: media,
            hashtags: try reader.strings("hashtags"),
            location: try reader.string("location"),
            createdAt: createdAt,
            profile: profile)
    }

    /// The canonical JSON object for this post (keys as in the JSON Lines format).
    public var jsonObject: [String: Any] {
        var o: [String: Any] = ["id": id, "platform": platform.rawValue, "action": action.rawValue, "text": text]
        if let author { o["author"] = author }
        if let target {
            var t: [String: Any] = [:]
            if let a = target.author { t["author"] = a }
            if let x = target.text { t["text"] = x }
            if let u = target.url { t["url"] = u }
            o["target"] = t
        }
        if !media.isEmpty {
            o["media"] = media.map { m -> [String: Any] in
                var d: [String: Any] = [:]
                if let c = m.caption { d["caption"] = c }
                if let a = m.alt { d["alt"] = a }
                if let r = m.ocr { d["ocr"] = r }
                return d
            }
        }
        if !hashtags.isEmpty { o["hashtags"] = hashtags }
        if let location { o["location"] = location }
        if let createdAt { o["created_at"] = RFC3339.format(createdAt) }
        if let profile {
            var p: [String: Any] = [:]
            if let n = profile.name { p["name"] = n }
            if let b = profile.bio { p["bio"] = b }
            o["profile"] = p
        }
        return o
    }

    /// The deepest nesting a post record may have; deeper input is refused before parsing, so a
    /// hostile line cannot exhaust the parser's stack.
    static let maxNesting = 64

}

/// Typed access to a JSON object's keys with errors that name the key.
private struct JSONFields {
    let object: JSONValue
    let prefix: String
    var id: String?

    init(object: JSONValue, prefix: String, id: String? = nil) {
        self.object = object
        self.prefix = prefix
        self.id = id
    }

    func wrong(_ key: String, _ expected: String, _ value: JSONValue) -> RecordError {
        RecordError(line: 0, id: id, message: "\"\(prefix)\(key)\" must be \(expected), found \(value.typeName)")
    }

    func string(_ key: String) throws(RecordError) -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let s)?: return s
        case let value?: throw wrong(key, "a string", value)
        }
    }

    func object(_ key: String) throws(RecordError) -> JSONValue? {
        switch object[key] {
        case nil, .null?: return nil
        case let o? where { if case .object = o { return true } else { return false } }(): return o
        case let value?: throw wrong(key, "an object", value)
        }
    }

    func objects(_ key: String) throws(RecordError) -> [JSONValue] {
        switch object[key] {
        case nil, .null?: return []
        case .array(let items)?:
            for (i, item) in items.enumerated() {
                guard case .object = item else { throw wrong("\(key)[\(i)]", "an object", item) }
            }
            return items
        case let value?: throw wrong(key, "an array of objects", value)
        }
    }

    func strings(_ key: String) throws(RecordError) -> [String] {
        switch object[key] {
        case nil, .null?: return []
        case .array(let items)?:
            var out: [String] = []
            for (i, item) in items.enumerated() {
                guard case .string(let s) = item else { throw wrong("\(key)[\(i)]", "a string", item) }
                out.append(s)
            }
            return out
        case let value?: throw wrong(key, "an array of strings", value)
        }
    }
}
