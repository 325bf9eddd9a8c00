import Foundation
import Testing

/// Runs the `netral` executable built beside the test bundle.
struct Tool {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "netral")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return root.appending(path: ".build/debug/netral")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
        var objects: [[String: Any]] {
            lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
    }

    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        // Standard error goes to a file, not a second pipe: a child that fills one pipe's buffer (64 KiB of
        // diagnostics, or a sanitizer's report) while this reads the other to its end would wait forever.
        let errURL = FileManager.default.temporaryDirectory.appending(path: "netral-tool-stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let err = try FileHandle(forWritingTo: errURL)
        let out = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        try err.close()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = try Data(contentsOf: errURL)
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}

@Suite("netral executable, end to end")
struct ToolTests {
    @Test func aTriageFileSetsReviewedFindingsAside() throws {
        let run = try Tool.run(["check", "--format", "jsonl", "--rules", "Examples/data/triage.yml", "Examples/data/posts.jsonl"])
        #expect(run.status == 1, "other posts stay flagged: \(run.stderr)")
        let post = try #require(run.objects.first { $0["id"] as? String == "ex-014" })
        let rules = (post["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }
        #expect(rules == ["ASN.KAMPANYE.TAGAR_SLOGAN"], "the hashtag finding of the same post is still reported")
        let suppressed = try #require((post["suppressed"] as? [[String: Any]])?.first)
        #expect(suppressed["rule"] as? String == "ASN.GESTUR.SIMBOL_JARI")
        #expect((suppressed["at"] as? String)?.hasSuffix("Examples/data/triage.yml:7:5") == true)
        #expect((suppressed["reason"] as? String)?.hasPrefix("🤘 di unggahan ini salam metal") == true)
        #expect(run.objects.filter { $0["suppressed"] != nil }.count == 1, "no other post is touched")
        #expect(run.stderr.contains("1 finding(s) suppressed"))

        let line = try String(contentsOf: Tool.root.appending(path: "Examples/data/posts.jsonl"), encoding: .utf8)
            .split(separator: "\n").first { $0.contains("\"ex-014\"") }
        let explained = try Tool.run(["explain", "--rules", "Examples/data/triage.yml", "-"], stdin: Data(try #require(line).utf8))
        #expect(explained.stdout.contains("ASN.GESTUR.SIMBOL_JARI: suppressed\n  suppressed by "))
        #expect(explained.stdout.contains("Examples/data/triage.yml:7:5: 🤘 di unggahan ini"))
        #expect(explained.stdout.hasPrefix("post ex-014: FLAGGED (1 finding(s) suppressed)"))
    }

    @Test func unusedSuppressionsAreListedOnRequest() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "netral-unused-\(getpid()).yml")
        try """
        suppress:
          - {rule: ASN.GESTUR.SIMBOL_JARI, post: ex-014, reason: dipakai}
          - {post: tidak-ada, reason: tidak dipakai}
        """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try Tool.run(["check", "--format", "summary", "--rules", file.path, "--unused-suppressions", "Examples/data/posts.jsonl"])
        #expect(run.stderr.contains("\(file.path):3:5: warning: suppression covered no finding in this run (tidak dipakai)"))
        #expect(!run.stderr.contains("(dipakai)"))
        #expect(run.stderr.contains("netral: 1 of 2 suppression(s) covered no finding"))
        let quiet = try Tool.run(["check", "--format", "summary", "--rules", file.path, "Examples/data/posts.jsonl"])
        #expect(!quiet.stderr.contains("covered no finding"), "only on request")
    }

    @Test func checksTheBundledSampleWithExitStatusOne() throws {
        let run = try Tool.run(["check", "--format", "jsonl", "Examples/data/posts.jsonl"])
        #expect(run.status == 1, "something is flagged: \(run.stderr)")
        let input = try String(contentsOf: Tool.root.appending(path: "Examples/data/posts.jsonl"), encoding: .utf8)
        let records = input.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(run.objects.count == records.count, "one output per input record")
        #expect(run.objects.map { $0["line"] as? Int } == Array(1...records.count))
        let flagged = run.objects.filter { $0["flagged"] as? Bool == true }.compactMap { $0["id"] as? String }
        #expect(flagged.contains("ex-001"))
        #expect(!flagged.contains("ex-002"), "neutral get-out-the-vote")
        #expect(!flagged.contains("ex-004"), "sharing Bawaslu's socialisation")
        #expect(!flagged.contains("ex-007"), "RT 02")
        #expect(!flagged.contains("ex-009"), "KPU debate schedule")
        #expect(run.objects.contains { $0["line"] as? Int == 16 && $0["error"] is String })
    }

    @Test func timeShowsPhasesAndTheRulesThatTookLongestWithoutChangingTheOutput() throws {
        let plain = try Tool.run(["check", "--format", "jsonl", "Examples/data/posts.jsonl"])
        let timed = try Tool.run(["check", "--time", "--quiet", "--format", "jsonl", "Examples/data/posts.jsonl"])
        #expect(timed.status == plain.status)
        #expect(timed.stdout == plain.stdout, "--time changes no result")
        #expect(timed.stderr.contains("where the time went, 17 post(s)"), "\(timed.stderr)")
        for phase in ["normalising fields", "prefilter (literal pass)", "rules"] { #expect(timed.stderr.contains(phase)) }
        // Every rule that flagged a post is listed, with its count.
        let flaggedRules = plain.objects.flatMap { ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String } }
        #expect(!flaggedRules.isEmpty)
        for rule in Set(flaggedRules) {
            let row = timed.stderr.split(separator: "\n").first { $0.split(separator: " ").first.map(String.init) == rule }
            let columns = row?.split(separator: " ").map(String.init) ?? []
            #expect(columns.count > 2 && Int(columns[2]) == flaggedRules.filter { $0 == rule }.count, "\(rule): \(row ?? "no row")")
            // rule, checked, flagged, time ("1.17 ms"), µs a check, searches, share: a flagged rule ran some.
            #expect(columns.count > 6 && (Int(columns[6]) ?? 0) > 0, "\(rule): \(row ?? "no row")")
        }
        #expect(timed.stderr.contains("PCRE2 searches"))
        #expect(!plain.stderr.contains("where the time went"))
    }

    @Test func everySampleFormatWorks() throws {
        for (path, format, expectedRecords) in [
            ("Examples/data/posts.csv", "auto", 5), ("Examples/data/x-archive", "auto", 7),
            ("Examples/data/x-archive/data/like.js", "x", 3), ("Examples/data/facebook", "facebook", 8),
            ("Examples/data/instagram", "instagram", 6), ("Examples/data/tiktok", "auto", 9),
            ("Examples/data/tiktok/user_data_tiktok.json", "tiktok", 9),
        ] {
            let run = try Tool.run(["check", "--format", "jsonl", "--input-format", format, path])
            #expect(run.status == 1, "\(path): \(run.stderr)")
            #expect(run.objects.count == expectedRecords, "\(path)")
            #expect(run.objects.contains { $0["flagged"] as? Bool == true }, "\(path)")
            #expect(run.objects.contains { $0["flagged"] as? Bool == false }, "\(path)")
        }
    }

    @Test func malformedInputNeverStopsTheBatch() throws {
        let run = try Tool.run(["check", "--format", "jsonl", "Examples/data/malformed.jsonl"])
        #expect(run.status == 1)
        // 9 lines, one of them blank: 8 records, 8 outputs, in order.
        #expect(run.objects.map { $0["line"] as? Int } == [1, 3, 4, 5, 6, 7, 8, 9])
        #expect(run.objects.filter { $0["error"] != nil }.count == 6)
        #expect(run.stderr.contains("6 record(s) could not be read"))
        let strict = try Tool.run(["check", "--strict", "--format", "jsonl", "Examples/data/malformed.jsonl"])
        #expect(strict.status == 2)
    }

    @Test func invalidUTF8CRLFAndEmptyInputOnStandardInput() throws {
        var bytes = Array("{\"id\":\"1\",\"text\":\"ayo coblos 02\"}\r\n".utf8)
        bytes += Array("{\"id\":\"2\",\"text\":\"".utf8) + [0xFF, 0xFE] + Array("\"}\r\n".utf8)
        bytes += Array("\n{\"id\":\"3\",\"text\":\"selamat pagi\"}".utf8)
        let run = try Tool.run(["check", "--format", "jsonl", "-"], stdin: Data(bytes))
        #expect(run.objects.map { $0["line"] as? Int } == [1, 2, 4])
        #expect((run.objects[1]["error"] as? String)?.contains("UTF-8") == true)
        let empty = try Tool.run(["check", "--format", "jsonl", "-"], stdin: Data())
        #expect(empty.status == 0)
        #expect(empty.objects.isEmpty)
    }

    @Test func gzipInputIsReadTransparently() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "netral-gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = dir.appending(path: "posts.jsonl")
        try FileManager.default.copyItem(at: Tool.root.appending(path: "Examples/data/posts.jsonl"), to: plain)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "gzip -k \"$0\"", plain.path]
        try gzip.run()
        gzip.waitUntilExit()
        let a = try Tool.run(["check", "--format", "jsonl", plain.path])
        let b = try Tool.run(["check", "--format", "jsonl", plain.path + ".gz"])
        #expect(a.stdout == b.stdout)
        #expect(!a.stdout.isEmpty)
    }

    @Test func ruleCommands() throws {
        let test = try Tool.run(["rules", "test"])
        #expect(test.status == 0, "\(test.stdout)")
        #expect(test.stdout.contains(" passed, 0 failed"))
        let lint = try Tool.run(["rules", "lint"])
        #expect(lint.status == 0)
        #expect(lint.stdout.contains("0 errors, 0 warning(s)"))
        let list = try Tool.run(["rules", "list"])
        #expect(list.stdout.contains("ASN.KAMPANYE.AJAKAN_MEMILIH"))
        let profiles = try Tool.run(["profiles", "list"])
        #expect(profiles.stdout.contains("pilpres-2024"))
        #expect(profiles.stdout.contains("campaign: 2023-11-28 – 2024-02-10"))
    }

    @Test func brokenRuleFileIsLocatedAndExitsTwo() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "netral-bad-\(UUID().uuidString).yml")
        try "rules:\n  - id: X.1\n    title: t\n    severity: low\n    category: c\n    basis: [b]\n    patterns: {p: 'coblos ('}\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try Tool.run(["check", "--rules", file.path, "Examples/data/posts.jsonl"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(file.path):7:"))
        #expect(run.stderr.contains("error[NR223]"))
        #expect(run.stdout.isEmpty, "nothing is checked with broken rules")
    }

    @Test func explainShowsWhyANewsPostIsNotFlagged() throws {
        let post = Data(#"{"id":"n1","text":"ASN dilarang like, komen dan share postingan capres Prabowo atau Anies"}"#.utf8)
        let run = try Tool.run(["explain", "-"], stdin: post)
        #expect(run.status == 0)
        #expect(run.stdout.contains("not flagged"))
        #expect(run.stdout.contains("cancelled by exception"))
        #expect(run.stdout.contains("exception: sosialisasi matched"))
    }

    @Test func htmlAndSummaryOutputs() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "netral-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try Tool.run(["check", "--format", "html", "-o", file.path, "Examples/data/posts.jsonl"])
        #expect(run.status == 1)
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.contains("<svg id=\"chart-rules\"") && html.contains("<svg id=\"chart-days\""))
        let summary = try Tool.run(["check", "--format", "summary", "Examples/data/posts.jsonl"])
        #expect(summary.stdout.contains("Findings per rule"))
    }

    @Test func usageErrorsExitTwoWithAMessage() throws {
        let run = try Tool.run(["check", "--format", "xml", "Examples/data/posts.jsonl"])
        #expect(run.status == 64 || run.status == 2)
        #expect(run.stderr.contains("unknown --format xml"))
        let missing = try Tool.run(["check", "no-such-file.jsonl"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-file.jsonl"))
    }
}

@Suite("netral executable, CSV errors")
struct ToolCSVTests {
    @Test func csvWithAMissingColumnYieldsAnErrorRecordAndGoesOn() throws {
        let csv = Data("id,text,created_at\nc1,\"ayo coblos 02\",2024-02-01\nc2,baris pendek\nc3,selamat pagi,2024-02-02\n".utf8)
        let run = try Tool.run(["check", "--format", "jsonl", "--input-format", "csv", "-"], stdin: csv)
        #expect(run.status == 1)
        #expect(run.objects.map { $0["line"] as? Int } == [2, 3, 4])
        #expect((run.objects[1]["error"] as? String)?.contains("2 column(s), the header has 3") == true)
        #expect(run.objects[0]["flagged"] as? Bool == true)
        #expect(run.objects[2]["flagged"] as? Bool == false)
        let unmapped = try Tool.run(["check", "--input-format", "csv", "-"], stdin: Data("a,b\n1,2\n".utf8))
        #expect(unmapped.status == 2)
        #expect(unmapped.stderr.contains("--map COLUMN=text"))
    }
}
