// Build-time tool: writes a Swift file that holds every file of the default
// rule pack (rules/) as a string, so the Netral library carries its pack with it.
// Usage: EmbedRules RULES_DIR OUTPUT.swift
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: EmbedRules RULES_DIR OUTPUT.swift\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

var entries: [(String, String)] = []
let wanted: Set<String> = ["yml", "yaml", "json", "md"]
if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) {
    for case let url as URL in walker where wanted.contains(url.pathExtension.lowercased()) {
        let path = url.standardizedFileURL.path
        let relative = String(path.dropFirst(root.path.count + 1))
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            FileHandle.standardError.write(Data("EmbedRules: \(relative) is not UTF-8\n".utf8))
            exit(1)
        }
        entries.append((relative, text))
    }
}
entries.sort { $0.0 < $1.0 }

var source = "// Generated at build time from rules/ by the EmbedRulePack plugin. Do not edit.\n\n"
source += "enum EmbeddedRulePack {\n    /// Every file of the default rule pack: path relative to rules/, and contents.\n"
source += "    static let files: [(path: String, contents: String)] = [\n"
for (path, text) in entries {
    source += "        (\(literal(path)), \(literal(text))),\n"
}
source += "    ]\n}\n"

let existing = try? String(contentsOf: output, encoding: .utf8)
if existing != source {
    try source.write(to: output, atomically: true, encoding: .utf8)
}
