import Foundation
import Netral

/// Any bytes as JSON Lines, as CSV and as each platform's export file: every line or item yields
/// exactly one record, in order; and Netral's JSON parser accepts every object Foundation's
/// `JSONSerialization` accepts (differential check).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPostReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    var last = 0
    for record in JSONLinesReader(data: bytes, maxRecordBytes: 4096) {
        precondition(record.line > last, "records out of order")
        last = record.line
    }
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
        let data = Data(line)
        guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else { continue }
        do { _ = try Post(json: data) } catch {
            precondition(!error.message.hasPrefix("not valid JSON"), "Foundation reads this object, Netral does not: \(error.message)")
        }
    }
    var consumed = false
    if let csv = try? CSVImporter(read: { if consumed { return nil }; consumed = true; return bytes }) {
        for _ in csv {}
    }
    // As each platform's export file: refused as a whole, or one record per item, numbered in order.
    for (name, format) in [("tweets.js", InputFormat.x), ("your_posts_1.json", .facebook), ("liked_posts.json", .instagram),
                           ("user_data_tiktok.json", .tiktok)] {
        guard let importer = try? ExportImporter.forFile(name: name, data: bytes, format: format),
              let records = try? importer.records() else { continue }
        precondition(records.map(\.line) == records.indices.map { $0 + 1 }, "\(name): records out of order")
    }
    return 0
}
