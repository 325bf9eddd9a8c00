import Foundation

/// The input formats `netral check` and the importers understand.
public enum InputFormat: String, Sendable, CaseIterable {
    /// Decide from the file name and its first bytes.
    case auto
    /// The canonical JSON Lines post format.
    case jsonl
    /// CSV with a header row; columns map to post fields.
    case csv
    /// An X/Twitter archive: `tweets.js`, `like.js`, or the archive folder.
    case x
    /// A Facebook "Download Your Information" JSON export (file or folder).
    case facebook
    /// An Instagram "Download Your Information" JSON export (file or folder).
    case instagram
    /// A TikTok "Download your data" JSON export (`user_data_tiktok.json`, or its folder).
    case tiktok

    /// Guesses the format of a file from its name and first bytes.
    public static func detect(name: String, head: Data) -> InputFormat {
        let lower = (name as NSString).lastPathComponent.lowercased()
        if lower.hasSuffix(".csv") || lower.hasSuffix(".csv.gz") { return .csv }
        if lower.hasSuffix(".js") || head.starts(with: Array("window.YTD".utf8)) { return .x }
        let text = String(decoding: head.prefix(4096), as: UTF8.self)
        if lower == "user_data_tiktok.json" || (lower.hasSuffix(".json") && looksLikeTikTok(text)) { return .tiktok }
        if text.contains("\"comments_v2\"") || lower.hasPrefix("your_posts") || lower.hasPrefix("likes_and_reactions") { return .facebook }
        if text.contains("\"likes_media_likes\"") || text.contains("\"string_map_data\"") || lower.hasPrefix("liked_posts") || lower.hasPrefix("post_comments") { return .instagram }
        return .jsonl
    }

    /// Whether the start of a JSON file names sections only a TikTok export has.
    static func looksLikeTikTok(_ head: String) -> Bool {
        ["\"Ads and data\"", "\"Your Activity\"", "\"Video Browsing History\"", "\"ItemFavoriteList\"", "\"VideoList\""].contains { head.contains($0) }
    }
}

/// An export could not be imported at all (as opposed to one bad record in it).
public struct ImportError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and what to do.
    public var message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
