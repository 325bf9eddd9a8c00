import Foundation

/// Reads CSV with a header row into posts, streaming.
///
/// Columns map to post fields by name (`id`, `text`, `action`, `platform`, `author`,
/// `created_at`, `location`, `target_author`/`target.author`, `target_text`, `target_url`,
/// `hashtags` (separated by spaces or commas), `caption`, `alt`, `ocr`, `bio`) or through an explicit
/// mapping (`--map tweet=text`). A row with a missing column, or a value that does not fit,
/// becomes an error record and reading goes on.
public struct CSVImporter: Sequence, IteratorProtocol {
    private var lines: CSVRowReader
    private let header: [String]
    private let fields: [Int: String]
    private var number = 0

    /// Post fields a column can map to.
    public static let knownFields: Set<String> = [
        "id", "text", "action", "platform", "author", "created_at", "location", "target.author", "target.text",
        "target.url", "hashtags", "media.caption", "media.alt", "media.ocr", "profile.name", "profile.bio",
    ]

    private static let aliases: [String: String] = [
        "target_author": "target.author", "target_text": "target.text", "target_url": "target.url",
        "caption": "media.caption", "alt": "media.alt", "ocr": "media.ocr", "bio": "profile.bio",
        "name": "profile.name", "full_text": "text", "tweet": "text", "content": "text", "date": "created_at",
        "timestamp": "created_at", "username": "author", "user": "author", "id_str": "id",
        // Indonesian column names.
        "isi": "text", "teks": "text", "konten": "text", "waktu": "created_at", "tanggal": "created_at",
        "penulis": "author", "akun": "author", "aksi": "action", "tindakan": "action", "lokasi": "location",
        "platform_media": "platform", "target_akun": "target.author", "target_teks": "target.text", "keterangan_foto": "media.caption",
    ]

    /// - Parameters:
    ///   - read: the next chunk of bytes, or nil at the end.
    ///   - mapping: column name → post field, overriding the defaults.
    /// - Throws: ``ImportError`` when the header is missing or maps no `id` and no `text`.
    public init(read: @escaping () -> Data?, mapping: [String: String] = [:], maxRecordBytes: Int = 16 << 20) throws {
        lines = CSVRowReader(read: read, maxRecordBytes: maxRecordBytes)
        guard let first = lines.next() else { throw ImportError("the CSV file is empty; it needs a header row such as id,text") }
        guard case .success(var header) = first.row else { throw ImportError("the CSV header row could not be read") }
        if let h = header.first, h.hasPrefix("\u{FEFF}") { header[0] = String(h.dropFirst()) }
        self.header = header
        var fields: [Int: String] = [:]
        for (i, column) in header.enumerated() {
            let key = column.trimmingCharacters(in: .whitespaces)
            if let target = mapping[key] {
                guard CSVImporter.knownFields.contains(target) else {
                    throw ImportError("--map \(key)=\(target): unknown post field; use one of \(CSVImporter.knownFields.sorted().joined(separator: ", "))")
                }
                fields[i] = target
            } else if CSVImporter.knownFields.contains(key.lowercased()) {
                fields[i] = key.lowercased()
            } else if let alias = CSVImporter.aliases[key.lowercased()] {
                fields[i] = alias
            }
        }
        for (column, _) in mapping where !header.contains(column) {
            throw ImportError("--map names column \"\(column)\", which the header does not have (columns: \(header.joined(separator: ", ")))")
        }
        guard fields.values.contains("text") || fields.values.contains("target.text") || fields.values.contains("target.author") else {
            throw ImportError("no CSV column maps to text; name one \"text\" or use --map COLUMN=text (columns: \(header.joined(separator: ", ")))")
        }
        self.fields = fields
    }

    /// The next record.
    public mutating func next() -> InputRecord? {
        guard let row = lines.next() else { return nil }
        number += 1
        let line = row.line
        let cells: [String]
        switch row.row {
        case .failure(let message): return InputRecord(line: line, post: .failure(RecordError(line: line, message: message)))
        case .success(let c): cells = c
        }
        guard cells.count == header.count else {
            return InputRecord(line: line, post: .failure(RecordError(line: line, message: "row has \(cells.count) column(s), the header has \(header.count); check quoting and commas")))
        }
        var object: [String: Any] = [:]
        var target: [String: Any] = [:]
        var media: [String: Any] = [:]
        var profile: [String: Any] = [:]
        for (i, name) in fields {
            let value = cells[i]
            guard !value.isEmpty else { continue }
            switch name {
            case "target.author", "target.text", "target.url": target[String(name.dropFirst(7))] = value
            case "media.caption", "media.alt", "media.ocr": media[String(name.dropFirst(6))] = value
            case "profile.name", "profile.bio": profile[String(name.dropFirst(8))] = value
            case "hashtags": object["hashtags"] = value.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            default: object[name] = value
            }
        }
        if object["id"] == nil { object["id"] = "row-\(number)" }
        if !target.isEmpty { object["target"] = target }
        if !media.isEmpty { object["media"] = [media] }
        if !profile.isEmpty { object["profile"] = profile }
        do throws(RecordError) {
            return InputRecord(line: line, post: .success(try Post(jsonObject: object)))
        } catch {
            var e = error
            e.line = line
            return InputRecord(line: line, post: .failure(e))
        }
    }
}

/// Splits CSV bytes into rows (RFC 4180: quoted fields may hold commas, quotes and newlines).
struct CSVRowReader {
    /// A row's cells, or why it could not be read.
    enum Row {
        case success([String])
        case failure(String)
    }

    private let read: () -> Data?
    private let maxRecordBytes: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    private var lineNumber = 1

    init(read: @escaping () -> Data?, maxRecordBytes: Int) {
        self.read = read
        self.maxRecordBytes = maxRecordBytes
    }

    /// The row, with the line it starts on.
    mutating func next() -> (line: Int, row: Row)? {
        while true {
            if let (row, consumed, newlines) = parseRow(from: position, final: finished) {
                let line = lineNumber
                lineNumber += newlines
                position = consumed
                if row.count == 1 && row[0].isEmpty { if finished && position >= buffer.count { return nil }; continue }
                return (line, .success(row))
            }
            if finished { return nil }
            if position > 0 { buffer.removeFirst(position); position = 0 }
            if buffer.count > maxRecordBytes {
                let line = lineNumber
                // Skip to the next line end; the rest of the oversized row is dropped.
                if let nl = buffer.firstIndex(of: 10) { buffer.removeFirst(nl + 1) } else { buffer.removeAll() }
                lineNumber += 1
                return (line, .failure("row longer than \(maxRecordBytes) bytes"))
            }
            guard let chunk = read(), !chunk.isEmpty else { finished = true; continue }
            buffer.append(contentsOf: chunk)
        }
    }

    /// Parses one row starting at `start`; nil when the buffer ends inside it (and more may come).
    private func parseRow(from start: Int, final: Bool) -> ([String], Int, Int)? {
        var cells: [String] = []
        var cell: [UInt8] = []
        var i = start
        var quoted = false
        var newlines = 0
        guard start < buffer.count else { return nil }
        while i < buffer.count {
            let b = buffer[i]
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < buffer.count, buffer[i + 1] == UInt8(ascii: "\"") { cell.append(b); i += 2; continue }
                    if i + 1 >= buffer.count && !final { return nil }
                    quoted = false
                } else {
                    if b == 10 { newlines += 1 }
                    cell.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "\"") where cell.isEmpty: quoted = true
            case UInt8(ascii: ","):
                cells.append(String(decoding: cell, as: UTF8.self))
                cell.removeAll(keepingCapacity: true)
            case 10:
                cells.append(String(decoding: cell.last == 13 ? cell.dropLast() : cell[...], as: UTF8.self))
                return (cells, i + 1, newlines + 1)
            default: cell.append(b)
            }
            i += 1
        }
        guard final else { return nil }
        cells.append(String(decoding: cell.last == 13 ? cell.dropLast() : cell[...], as: UTF8.self))
        return (cells, buffer.count, newlines + 1)
    }
}
