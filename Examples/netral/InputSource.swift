import Foundation
import Netral

/// Opens the inputs of `netral check`: files, `-` for standard input, `.gz`
/// files through `gzip -dc`, and export folders; and picks the importer.
struct InputSource {
    let path: String
    let format: InputFormat
    let maxRecordBytes: Int
    let columnMap: [String: String]

    /// The records of this input, streamed.
    func records() throws -> AnySequence<InputRecord> {
        var isDirectory: ObjCBool = false
        if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            let importer = try ExportImporter.forFolder(URL(fileURLWithPath: path), format: format)
            return AnySequence(try importer.records())
        }
        let handle = try open()
        let read: () -> Data? = { try? handle.read(upToCount: 1 << 20) }
        var resolved = format
        var firstChunk: Data?
        if format == .auto {
            firstChunk = read()
            resolved = InputFormat.detect(name: path, head: firstChunk ?? Data())
        }
        var pending = firstChunk
        let source: () -> Data? = {
            if let chunk = pending { pending = nil; return chunk }
            return read()
        }
        switch resolved {
        case .jsonl, .auto:
            return AnySequence(JSONLinesReader(maxRecordBytes: maxRecordBytes, read: source))
        case .csv:
            return AnySequence(try CSVImporter(read: source, mapping: columnMap, maxRecordBytes: maxRecordBytes))
        case .x, .facebook, .instagram, .tiktok:
            var all = Data()
            while let chunk = source(), !chunk.isEmpty { all.append(chunk) }
            let importer = try ExportImporter.forFile(name: path, data: all, format: resolved)
            return AnySequence(try importer.records())
        }
    }

    private func open() throws -> FileHandle {
        if path == "-" { return FileHandle.standardInput }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ToolError("cannot read \(path): no such file, or no permission")
        }
        if path.hasSuffix(".gz") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec gzip -dc -- \"$0\"", path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            return pipe.fileHandleForReading
        }
        return try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
    }
}
