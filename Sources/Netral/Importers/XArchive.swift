import Foundation

/// Reads X/Twitter archive items (`tweets.js`, `like.js`).
///
/// Retweets are stored as the user's own tweets starting with `RT @author:`; they become
/// shares with that target. Replies keep the replied-to account as target. Text is
/// HTML-unescaped. A like has no author field: a leading `@mention` of the liked text is used.
enum XArchive {
    static func tweet(_ item: [String: Any], index: Int) throws(RecordError) -> Post {
        guard let t = (item["tweet"] as? [String: Any]) ?? (item["full_text"] != nil ? item : nil) else {
            throw RecordError(line: 0, message: "missing \"tweet\" object")
        }
        guard let id = (t["id_str"] as? String) ?? (t["id"] as? String) else { throw RecordError(line: 0, message: "tweet without id_str") }
        let raw = unescape((t["full_text"] as? String) ?? (t["text"] as? String) ?? "")
        var post = Post(id: id, platform: .x, action: .post, text: raw)
        post.createdAt = (t["created_at"] as? String).flatMap(parseDate)
        if let entities = t["entities"] as? [String: Any], let tags = entities["hashtags"] as? [[String: Any]] {
            post.hashtags = tags.compactMap { $0["text"] as? String }
        }
        if raw.hasPrefix("RT @"), let colon = raw.firstIndex(of: ":") {
            let author = String(raw[raw.index(raw.startIndex, offsetBy: 3)..<colon])
            post.action = .share
            post.target = Post.Target(author: author, text: String(raw[raw.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
            post.text = ""
        } else if let replyTo = t["in_reply_to_screen_name"] as? String {
            post.action = .reply
            post.target = Post.Target(author: "@" + replyTo)
        }
        return post
    }

    static func like(_ item: [String: Any], index: Int) throws(RecordError) -> Post {
        guard let l = item["like"] as? [String: Any], let tweetID = l["tweetId"] as? String else {
            throw RecordError(line: 0, message: "missing \"like\" object with tweetId")
        }
        let text = (l["fullText"] as? String).map(unescape)
        var author: String?
        if let text, text.hasPrefix("@") { author = text.split(separator: " ").first.map(String.init) }
        return Post(id: "like-\(tweetID)", platform: .x, action: .like,
                    target: Post.Target(author: author, text: text, url: l["expandedUrl"] as? String))
    }

    /// "Fri Mar 06 13:02:05 +0000 2026".
    static func parseDate(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6 else { return nil }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let m = months.firstIndex(of: String(parts[1])) else { return nil }
        let zone = String(parts[4])
        guard zone.count == 5 else { return nil }
        let offset = "\(zone.prefix(3)):\(zone.suffix(2))"
        let day = parts[2].count == 1 ? "0\(parts[2])" : String(parts[2])
        return RFC3339.parse("\(parts[5])-\(m + 1 < 10 ? "0" : "")\(m + 1)-\(day)T\(parts[3])\(offset)")
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
