import Foundation
import Netral

/// Any bytes as JSON Lines and as CSV: every line yields exactly one record, in order; and Netral's
/// JSON parser accepts every object Foundation's `JSONSerialization` accepts (differential check).
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
    return 0
}
