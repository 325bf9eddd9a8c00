import Foundation

/// Standard streams and terminal detection for the command-line tool.
enum Terminal {
    static func isTTY(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Buffered writes to standard output or a file.
    final class Output {
        private let handle: FileHandle
        private var buffer = Data()

        init(path: String?) throws {
            if let path, path != "-" {
                guard FileManager.default.createFile(atPath: path, contents: nil) else {
                    throw ToolError("cannot write \(path): check the folder exists and is writable")
                }
                handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            } else {
                handle = FileHandle.standardOutput
            }
        }

        func write(_ text: String) {
            buffer.append(contentsOf: text.utf8)
            if buffer.count > 1 << 16 { flush() }
        }

        func flush() {
            guard !buffer.isEmpty else { return }
            handle.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }
}

/// An error the tool reports in one line and exits with status 2.
struct ToolError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
