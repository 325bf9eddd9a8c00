import Foundation

/// One record of a batch input: its 1-based line number and either the post
/// read from it or why it could not be read.
public struct InputRecord: Sendable {
    /// The 1-based line number (for other formats: the record's number).
    public var line: Int
    /// The post, or the error that takes its place in the output.
    public var post: Result<Post, RecordError>

    /// Creates a record.
    public init(line: Int, post: Result<Post, RecordError>) {
        self.line = line
        self.post = post
    }
}

/// Splits a byte stream into JSON Lines records and reads each as a ``Post``,
/// in constant memory however long the input is.
///
/// Blank lines are skipped (they are not records). A UTF-8 byte-order mark
/// and CRLF line ends are accepted. A line that is not valid UTF-8, not a
/// JSON object, or longer than ``maxRecordBytes`` yields an error record, and
/// reading goes on with the next line.
public struct JSONLinesReader: Sequence, IteratorProtocol {
    /// Records longer than this many bytes become error records without being parsed.
    public var maxRecordBytes: Int

    private let read: () -> Data?
    private var buffer: [UInt8] = []
    private var position = 0
    private var lineNumber = 0
    private var finished = false
    private var skippingOversized = false
    private var oversizedLine = 0

    /// Reads from a chunked source: `read` returns the next chunk, or nil (or empty) at the end.
    public init(maxRecordBytes: Int = 16 << 20, read: @escaping () -> Data?) {
        self.maxRecordBytes = maxRecordBytes
        self.read = read
    }

    /// Reads a whole in-memory input.
    public init(data: Data, maxRecordBytes: Int = 16 << 20) {
        var consumed = false
        self.init(maxRecordBytes: maxRecordBytes) {
            if consumed { return nil }
            consumed = true
            return data
        }
    }

    /// Reads a file handle in 1 MiB chunks.
    public init(fileHandle: FileHandle, maxRecordBytes: Int = 16 << 20) {
        self.init(maxRecordBytes: maxRecordBytes) { try? fileHandle.read(upToCount: 1 << 20) }
    }

    /// The next record, or nil at the end of the input.
    public mutating func next() -> InputRecord? {
        while let raw = nextRaw() {
            if let record = raw.record() { return record }
        }
        return nil
    }

    /// One line as read, before JSON parsing, so that parsing can run on the engine's workers.
    enum RawRecord: Sendable {
        /// A line's bytes (BOM and CR removed) and its number.
        case line(Int, [UInt8])
        /// A record already decided (an oversized line, or a record from another source).
        case ready(InputRecord)

        /// The record, or nil for a blank line (blank lines are not records).
        func record() -> InputRecord? {
            switch self {
            case .ready(let record): return record
            case .line(let number, let bytes):
                return JSONLinesReader.record(from: bytes, line: number)
            }
        }
    }

    /// The next line, unparsed, or nil at the end of the input.
    mutating func nextRaw() -> RawRecord? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                let line = buffer[position..<newline]
                position = newline + 1
                lineNumber += 1
                if skippingOversized {
                    skippingOversized = false
                    return .ready(oversized(oversizedLine))
                }
                return raw(line)
            }
            if finished {
                guard position < buffer.count || skippingOversized else { return nil }
                let rest = buffer[position...]
                position = buffer.count
                lineNumber += 1
                if skippingOversized {
                    skippingOversized = false
                    return .ready(oversized(oversizedLine))
                }
                return raw(rest)
            }
            // Keep only the unfinished line before reading more.
            if position > 0 {
                buffer.removeFirst(position)
                position = 0
            }
            if buffer.count > maxRecordBytes {
                // Drop an oversized line's bytes as they arrive: memory stays bounded.
                if !skippingOversized { oversizedLine = lineNumber + 1 }
                skippingOversized = true
                buffer.removeAll(keepingCapacity: true)
            }
            guard let chunk = read(), !chunk.isEmpty else {
                finished = true
                continue
            }
            buffer.append(contentsOf: chunk)
        }
    }

    private func raw(_ line: ArraySlice<UInt8>) -> RawRecord {
        var line = line
        if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        if line.last == 0x0D { line = line.dropLast() }
        // A line that fits in the buffer but not in a record is decided here, where the limit is known.
        if line.count > maxRecordBytes, !JSONLinesReader.isBlank(line) { return .ready(oversized(lineNumber)) }
        return .line(lineNumber, Array(line))
    }

    /// Spaces and tabs only: not a record.
    private static func isBlank<C: Collection<UInt8>>(_ line: C) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The error record that takes an oversized line's place.
    private func oversized(_ line: Int) -> InputRecord {
        InputRecord(line: line, post: .failure(RecordError(line: line, message: "record longer than \(maxRecordBytes) bytes; split it or raise the maximum record size")))
    }

    private static func record(from line: [UInt8], line lineNumber: Int) -> InputRecord? {
        // Most lines are canonical posts: read straight into a post, or else by the full path below.
        if let post = line.withUnsafeBufferPointer(CanonicalPostReader.post) {
            return InputRecord(line: lineNumber, post: .success(post))
        }
        if isBlank(line) { return nil }
        guard String(validating: line, as: UTF8.self) != nil else {
            return InputRecord(line: lineNumber, post: .failure(RecordError(line: lineNumber, message: "line is not valid UTF-8; re-export the file as UTF-8")))
        }
        do {
            let post = try Post(jsonBytes: line)
            return InputRecord(line: lineNumber, post: .success(post))
        } catch {
            var e = error
            e.line = lineNumber
            return InputRecord(line: lineNumber, post: .failure(e))
        }
    }
}
