import Foundation

/// A post with the verdict a person gave it, for measuring a rule pack.
///
/// The labelled format is the canonical JSON Lines post format plus `expect`: the categories the
/// post should be flagged under (an empty list: it must not be flagged), e.g.
/// `{"id": "d1", "text": "ayo coblos 02", "expect": ["ajakan-memilih"]}`. A record with
/// `"expect": true` must be flagged under any category.
public struct LabelledPost: Sendable {
    /// The post.
    public var post: Post
    /// The categories expected; empty means the post is clean.
    public var categories: Set<String>
    /// True when the post must be flagged (under any category if `categories` is empty).
    public var violation: Bool

    /// Reads unlabelled JSON Lines posts and takes their verdicts from a separate
    /// table: one `id<TAB>V` (violation) or `id<TAB>N` (neutral) per line; `#` starts a comment.
    /// A third column names a split (such as `review` or `holdout`); with `split` set,
    /// only the posts of that split are returned.
    public static func read(posts data: Data, labels table: String, split: String? = nil) throws -> [LabelledPost] {
        var verdicts: [String: Bool] = [:]
        for (n, line) in table.split(separator: "\n").enumerated() where !line.hasPrefix("#") && !line.isEmpty {
            let cells = line.split(separator: "\t")
            guard cells.count >= 2, cells[1] == "V" || cells[1] == "N" else {
                throw ImportError("labels line \(n + 1): expected id<TAB>V or id<TAB>N")
            }
            if let split, cells.count < 3 || cells[2] != split { continue }
            verdicts[String(cells[0])] = cells[1] == "V"
        }
        var out: [LabelledPost] = []
        for record in JSONLinesReader(data: data) {
            let post: Post
            switch record.post {
            case .success(let p): post = p
            case .failure(let e): throw ImportError("posts line \(record.line): \(e.message)")
            }
            guard let verdict = verdicts[post.id] else {
                if split != nil { continue }
                throw ImportError("no label for post \(post.id)")
            }
            out.append(LabelledPost(post: post, categories: [], violation: verdict))
        }
        return out
    }

    /// Reads a labelled JSON Lines input; records without `expect` are errors.
    public static func read(_ data: Data) throws -> [LabelledPost] {
        var out: [LabelledPost] = []
        var line = 0
        for raw in data.split(separator: 10, omittingEmptySubsequences: false) {
            line += 1
            guard raw.contains(where: { $0 != 32 && $0 != 13 && $0 != 9 }) else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(raw)) as? [String: Any] else {
                throw ImportError("labelled set line \(line): not a JSON object")
            }
            let post: Post
            do { post = try Post(jsonObject: object) } catch { throw ImportError("labelled set line \(line): \(error.message)") }
            switch object["expect"] {
            case let list as [String]: out.append(LabelledPost(post: post, categories: Set(list), violation: !list.isEmpty))
            case let flag as Bool: out.append(LabelledPost(post: post, categories: [], violation: flag))
            default: throw ImportError("labelled set line \(line): \"expect\" must be a list of categories (empty when clean) or true/false")
            }
        }
        return out
    }
}
