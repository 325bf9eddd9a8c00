import CHyperscan
import Foundation

/// The practical ceiling for multi-pattern scanning: the same expanded patterns compiled into one
/// Vectorscan (Hyperscan) database and scanned over each post's raw text. Hyperscan has no
/// lookbehind, backreferences or UCP word boundaries, so patterns are compiled in prefilter mode
/// (a superset); patterns it still rejects are dropped and counted. Duplicates are compiled once.
final class VectorscanCeiling {
    private var database: OpaquePointer?
    private var scratch: OpaquePointer?
    let compiled: Int
    let rejected: Int

    init(patterns: [String]) {
        // Distinct patterns only (rules share patterns; Netral runs each distinct one once per post too).
        var seen = Set<String>()
        // Compile all at once; when Vectorscan names an expression it rejects, drop it and retry.
        var good = patterns.filter { seen.insert($0).inserted }
        var bad = 0
        let flagValue = UInt32(HS_FLAG_CASELESS | HS_FLAG_UTF8 | HS_FLAG_PREFILTER | HS_FLAG_ALLOWEMPTY | HS_FLAG_SINGLEMATCH)
        while !good.isEmpty {
            let cStrings = good.map { strdup($0) }
            var expressions = cStrings.map { UnsafePointer<CChar>($0) }
            var flags = [UInt32](repeating: flagValue, count: good.count)
            var ids = (0..<good.count).map { UInt32($0) }
            var err: UnsafeMutablePointer<hs_compile_error_t>?
            var db: OpaquePointer?
            let rc = expressions.withUnsafeMutableBufferPointer { e in
                hs_compile_multi(e.baseAddress, &flags, &ids, UInt32(good.count), UInt32(HS_MODE_BLOCK), nil, &db, &err)
            }
            cStrings.forEach { free($0) }
            if rc == HS_SUCCESS {
                database = db
                break
            }
            let index = err.map { Int($0.pointee.expression) } ?? -1
            hs_free_compile_error(err)
            guard index >= 0, index < good.count else { good = []; break }
            good.remove(at: index)
            bad += 1
        }
        compiled = good.count
        rejected = bad
        if database != nil { hs_alloc_scratch(database, &scratch) }
    }

    deinit {
        if let scratch { hs_free_scratch(scratch) }
        if let database { hs_free_database(database) }
    }

    var available: Bool { database != nil }

    /// Scans every text; returns the number of (pattern, text) matches.
    func scan(_ texts: [String]) -> Int {
        guard let database, let scratch else { return 0 }
        var matches = 0
        for text in texts {
            var copy = text
            copy.withUTF8 { bytes in
                withUnsafeMutablePointer(to: &matches) { counter in
                    _ = bytes.withMemoryRebound(to: CChar.self) { chars in
                        hs_scan(database, chars.baseAddress, UInt32(chars.count), 0, scratch, { _, _, _, _, context in
                            context!.assumingMemoryBound(to: Int.self).pointee += 1
                            return 0
                        }, counter)
                    }
                }
            }
        }
        return matches
    }
}
