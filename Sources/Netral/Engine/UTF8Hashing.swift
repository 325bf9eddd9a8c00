import Foundation

extension Hasher {
    /// Feeds the UTF-8 bytes of `text` (not its normalised form, as `String` hashing does).
    mutating func combineUTF8<S: StringProtocol>(of text: S) {
        let utf8 = text.utf8
        combine(utf8.count)
        if utf8.withContiguousStorageIfAvailable({ combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for byte in utf8 { combine(byte) }
        }
    }
}

extension StringProtocol {
    /// Whether `self` and `other` have the same UTF-8 bytes (not canonical equivalence, which
    /// `==` reads): the equality that goes with ``Hasher/combineUTF8(of:)``.
    func hasSameUTF8<Other: StringProtocol>(as other: Other) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        let compared = a.withContiguousStorageIfAvailable { x in
            b.withContiguousStorageIfAvailable { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
        return (compared ?? nil) ?? a.elementsEqual(b)
    }
}
