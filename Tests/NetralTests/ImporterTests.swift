import Foundation
import Testing
@testable import Netral

/// The package's own folder, for reading the sample exports under Examples/data.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite("Importers")
struct ImporterTests {
    func posts(_ records: [InputRecord]) -> [Post] { records.compactMap { try? $0.post.get() } }

    @Test func csvWithIndonesianHeadersQuotesAndMapping() throws {
        let data = try Data(contentsOf: packageRoot.appending(path: "Examples/data/posts.csv"))
        var consumed = false
        let records = Array(try CSVImporter(read: { if consumed { return nil }; consumed = true; return data }))
        #expect(records.count == 5)
        let all = posts(records)
        #expect(all.map(\.id) == ["csv-1", "csv-2", "csv-3", "csv-4", "csv-5"])
        #expect(all[2].action == .like)
        #expect(all[2].target?.author == "@gibran_tweet")
        #expect(all[3].text == "Foto bareng Pak Anies tadi, \"senang sekali\", orangnya ramah")
        #expect(all[0].createdAt == RFC3339.parse("2024-02-05T01:00:00Z"))
    }

    @Test func csvMissingColumnAndExplicitMap() throws {
        let text = "kode,pesan,kapan\na1,\"halo, dunia\",2024-01-01\na2,kurang kolom\na3,\"baris\nkedua\",2024-01-02\n"
        var consumed = false
        let read: () -> Data? = { if consumed { return nil }; consumed = true; return Data(text.utf8) }
        let records = Array(try CSVImporter(read: read, mapping: ["kode": "id", "pesan": "text", "kapan": "created_at"]))
        #expect(records.map(\.line) == [2, 3, 4])
        #expect((try? records[0].post.get())?.text == "halo, dunia")
        if case .failure(let e) = records[1].post { #expect(e.message.contains("2 column(s), the header has 3")) } else { Issue.record("short row accepted") }
        #expect((try? records[2].post.get())?.text == "baris\nkedua")
        var again = false
        #expect(throws: ImportError.self) {
            _ = try CSVImporter(read: { if again { return nil }; again = true; return Data("a,b\n1,2\n".utf8) })
        }
    }

    @Test func xArchiveTweetsRetweetsRepliesAndLikes() throws {
        let importer = try ExportImporter.forFolder(packageRoot.appending(path: "Examples/data/x-archive"), format: .auto)
        let records = try importer.records()
        #expect(records.count == 7)
        let all = posts(records)
        let likes = all.filter { $0.action == .like }
        #expect(likes.count == 3)
        #expect(likes[0].target?.author == "@aniesbaswedan")
        let tweet = try #require(all.first { $0.id == "1755000000000000001" })
        #expect(tweet.text == "Yuk datang ke kampanye akbar 02 hari Sabtu & ramaikan! #Pilpres2024")
        #expect(tweet.createdAt == RFC3339.parse("2024-02-06T01:10:00Z"))
        #expect(tweet.hashtags == ["Pilpres2024"])
        let retweet = try #require(all.first { $0.id == "1755000000000000002" })
        #expect(retweet.action == .share)
        #expect(retweet.target?.author == "@relawan_contoh")
        #expect(all.first { $0.id == "1755000000000000003" }?.action == .reply)
        #expect(records.contains { if case .failure(let e) = $0.post { return e.message.contains("without id_str") } else { return false } })
    }

    @Test func facebookRepairsMojibakeAndReadsTargets() throws {
        let importer = try ExportImporter.forFolder(packageRoot.appending(path: "Examples/data/facebook"), format: .auto)
        let all = posts(try importer.records())
        let post = try #require(all.first { $0.text.hasPrefix("Alhamdulillah") })
        #expect(post.text.hasSuffix("🙏"))
        let share = try #require(all.first { $0.action == .share })
        #expect(share.target?.text == "Ayo coblos 02, satu putaran! #PrabowoGibran2024")
        let comment = try #require(all.first { $0.action == .comment && $0.text.contains("Nomor 2") })
        #expect(comment.target?.author == "Relawan Prabowo Gibran")
        #expect(comment.text.hasSuffix("🔥"))
        let like = try #require(all.first { $0.action == .like })
        #expect(like.target?.author == "Ganjar Pranowo")
        #expect(MetaText.repair("\u{00f0}\u{009f}\u{0091}\u{008d}") == "👍")
        #expect(MetaText.repair("café") == "café")
    }

    @Test func instagramPostsLikesAndComments() throws {
        let importer = try ExportImporter.forFolder(packageRoot.appending(path: "Examples/data/instagram"), format: .auto)
        let all = posts(try importer.records())
        #expect(all.count == 6)
        let like = try #require(all.first { $0.id == "ig-like-18000000000000001" })
        #expect(like.target?.author == "@relawan.contoh")
        #expect(like.target?.text?.contains("✌️") == true)
        #expect(like.hashtags == ["pemiludamai"])
        let carousel = try #require(all.first { $0.text.hasPrefix("Foto-foto") })
        #expect(carousel.createdAt == Date(timeIntervalSince1970: 1_707_400_000))
        let comment = try #require(all.first { $0.action == .comment && $0.target?.author == "@khofifahip" })
        #expect(comment.text == "Mantap bu, kami siap menangkan! 🔥")
        let legacy = try ExportImporter.forFile(name: "liked_posts.json", data: Data(#"{"likes_media_likes":[{"title":"gibran_rakabuming","string_list_data":[{"href":"https://www.instagram.com/p/x/","value":"x","timestamp":1707480000}]}]}"#.utf8), format: .instagram)
        #expect(posts(try legacy.records()).first?.target?.author == "@gibran_rakabuming")
    }

    @Test func tiktokVideosCommentsLikesAndSharesWithMixedKeyCase() throws {
        let importer = try ExportImporter.forFolder(packageRoot.appending(path: "Examples/data/tiktok"), format: .auto)
        let records = try importer.records()
        let all = posts(records)
        #expect(records.count == all.count, "no error records")
        // 3 videos, 3 comments, 2 likes, 1 share; bookmarks and watch history are private and left out.
        #expect(all.map(\.action) == [.post, .post, .post, .comment, .comment, .comment, .like, .like, .share])
        #expect(all.allSatisfy { $0.platform == .tiktok })
        let video = try #require(all.first { $0.id == "tt-post-7440000000000000001" })
        #expect(video.text.hasPrefix("Ayo coblos nomor 1"))
        #expect(video.location == "GOR Satria Purwokerto")
        #expect(video.media.isEmpty, "an AlternateText of N/A is none")
        #expect(video.createdAt == RFC3339.parse("2024-11-20T19:05:11Z"))
        #expect(all.first { $0.id == "tt-post-7438100000000000001" }?.text == "", "a Title of N/A is no caption")
        // Lower-case keys (2025) and capitalised ones (older) in the same list.
        let comments = all.filter { $0.action == .comment }
        #expect(comments.map(\.text.isEmpty) == [false, false, false])
        #expect(comments[0].target == nil, "an empty url is no target")
        #expect(comments[2].target?.url == "https://www.tiktokv.com/share/video/7440500000000000007/")
        #expect(comments[2].createdAt == RFC3339.parse("2024-11-21T12:44:03Z"))
        let like = try #require(all.first { $0.action == .like })
        #expect(like.id == "tt-like-7440000000000000002" && like.target?.url?.hasSuffix("/7440000000000000002/") == true)
        #expect(all.last?.target?.url == like.target?.url, "the share names the same video")
    }

    @Test func tiktokOlderLayoutNullSectionsAndBadItems() throws {
        let older = #"""
        {"Activity": {"Like List": {"ItemFavoriteList": [{"Date": "2024-02-10 10:00:00", "Link": "https://www.tiktokv.com/share/video/1/"}, {"Date": "2024-02-10 10:01:00"}]},
                      "Share History": {"ShareHistoryList": null}},
         "Video": {"Videos": {"VideoList": [{"Date": "2024-02-09 21:00:00", "Link": "https://www.tiktokv.com/share/video/2/", "Likes": "3"}]}},
         "Comment": {"Comments": {"CommentsList": null}}}
        """#
        let importer = try ExportImporter.forFile(name: "user_data.json", data: Data(older.utf8), format: .auto)
        let records = try importer.records()
        #expect(records.count == 3)
        #expect(try records[0].post.get().id == "tt-post-2")
        #expect(try records[1].post.get().action == .like)
        // A like without a link is an error record naming the file, the section and the item; the rest goes on.
        guard case .failure(let error) = records[2].post else { Issue.record("expected an error record"); return }
        #expect(error.line == 3 && error.message == "user_data.json Like List item 2: liked-video item without a link")
        // A JSON file with none of the sections is refused as a whole, saying what was expected.
        let other = try ExportImporter.forFile(name: "user_data.json", data: Data(#"{"Profile": {}}"#.utf8), format: .tiktok)
        #expect(throws: ImportError.self) { try other.records() }
    }

    @Test func formatDetection() {
        #expect(InputFormat.detect(name: "a.csv", head: Data()) == .csv)
        #expect(InputFormat.detect(name: "tweets.js", head: Data()) == .x)
        #expect(InputFormat.detect(name: "x", head: Data(#"{"comments_v2": []}"#.utf8)) == .facebook)
        #expect(InputFormat.detect(name: "posts.jsonl", head: Data(#"{"id":"1"}"#.utf8)) == .jsonl)
        #expect(InputFormat.detect(name: "user_data_tiktok.json", head: Data()) == .tiktok)
        #expect(InputFormat.detect(name: "export.json", head: Data(#"{"Ads and data": {}}"#.utf8)) == .tiktok)
    }
}
