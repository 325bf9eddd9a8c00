import Foundation

/// Imports a platform's personal-data export (a file, or the unpacked folder)
/// into posts in the canonical model, keeping each source's ids.
///
/// Files are found by name anywhere in a folder, since every platform has
/// moved folders between export versions. Each item becomes one record; an
/// item that cannot be read becomes an error record and the import goes on.
public struct ExportImporter: Sendable {
    /// One export file and the platform reader for it.
    struct Source: Sendable {
        var name: String
        var data: Data
        var kind: Kind
    }

    enum Kind: Sendable {
        case xTweets, xLikes
        case facebookPosts, facebookComments, facebookReactions, facebookFollowing
        case instagramPosts, instagramLikes, instagramComments, instagramFollowing
        /// A TikTok export file, whose sections hold items of the four kinds after it.
        case tiktok
        case tiktokPosts, tiktokComments, tiktokLikes, tiktokShares
    }

    let sources: [Source]

    /// The importer for a single export file.
    /// - Throws: ``ImportError`` when the file is not one the importer knows.
    public static func forFile(name: String, data: Data, format: InputFormat) throws -> ExportImporter {
        let file = (name as NSString).lastPathComponent.lowercased()
        guard let kind = kind(of: file, format: format, data: data) else {
            throw ImportError("\(name): not a known \(format.rawValue) export file; expected e.g. tweets.js, like.js, your_posts_1.json, comments.json, likes_and_reactions_1.json, posts_1.json, liked_posts.json, post_comments_1.json or user_data_tiktok.json")
        }
        return ExportImporter(sources: [Source(name: name, data: data, kind: kind)])
    }

    /// The importer for an unpacked export folder; `format` may be `.auto`.
    /// - Throws: ``ImportError`` when no known export file is found.
    public static func forFolder(_ url: URL, format: InputFormat) throws -> ExportImporter {
        var sources: [Source] = []
        let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
        var paths: [URL] = []
        while let next = walker?.nextObject() as? URL { paths.append(next) }
        for path in paths.sorted(by: { $0.path < $1.path }) {
            let file = path.lastPathComponent.lowercased()
            guard file.hasSuffix(".js") || file.hasSuffix(".json") else { continue }
            let lowerPath = path.path.lowercased()
            let platformHint: InputFormat = format != .auto ? format :
                lowerPath.contains("instagram") ? .instagram : lowerPath.contains("tiktok") ? .tiktok : file.hasSuffix(".js") ? .x : .facebook
            guard let data = FileManager.default.contents(atPath: path.path),
                  let kind = kind(of: file, format: platformHint, data: data) else { continue }
            sources.append(Source(name: path.path, data: data, kind: kind))
        }
        guard !sources.isEmpty else {
            throw ImportError("\(url.path): no known export files found (looked for tweets.js, like.js, your_posts*.json, comments.json, likes_and_reactions*.json, posts_1.json, liked_posts.json, post_comments*.json, user_data_tiktok.json). If the export is HTML (or TXT, for TikTok), request it again as JSON.")
        }
        return ExportImporter(sources: sources)
    }

    private static func kind(of file: String, format: InputFormat, data: Data) -> Kind? {
        let head = String(decoding: data.prefix(2048), as: UTF8.self)
        if file.hasSuffix(".js") {
            if file.hasPrefix("tweet") && !file.contains("header") { return .xTweets }
            if file == "like.js" || head.contains("YTD.like.") { return .xLikes }
            return nil
        }
        if format == .tiktok || file == "user_data_tiktok.json" || InputFormat.looksLikeTikTok(head) {
            return format == .tiktok && !file.hasSuffix(".json") ? nil : .tiktok
        }
        if format == .instagram || head.contains("likes_media_likes") || head.contains("string_map_data") || head.contains("relationships_following") {
            if file.hasPrefix("posts_") || file == "reels.json" || file == "stories.json" { return .instagramPosts }
            if file.hasPrefix("liked_posts") { return .instagramLikes }
            if file.hasPrefix("post_comments") || file.hasPrefix("reels_comments") { return .instagramComments }
            if file == "following.json" { return .instagramFollowing }
            if format == .instagram { return nil }
        }
        if file.hasPrefix("your_posts") { return .facebookPosts }
        if file == "comments.json" || head.contains("\"comments_v2\"") { return .facebookComments }
        if file.hasPrefix("likes_and_reactions") || file.hasPrefix("posts_and_comments") { return .facebookReactions }
        if file.hasPrefix("who_you") && file.contains("followed") || head.contains("\"following_v3\"") { return .facebookFollowing }
        return nil
    }

    /// Every record of every file, in file order.
    /// - Throws: ``ImportError`` when a file is not JSON at all.
    public func records() throws -> [InputRecord] {
        var out: [InputRecord] = []
        for source in sources {
            for section in try ExportImporter.sections(of: source) {
                for (index, item) in section.items.enumerated() {
                    let number = out.count + 1
                    do throws(RecordError) {
                        let post = try ExportImporter.post(from: item, kind: section.kind, index: index)
                        out.append(InputRecord(line: number, post: .success(post)))
                    } catch {
                        var e = error
                        e.line = number
                        let place = [(source.name as NSString).lastPathComponent, section.label].compactMap { $0 }.joined(separator: " ")
                        e.message = "\(place) item \(index + 1): \(e.message)"
                        out.append(InputRecord(line: number, post: .failure(e)))
                    }
                }
            }
        }
        return out
    }

    /// The items a file holds, by kind: one list, or, in a TikTok export, one per section.
    static func sections(of source: Source) throws -> [(label: String?, kind: Kind, items: [Any])] {
        var data = source.data
        if source.kind == .xTweets || source.kind == .xLikes {
            // window.YTD.tweets.part0 = [ ... ]
            guard let equals = data.firstIndex(of: UInt8(ascii: "=")) else {
                throw ImportError("\(source.name): not an X archive file (no 'window.YTD... =' assignment)")
            }
            data = data[(equals + 1)...]
        }
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: Data(data)) } catch {
            let other = source.kind == .tiktok ? "TXT" : "HTML"
            throw ImportError("\(source.name): not valid JSON (\(error.localizedDescription)); if the export is \(other), request it again as JSON")
        }
        if source.kind == .tiktok {
            let sections = (json as? [String: Any]).map(TikTokExport.items(of:)) ?? []
            guard !sections.isEmpty else {
                throw ImportError("\(source.name): no videos, comments, likes or shares found; expected a TikTok export with sections such as \"Post\", \"Comment\" and \"Your Activity\"")
            }
            return sections.map { ($0.label, $0.kind, $0.items) }
        }
        if let array = json as? [Any] { return [(nil, source.kind, array)] }
        if let object = json as? [String: Any] {
            for key in ["comments_v2", "comments_media_comments", "comments_reels_comments", "likes_media_likes", "relationships_following", "following_v3", "following_v2"] {
                if let array = object[key] as? [Any] { return [(nil, source.kind, array)] }
            }
        }
        throw ImportError("\(source.name): unexpected structure; expected a list of items")
    }

    static func post(from item: Any, kind: Kind, index: Int) throws(RecordError) -> Post {
        guard let o = item as? [String: Any] else { throw RecordError(line: 0, message: "item is not an object") }
        switch kind {
        case .xTweets: return try XArchive.tweet(o, index: index)
        case .xLikes: return try XArchive.like(o, index: index)
        case .facebookPosts: return try FacebookExport.post(o, index: index)
        case .facebookComments: return try FacebookExport.comment(o, index: index)
        case .facebookReactions: return try FacebookExport.reaction(o, index: index)
        case .facebookFollowing: return try FacebookExport.following(o, index: index)
        case .instagramPosts: return try InstagramExport.post(o, index: index)
        case .instagramLikes: return try InstagramExport.like(o, index: index)
        case .instagramComments: return try InstagramExport.comment(o, index: index)
        case .instagramFollowing: return try InstagramExport.following(o, index: index)
        case .tiktokPosts: return try TikTokExport.post(o, index: index)
        case .tiktokComments: return try TikTokExport.comment(o, index: index)
        case .tiktokLikes: return try TikTokExport.like(o, index: index)
        case .tiktokShares: return try TikTokExport.share(o, index: index)
        case .tiktok: throw RecordError(line: 0, message: "a TikTok export is read by section")
        }
    }

    /// A Unix timestamp (number or numeric string) as a date.
    static func date(_ value: Any?) -> Date? {
        if let n = value as? NSNumber { return Date(timeIntervalSince1970: n.doubleValue) }
        if let s = value as? String, let d = Double(s) { return Date(timeIntervalSince1970: d) }
        return nil
    }
}
