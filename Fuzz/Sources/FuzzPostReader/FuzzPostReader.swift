import Foundation
import Netral

/// Any bytes as JSON Lines and as CSV: every line yields exactly one record, in order.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPostReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    var last = 0
    for record in JSONLinesReader(data: bytes, maxRecordBytes: 4096) {
        precondition(record.line > last, "records out of order")
        last = record.line
    }
    var consumed = false
    if let csv = try? CSVImporter(read: { if consumed { return nil }; consumed = true; return bytes }) {
        for _ in csv {}
    }
    return 0
}
