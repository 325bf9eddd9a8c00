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
