/// A place in a post that rules can read, such as the author's own text or the
/// caption of an attached photo.
///
/// In rule files fields are written by name: `text`, `target.text`,
/// `media.caption`, and so on; the group names `own`, `target`, `media`,
/// `profile` and `all` stand for several at once.
public enum Field: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    /// The author's own words.
    case text
    /// Hashtags listed apart from the text, each read as `#tag`.
    case hashtags
    /// A media caption.
    case mediaCaption = "media.caption"
    /// A media alternative text.
    case mediaAlt = "media.alt"
    /// Text read from a media item (OCR).
    case mediaOCR = "media.ocr"
    /// The place or check-in.
    case location
    /// The target's text.
    case targetText = "target.text"
    /// The target's author.
    case targetAuthor = "target.author"
    /// The target's address.
    case targetURL = "target.url"
    /// The author's handle.
    case author
    /// The author's display name.
    case profileName = "profile.name"
    /// The author's bio.
    case profileBio = "profile.bio"

    /// Group names usable in rule files, and what they stand for.
    public static let groups: [String: [Field]] = [
        "own": [.text, .hashtags, .mediaCaption, .mediaAlt, .mediaOCR, .location],
        "media": [.mediaCaption, .mediaAlt, .mediaOCR],
        "target": [.targetText, .targetAuthor, .targetURL],
        "profile": [.profileName, .profileBio],
        "all": Field.allCases,
    ]

    /// Resolves a name or group name from a rule file; nil when unknown.
    public static func resolve(_ name: String) -> [Field]? {
        if let field = Field(rawValue: name) { return [field] }
        return groups[name]
    }

    /// Orders fields as declared.
    public static func < (lhs: Field, rhs: Field) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One concrete piece of text in a post: a field, and which item when the
/// field repeats (the second media caption is `media.caption` index 1).
public struct FieldValue: Sendable, Hashable {
    /// The field.
    public var field: Field
    /// Which item, for fields that repeat (media, hashtags); 0 otherwise.
    public var index: Int
    /// The original text.
    public var text: String

    /// The field's name with the index where it repeats: `text`, `media[1].caption`, `hashtags[0]`.
    public var path: String {
        switch field {
        case .mediaCaption: return "media[\(index)].caption"
        case .mediaAlt: return "media[\(index)].alt"
        case .mediaOCR: return "media[\(index)].ocr"
        case .hashtags: return "hashtags[\(index)]"
        default: return field.rawValue
        }
    }
}

extension Post {
    /// The non-empty values of `field` in this post.
    public func values(of field: Field) -> [FieldValue] {
        var values: [FieldValue] = []
        forEachValue(of: field) { values.append($0) }
        return values
    }

    /// Calls `body` with each non-empty value of `field`, in order: ``values(of:)`` without
    /// building an array (the evaluator reads every post's fields).
    func forEachValue(of field: Field, _ body: (FieldValue) -> Void) {
        func one(_ text: String?) {
            guard let text, !text.isEmpty else { return }
            body(FieldValue(field: field, index: 0, text: text))
        }
        func each(_ text: (Int) -> String?, count: Int) {
            for i in 0..<count {
                guard let text = text(i), !text.isEmpty else { continue }
                body(FieldValue(field: field, index: i, text: text))
            }
        }
        switch field {
        case .text: one(text)
        case .hashtags: each({ hashtags[$0].hasPrefix("#") ? hashtags[$0] : "#" + hashtags[$0] }, count: hashtags.count)
        case .mediaCaption: each({ media[$0].caption }, count: media.count)
        case .mediaAlt: each({ media[$0].alt }, count: media.count)
        case .mediaOCR: each({ media[$0].ocr }, count: media.count)
        case .location: one(location)
        case .targetText: one(target?.text)
        case .targetAuthor: one(target?.author)
        case .targetURL: one(target?.url)
        case .author: one(author)
        case .profileName: one(profile?.name)
        case .profileBio: one(profile?.bio)
        }
    }
}
