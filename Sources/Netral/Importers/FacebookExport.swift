import Foundation

/// Reads Facebook "Download Your Information" items: posts and shares, comments,
/// reactions and follows. Every string is repaired with ``MetaText/repair(_:)``.
enum FacebookExport {
    static func post(_ o: [String: Any], index: Int) throws(RecordError) -> Post {
        let timestamp = o["timestamp"]
        var post = Post(id: "fb-post-\(stamp(timestamp))-\(index + 1)", platform: .facebook, action: .post)
        post.createdAt = ExportImporter.date(timestamp)
        for d in (o["data"] as? [[String: Any]]) ?? [] {
            if let text = d["post"] as? String { post.text += (post.text.isEmpty ? "" : "\n") + MetaText.repair(text) }
        }
        let title = (o["title"] as? String).map(MetaText.repair)
        for attachment in (o["attachments"] as? [[String: Any]]) ?? [] {
            for d in (attachment["data"] as? [[String: Any]]) ?? [] {
                if let media = d["media"] as? [String: Any] {
                    let caption = (media["description"] as? String).map(MetaText.repair)
                    if caption != post.text { post.media.append(Post.Media(caption: caption)) }
                }
                if let external = d["external_context"] as? [String: Any] {
                    post.target = Post.Target(author: nil, text: (external["name"] as? String).map(MetaText.repair), url: external["url"] as? String)
                }
                if let place = d["place"] as? [String: Any] { post.location = (place["name"] as? String).map(MetaText.repair) }
            }
        }
        if let title, title.range(of: #"\b(shared|membagikan|berbagi)\b"#, options: .regularExpression) != nil {
            post.action = .share
            if post.target == nil { post.target = Post.Target(text: title) }
        } else if post.location != nil, post.text.isEmpty {
            post.action = .checkin
        }
        return post
    }

    static func comment(_ o: [String: Any], index: Int) throws(RecordError) -> Post {
        guard let data = o["data"] as? [[String: Any]], let c = data.compactMap({ $0["comment"] as? [String: Any] }).first,
              let text = c["comment"] as? String else {
            throw RecordError(line: 0, message: "comment item without data[].comment.comment")
        }
        let title = (o["title"] as? String).map(MetaText.repair) ?? ""
        var post = Post(id: "fb-comment-\(stamp(o["timestamp"]))-\(index + 1)", platform: .facebook, action: .comment,
                        author: (c["author"] as? String).map(MetaText.repair), text: MetaText.repair(text))
        post.createdAt = ExportImporter.date(o["timestamp"] ?? c["timestamp"])
        post.target = Post.Target(author: owner(in: title), text: title)
        return post
    }

    static func reaction(_ o: [String: Any], index: Int) throws(RecordError) -> Post {
        var post = Post(id: "fb-like-\(stamp(o["timestamp"]))-\(index + 1)", platform: .facebook, action: .like)
        post.createdAt = ExportImporter.date(o["timestamp"])
        if let labels = o["label_values"] as? [[String: Any]] {
            var target = Post.Target()
            for l in labels {
                switch l["label"] as? String {
                case "URL": target.url = l["value"] as? String
                case "Name": target.author = (l["value"] as? String).map(MetaText.repair)
                default: break
                }
            }
            post.target = target
            return post
        }
        guard let title = (o["title"] as? String).map(MetaText.repair) else {
            throw RecordError(line: 0, message: "reaction item without title or label_values")
        }
        post.target = Post.Target(author: owner(in: title), text: title)
        return post
    }

    static func following(_ o: [String: Any], index: Int) throws(RecordError) -> Post {
        guard let name = (o["name"] as? String) ?? ((o["data"] as? [[String: Any]])?.first?["name"] as? String) else {
            throw RecordError(line: 0, message: "follow item without name")
        }
        var post = Post(id: "fb-follow-\(stamp(o["timestamp"]))-\(index + 1)", platform: .facebook, action: .follow,
                        target: Post.Target(author: MetaText.repair(name)))
        post.createdAt = ExportImporter.date(o["timestamp"])
        return post
    }

    /// The owner named in a generated title: "X likes Y's post." / "X commented on Y's post." /
    /// "X menyukai kiriman Y." (localised titles vary, so the title is kept as target text too).
    static func owner(in title: String) -> String? {
        let patterns = [#"(?:likes|liked|reacted to|commented on|replied to)\s+(.+?)['’]s\b"#,
                        #"(?:kiriman|postingan|komentar|foto)\s+(?:milik\s+)?(.+?)\.?$"#]
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern),
                  let match = regex.firstMatch(in: title, range: NSRange(title.startIndex..., in: title)),
                  let range = Range(match.range(at: 1), in: title) else { continue }
            return String(title[range])
        }
        return nil
    }

    private static func stamp(_ value: Any?) -> String {
        ExportImporter.date(value).map { String(Int($0.timeIntervalSince1970)) } ?? "0"
    }
}
