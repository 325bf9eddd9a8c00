import Foundation

/// Reads a TikTok "Download your data" JSON export: one file (`user_data_tiktok.json`, or
/// `user_data.json` in older exports) whose sections hold the account's own videos, comments,
/// likes and shares.
///
/// What the export gives and what it does not:
/// - keys are matched without regard to case (one file mixes `Date` and `date`), and the older
///   layouts' section names (`Activity`, `Video > Videos`, `Likes and Favorites`) are accepted;
/// - empty sections are `null`; a caption of `N/A` counts as none;
/// - dates are `2024-11-20 19:05:11`, in UTC;
/// - likes and shares hold only the video's link, with no caption or author, and comments have no
///   target: the rules can judge a comment's own words, but a like or share only by its link.
///   Watch history and bookmarks are private and not imported.
enum TikTokExport {
    /// Each kind of item, with its section label for error messages and its paths, newest layout first.
    static let sections: [(label: String, kind: ExportImporter.Kind, paths: [[String]])] = [
        ("Post", .tiktokPosts, [["Post", "Posts", "VideoList"], ["Video", "Videos", "VideoList"]]),
        ("Comment", .tiktokComments, [["Comment", "Comments", "CommentsList"]]),
        ("Like List", .tiktokLikes, [["Your Activity", "Like List", "ItemFavoriteList"], ["Activity", "Like List", "ItemFavoriteList"],
                                     ["Likes and Favorites", "Like List", "ItemFavoriteList"]]),
        ("Share History", .tiktokShares, [["Your Activity", "Share History", "ShareHistoryList"], ["Activity", "Share History", "ShareHistoryList"]]),
    ]

    /// The export's items, section by section (sections it lacks, or holds as `null`, are left out).
    static func items(of export: [String: Any]) -> [(label: String, kind: ExportImporter.Kind, items: [Any])] {
        sections.compactMap { section in
            for path in section.paths {
                if let items = value(at: path, in: export) as? [Any] { return (section.label, section.kind, items) }
            }
            return nil
        }
    }

    static func post(_ o: [String: Any], index: Int) throws(RecordError) -> Post {
        let link = string("Link", in: o)
        guard link != nil || string("Date", in: o) != nil else { throw RecordError(line: 0, message: "video item without Date or Link") }
        var post = Post(id: "tt-post-\(videoID(link) ?? String(index + 1))", platform: .tiktok, action: .post, text: string("Title", in: o) ?? "")
        if let alt = string("AlternateText", in: o) { post.media = [Post.Media(alt: alt)] }
        post.location = string("Location", in: o)
        post.createdAt = date(o)
        return post
    }

    static func comment(_ o: [String: Any], index: Int) throws(RecordError) -> Post {
        guard let text = string("Comment", in: o) else { throw RecordError(line: 0, message: "comment item without a comment") }
        var post = Post(id: "tt-comment-\(stamp(o))-\(index + 1)", platform: .tiktok, action: .comment, text: text)
        post.target = string("Url", in: o).map { Post.Target(url: $0) }
        post.createdAt = date(o)
        return post
    }

    static func like(_ o: [String: Any], index: Int) throws(RecordError) -> Post {
        guard let link = string("Link", in: o) else { throw RecordError(line: 0, message: "liked-video item without a link") }
        var post = Post(id: "tt-like-\(videoID(link) ?? String(index + 1))", platform: .tiktok, action: .like, target: Post.Target(url: link))
        post.createdAt = date(o)
        return post
    }

    static func share(_ o: [String: Any], index: Int) throws(RecordError) -> Post {
        guard let link = string("Link", in: o) else { throw RecordError(line: 0, message: "share item without a link") }
        var post = Post(id: "tt-share-\(stamp(o))-\(index + 1)", platform: .tiktok, action: .share, target: Post.Target(url: link))
        post.createdAt = date(o)
        return post
    }

    // MARK: - Reading the export's loose JSON

    /// The value at a path of keys, each matched without regard to case.
    static func value(at path: [String], in object: [String: Any]) -> Any? {
        var current: Any? = object
        for key in path {
            guard let o = current as? [String: Any] else { return nil }
            current = field(key, in: o)
        }
        return current
    }

    /// The member named `key`, in any case.
    private static func field(_ key: String, in o: [String: Any]) -> Any? {
        if let exact = o[key] { return exact }
        let lower = key.lowercased()
        return o.first { $0.key.lowercased() == lower }?.value
    }

    /// A string member; nil when it is missing, empty or `N/A`.
    private static func string(_ key: String, in o: [String: Any]) -> String? {
        guard let s = field(key, in: o) as? String else { return nil }
        let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty || trimmed == "N/A" ? nil : s
    }

    /// The item's `Date`, "2024-11-20 19:05:11" in UTC.
    private static func date(_ o: [String: Any]) -> Date? {
        string("Date", in: o).flatMap { RFC3339.parse($0.trimmingCharacters(in: .whitespaces) + "Z") }
    }

    private static func stamp(_ o: [String: Any]) -> String {
        date(o).map { String(Int($0.timeIntervalSince1970)) } ?? "0"
    }

    /// The video id a link ends with: "https://www.tiktokv.com/share/video/7440000000000000001/".
    private static func videoID(_ link: String?) -> String? {
        guard let last = link?.split(separator: "/").last, !last.isEmpty, last.allSatisfy(\.isNumber) else { return nil }
        return String(last)
    }
}
