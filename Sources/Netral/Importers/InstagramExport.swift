import Foundation

/// Reads Instagram "Download Your Information" items: posts, liked posts (both
/// the legacy and the label_values shapes), comments and follows, repairing Meta's mojibake.
enum InstagramExport {
    static func post(_ o: [String: Any], index: Int) throws(RecordError) -> Post {
        guard let media = o["media"] as? [[String: Any]] else { throw RecordError(line: 0, message: "post item without media") }
        // A single-media post keeps its caption in media[0].title; a carousel in the outer title.
        let caption = (o["title"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? (media.first?["title"] as? String) ?? ""
        let timestamp = o["creation_timestamp"] ?? media.first?["creation_timestamp"]
        var post = Post(id: "ig-post-\(stamp(timestamp))-\(index + 1)", platform: .instagram, action: .post, text: MetaText.repair(caption))
        post.createdAt = ExportImporter.date(timestamp)
        return post
    }

    static func like(_ o: [String: Any], index: Int) throws(RecordError) -> Post {
        var post = Post(id: "ig-like-\(index + 1)", platform: .instagram, action: .like)
        var target = Post.Target()
        if let labels = o["label_values"] as? [[String: Any]] {
            post.createdAt = ExportImporter.date(o["timestamp"])
            if let fbid = o["fbid"] as? String { post.id = "ig-like-\(fbid)" }
            for l in labels {
                switch (l["label"] as? String, l["title"] as? String) {
                case ("URL", _): target.url = l["value"] as? String
                case ("Caption", _): target.text = (l["value"] as? String).map(MetaText.repair)
                case (_, "Owner"):
                    let inner = ((l["dict"] as? [[String: Any]])?.first?["dict"] as? [[String: Any]]) ?? []
                    for d in inner where d["label"] as? String == "Username" { target.author = (d["value"] as? String).map { "@" + $0 } }
                case (_, "Hashtags"):
                    let tags = ((l["dict"] as? [[String: Any]]) ?? []).flatMap { ($0["dict"] as? [[String: Any]]) ?? [] }
                    post.hashtags = tags.compactMap { $0["value"] as? String }
                default: break
                }
            }
        } else if let owner = o["title"] as? String {
            let data = (o["string_list_data"] as? [[String: Any]])?.first
            target.author = "@" + MetaText.repair(owner)
            target.url = data?["href"] as? String
            post.createdAt = ExportImporter.date(data?["timestamp"])
        } else {
            throw RecordError(line: 0, message: "liked-post item without label_values or title")
        }
        post.target = target
        return post
    }

    static func comment(_ o: [String: Any], index: Int) throws(RecordError) -> Post {
        guard let map = o["string_map_data"] as? [String: Any] else { throw RecordError(line: 0, message: "comment item without string_map_data") }
        func value(_ keys: [String]) -> [String: Any]? {
            for (k, v) in map where keys.contains(k.lowercased()) { return v as? [String: Any] }
            return nil
        }
        guard let text = value(["comment", "opmerking", "komentar"])?["value"] as? String else {
            throw RecordError(line: 0, message: "comment item without a Comment value")
        }
        let owner = value(["media owner", "media-eigenaar", "pemilik media"])?["value"] as? String
        let time = value(["time", "tijd", "waktu"])?["timestamp"]
        var post = Post(id: "ig-comment-\(stamp(time))-\(index + 1)", platform: .instagram, action: .comment, text: MetaText.repair(text))
        post.target = owner.map { Post.Target(author: "@" + MetaText.repair($0)) }
        post.createdAt = ExportImporter.date(time)
        return post
    }

    static func following(_ o: [String: Any], index: Int) throws(RecordError) -> Post {
        guard let d = (o["string_list_data"] as? [[String: Any]])?.first, let name = d["value"] as? String else {
            throw RecordError(line: 0, message: "following item without string_list_data")
        }
        var post = Post(id: "ig-follow-\(index + 1)", platform: .instagram, action: .follow,
                        target: Post.Target(author: "@" + name, url: d["href"] as? String))
        post.createdAt = ExportImporter.date(d["timestamp"])
        return post
    }

    private static func stamp(_ value: Any?) -> String {
        ExportImporter.date(value).map { String(Int($0.timeIntervalSince1970)) } ?? "0"
    }
}
