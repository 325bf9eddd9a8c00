import Foundation
import PCRE2

/// Loads rule packs, rule files and profiles into a validated ``RuleSet``.
///
/// Loading is all-or-nothing: every file is read and checked, every problem
/// is reported with its file, line and column, and if any is an error no
/// rule set is produced.
///
/// ```swift
/// var loader = RuleSetLoader()
/// loader.addDefaultPack()
/// try loader.addPack(at: URL(fileURLWithPath: "my-rules/"))
/// let rules = try loader.load()
/// ```
public struct RuleSetLoader: Sendable {
    /// Which election profiles to activate by id; nil activates every profile loaded.
    public var activeProfiles: [String]?
    /// The normaliser patterns' list entries are prepared with; must match the engine's.
    public var normalizer = Normalizer()
    /// Ceilings on what one rule file may contain.
    public var maxFileBytes = 8 << 20
    /// Suppression entries made in code (a pipeline keeping its reviewed findings in its own store),
    /// applied after those of the files and checked like them: each needs a reason and a criterion
    /// (NR270, at the entry's `location`), and a `rule` that names no loaded rule is a warning (NR271).
    public var suppressions: [Suppression] = []

    private var sources: [(path: String, text: String?, pack: String?)] = []
    private var early: [Diagnostic] = []

    /// Creates an empty loader.
    public init() {}

    /// Adds the default rule pack embedded in the library.
    public mutating func addDefaultPack() {
        let files = Dictionary(EmbeddedRulePack.files.map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })
        addPackFiles(root: "rules", manifest: "pack.yml", read: { files[$0] }, list: { prefix in
            files.keys.filter { $0.hasPrefix(prefix.isEmpty ? "" : prefix + "/") }.sorted()
        })
    }

    /// Adds a pack folder (with a `pack.yml` manifest, or every rule file under
    /// it when there is none) or a single rule file.
    public mutating func addPack(at url: URL) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            early.append(Diagnostic(.error, "NR001", "no such file or folder: \(url.path)", hint: "check the path given with --rules"))
            return
        }
        guard isDirectory.boolValue else {
            addFile(at: url)
            return
        }
        let root = url.standardizedFileURL.path
        let read: (String) -> String? = { relative in try? String(contentsOfFile: root + "/" + relative, encoding: .utf8) }
        let list: (String) -> [String] = { relative in
            let base = relative.isEmpty ? root : root + "/" + relative
            let found = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
            return found.map { relative.isEmpty ? $0 : relative + "/" + $0 }.sorted()
        }
        if FileManager.default.fileExists(atPath: root + "/pack.yml") {
            addPackFiles(root: root, manifest: "pack.yml", read: read, list: list)
        } else {
            for file in list("") where RuleSetLoader.isRuleFile(file) {
                sources.append((root + "/" + file, read(file), nil))
            }
        }
    }

    /// Adds one rule file (YAML or JSON).
    public mutating func addFile(at url: URL) {
        let path = url.path
        guard let data = FileManager.default.contents(atPath: path) else {
            early.append(Diagnostic(.error, "NR001", "cannot read \(path)", hint: "check the path and its permissions"))
            return
        }
        guard let text = String(data: data, encoding: .utf8) else {
            early.append(Diagnostic(.error, "NR002", "\(path) is not UTF-8 text", hint: "save it as UTF-8", at: SourceLocation(file: path, line: 1, column: 1)))
            return
        }
        sources.append((path, text, nil))
    }

    /// Adds rules from a YAML or JSON string; `name` stands for its file in diagnostics.
    public mutating func addSource(_ text: String, name: String = "<string>") {
        sources.append((name, text, nil))
    }

    static func isRuleFile(_ path: String) -> Bool {
        let lower = path.lowercased()
        return (lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") || lower.hasSuffix(".json")) && !lower.hasSuffix("/pack.yml") && lower != "pack.yml"
    }

    private mutating func addPackFiles(root: String, manifest: String, read: (String) -> String?, list: (String) -> [String]) {
        let manifestPath = root + "/" + manifest
        guard let text = read(manifest) else {
            early.append(Diagnostic(.error, "NR001", "cannot read \(manifestPath)"))
            return
        }
        sources.append((manifestPath, text, nil))
        // Resolve `include:` now, so that files load in the order the manifest gives.
        guard case .success(let tree?) = YAMLTree.parse(text, file: manifestPath),
              case .mapping(let top, _) = tree,
              let pack = top.first(where: { $0.key == "pack" })?.value,
              case .mapping(let packPairs, _) = pack,
              let include = packPairs.first(where: { $0.key == "include" })?.value,
              case .sequence(let items, _) = include else { return }
        let packName = packPairs.first { $0.key == "name" }.flatMap { pair -> String? in
            if case .scalar(let s, _, _) = pair.value { return s }
            return nil
        }
        for item in items {
            guard case .scalar(let relative, _, let location) = item else { continue }
            let clean = relative.hasSuffix("/") ? String(relative.dropLast()) : relative
            if let text = read(clean), RuleSetLoader.isRuleFile(clean) {
                sources.append((root + "/" + clean, text, packName))
                continue
            }
            let files = list(clean).filter(RuleSetLoader.isRuleFile)
            if files.isEmpty {
                early.append(Diagnostic(.error, "NR003", "included path \"\(relative)\" has no rule files", hint: "check the path; it is relative to the manifest", at: location))
            }
            for file in files {
                sources.append((root + "/" + file, read(file), packName))
            }
        }
    }

    /// Reads, checks and assembles everything added.
    /// - Throws: ``RuleLoadError`` with every diagnostic when any is an error.
    public func load() throws(RuleLoadError) -> RuleSet {
        var diagnostics = early
        var files: [RuleFile] = []
        var packs: [PackInfo] = []
        for source in sources {
            guard let text = source.text else {
                diagnostics.append(Diagnostic(.error, "NR001", "cannot read \(source.path)"))
                continue
            }
            var limits = YAMLTree.Limits()
            limits.maxBytes = maxFileBytes
            switch YAMLTree.parse(text, file: source.path, limits: limits) {
            case .failure(let d): diagnostics.append(d)
            case .success(let tree):
                var decoder = RuleFileDecoder(path: source.path, source: text)
                var file = decoder.decode(tree)
                diagnostics += decoder.diagnostics
                if let manifest = file.manifest { packs.append(manifest.info) }
                for i in file.rules.indices { file.rules[i].rule.pack = source.pack ?? file.manifest?.info.name }
                files.append(file)
            }
        }
        if !suppressions.isEmpty {
            var inCode = RuleFile(path: "", source: "")
            inCode.suppressions = suppressions
            diagnostics += suppressions.compactMap(\.problem)
            files.append(inCode)
        }
        var assembler = RuleSetAssembler(files: files, activeProfiles: activeProfiles, normalizer: normalizer)
        let result = assembler.assemble()
        diagnostics += assembler.diagnostics
        let lint = Linter(files: files, rules: result.rules, lists: result.lists).run()
        diagnostics += lint
        diagnostics.sort { ($0.location?.file ?? "", $0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.file ?? "", $1.location?.line ?? 0, $1.location?.column ?? 0) }
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw RuleLoadError(diagnostics: diagnostics)
        }
        return RuleSet(rules: result.rules, lists: result.lists, profiles: result.profiles, packs: packs, suppressions: result.suppressions,
                       diagnostics: diagnostics)
    }
}
