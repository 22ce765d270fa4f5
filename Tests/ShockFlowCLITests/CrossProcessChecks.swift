import Foundation
import Testing

/// The promise checked across processes: the same inputs give byte-identical files whatever the
/// OpenBLAS thread setting, the locale and the time zone. Each check runs the command in two separate
/// processes whose environments differ in all three (the second also gives a sweep two workers), so a
/// test cannot pass merely because one process computed twice.
enum CrossProcess {
    struct Setting: CustomStringConvertible, Sendable {
        var environment: [String: String]
        /// `--workers` for a sweep.
        var workers: String

        var description: String {
            environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") + ", --workers \(workers)"
        }
    }

    /// One OpenBLAS thread, the C locale, UTC — against two threads, a German locale (decimal comma;
    /// Foundation reads LC_ALL/LANG even where glibc has no such locale) and a time zone 5:30 ahead.
    static let settings = [
        Setting(environment: ["OPENBLAS_NUM_THREADS": "1", "LC_ALL": "C", "LANG": "C", "TZ": "UTC"], workers: "1"),
        Setting(
            environment: ["OPENBLAS_NUM_THREADS": "2", "LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8", "TZ": "Asia/Kolkata"],
            workers: "2"),
    ]

    /// Runs `arguments` once under each setting (`settingArguments` adds per-setting arguments, e.g. the
    /// output folder); expects exit status 0 and returns the two results.
    static func runUnderEachSetting(
        _ arguments: [String], in directory: URL? = nil, settingArguments: (Int, Setting) -> [String] = { _, _ in [] },
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [CommandResult] {
        try settings.enumerated().map { index, setting in
            let result = try CommandRunner.run(
                arguments + settingArguments(index, setting), environment: setting.environment, in: directory)
            #expect(result.exitCode == 0, "\(setting): \(result.standardError)", sourceLocation: sourceLocation)
            return result
        }
    }

    /// Expects the two texts equal byte for byte, naming the first line that differs.
    static func expectSameBytes(_ first: Data, _ second: Data, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard first != second else { return }
        let (a, b) = (String(decoding: first, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false),
                      String(decoding: second, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false))
        let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let shown = { (lines: [Substring]) in line < lines.count ? String(lines[line].prefix(200)) : "(end of file)" }
        Issue.record(
            """
            \(what) differs between \(settings[0]) and \(settings[1]) at line \(line + 1):
              \(shown(a))
              \(shown(b))
            """,
            sourceLocation: sourceLocation)
    }

    /// Expects every file `names` (every file but manifest.json when nil) of the two folders byte-identical
    /// and the folders to hold the same files.
    static func expectSameFiles(
        _ names: [String]? = nil, in first: URL, _ second: URL, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let listing = { (folder: URL) in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() }
        let files = try listing(first)
        #expect(files == (try listing(second)), "the two folders hold different files", sourceLocation: sourceLocation)
        let compared = names ?? files.filter { $0 != "manifest.json" }
        #expect(!compared.isEmpty, sourceLocation: sourceLocation)
        for name in compared {
            expectSameBytes(
                try Data(contentsOf: first.appendingPathComponent(name)), try Data(contentsOf: second.appendingPathComponent(name)),
                "\(first.lastPathComponent)/\(name)", sourceLocation: sourceLocation)
        }
    }
}

@Suite struct CrossProcessSettingTests {
    /// The two settings really differ where it counts: OpenBLAS reports one thread in the first and two
    /// in the second (on a machine with at least two cores: otherwise the checks compare nothing).
    @Test func theTwoSettingsGiveOneAndTwoOpenBLASThreads() throws {
        let results = try CrossProcess.runUnderEachSetting(["info"])
        #expect(results[0].standardOutput.contains("BLAS threads: 1\n"), "\(results[0].standardOutput)")
        #expect(
            results[1].standardOutput.contains("BLAS threads: 2\n"),
            "OPENBLAS_NUM_THREADS=2 gave \(results[1].standardOutput): the cross-process checks need two cores")
    }
}
