import Foundation
import Testing

/// `shockflow sweep` end to end: interrupted and resumed, sharded and merged, bad input.
@Suite("shockflow sweep")
struct SweepCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let economy = repository.appendingPathComponent("Tests/ShockFlowFormatsTests/Fixtures/economies/two-region").path

    /// A sweep of `runs` runs of a dynamic chip-import scenario on the two-region test economy.
    static func sweepFile(runs: Int, in directory: URL, name: String = "sweep.yaml", seed: Int = 3) throws -> String {
        let text = """
            schema_version: 1
            name: cli-sweep
            scenario:
              schema_version: 1
              name: two-region-chips
              economy: \(economy)
              horizon: {periods: 8, period: quarter, seed: 1}
              shocks:
                - {id: chip-imports, kind: import, products: chips, magnitude: 0.6, profile: {type: recovery, start: 1, half_life: 4}}
              substitution:
                - {product: chips, sector: manu, theta: 0.5}
            design: {method: random, samples: \(runs), seed: \(seed)}
            parameters:
              - {path: shocks.chip-imports.magnitude, name: cut, distribution: uniform, lower: 0.2, upper: 1}
              - {path: "substitution[0].theta", name: theta, distribution: uniform, lower: 0, upper: 1}
              - {path: investment.eta, name: eta, distribution: log_uniform, lower: 0.25, upper: 4}
            outputs:
              - {summary: cumulative_value_added_loss}
              - {name: north_va_loss, metric: value_added, regions: north, statistic: cumulative_loss}
            """
        let path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let resultFiles = ["samples.csv", "outputs.csv", "sensitivity.csv"]

    static func contents(_ folder: URL, _ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    @Test("a sweep killed mid-way resumes from its checkpoint and writes the files of an uninterrupted sweep")
    func killAndResume() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sweep = try Self.sweepFile(runs: 400, in: directory)
        let interrupted = directory.appendingPathComponent("interrupted")
        let checkpoint = directory.appendingPathComponent(".interrupted.sweep-checkpoint")
        // A real child process, killed with a real signal once some batches are checkpointed.
        let child = Process()
        child.executableURL = CommandRunner.executable
        child.arguments = ["sweep", sweep, "--out", interrupted.path, "--batch", "1", "--workers", "1", "--quiet"]
        child.standardError = FileHandle.nullDevice
        try child.run()
        let deadline = Date().addingTimeInterval(120)
        func checkpointed() -> Int {
            ((try? FileManager.default.contentsOfDirectory(atPath: checkpoint.path)) ?? []).filter { $0.hasPrefix("batch-") }.count
        }
        while checkpointed() < 20, child.isRunning, Date() < deadline { usleep(2_000) }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal, "the sweep finished before it could be killed: make it longer")
        let done = checkpointed()
        #expect(done >= 20 && done < 400)
        #expect(!FileManager.default.fileExists(atPath: interrupted.path))

        let resumed = try CommandRunner.run(["sweep", sweep, "--out", interrupted.path, "--batch", "1", "--resume"])
        #expect(resumed.exitCode == 0, "\(resumed.standardError)")
        #expect(resumed.standardOutput.contains("from the checkpoint"))
        #expect(!FileManager.default.fileExists(atPath: checkpoint.path))

        let whole = directory.appendingPathComponent("whole")
        let uninterrupted = try CommandRunner.run(["sweep", sweep, "--out", whole.path, "--batch", "1", "--quiet"])
        #expect(uninterrupted.exitCode == 0, "\(uninterrupted.standardError)")
        #expect(uninterrupted.standardOutput.isEmpty && uninterrupted.standardError.isEmpty)
        for name in Self.resultFiles {
            #expect(try Self.contents(interrupted, name) == Self.contents(whole, name), "\(name) differs after resuming")
        }
    }

    @Test("Ctrl-C stops a sweep with status 130 and says how to continue")
    func interruptExplainsResume() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sweep = try Self.sweepFile(runs: 400, in: directory)
        let checkpoint = directory.appendingPathComponent(".out.sweep-checkpoint")
        let child = Process()
        child.executableURL = CommandRunner.executable
        child.arguments = ["sweep", sweep, "--out", directory.appendingPathComponent("out").path, "--batch", "1", "--workers", "1", "--quiet"]
        let errors = Pipe()
        child.standardError = errors
        try child.run()
        let deadline = Date().addingTimeInterval(120)
        while child.isRunning, Date() < deadline,
            ((try? FileManager.default.contentsOfDirectory(atPath: checkpoint.path)) ?? []).filter({ $0.hasPrefix("batch-") }).count < 5
        {
            usleep(2_000)
        }
        kill(child.processIdentifier, SIGINT)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        #expect(child.terminationStatus == 130)
        #expect(message.contains("interrupted; finished batches are checkpointed: run the same command with --resume"))
    }

    @Test("shards run as separate processes merge into the sweep's files; progress lines go to stderr")
    func shardsAndMerge() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sweep = try Self.sweepFile(runs: 24, in: directory)
        let whole = directory.appendingPathComponent("whole")
        let single = try CommandRunner.run(["sweep", sweep, "--out", whole.path, "--batch", "4"])
        #expect(single.exitCode == 0, "\(single.standardError)")
        // Not a terminal: the plan's line only.
        #expect(single.standardError == "24 runs in 6 batches on \(ProcessInfo.processInfo.activeProcessorCount) threads\n")
        // --progress: lines at most every few seconds, and always the last of the planning and of the runs.
        let logged = try CommandRunner.run(["sweep", sweep, "--out", whole.path + "-logged", "--batch", "4", "--progress"])
        #expect(logged.exitCode == 0, "\(logged.standardError)")
        let progress = logged.standardError.split(separator: "\n")
        #expect(progress.first == "planning: 24/24 runs checked", "\(logged.standardError)")
        #expect(progress.dropFirst().first == "24 runs in 6 batches on \(ProcessInfo.processInfo.activeProcessorCount) threads")
        #expect(progress.last?.hasPrefix("24/24 runs, ") == true && progress.last?.hasSuffix("s left") == true)
        #expect(single.standardOutput.hasPrefix("sweep cli-sweep: random design, 3 parameters, 24 runs\n"))
        var shards: [String] = []
        for index in 0..<4 {
            // The shards run under the two settings of CrossProcess in turn (threads, workers, locale, time zone).
            let setting = CrossProcess.settings[index % 2]
            let shard = directory.appendingPathComponent("shard-\(index)").path
            let result = try CommandRunner.run(
                ["sweep", sweep, "--out", shard, "--batch", "4", "--shard", "\(index)/4", "--workers", setting.workers, "--quiet"],
                environment: setting.environment)
            #expect(result.exitCode == 0, "\(result.standardError)")
            shards.append(shard)
        }
        let merged = directory.appendingPathComponent("merged")
        let merge = try CommandRunner.run(["sweep", "merge"] + shards + ["--out", merged.path])
        #expect(merge.exitCode == 0, "\(merge.standardError)")
        for name in Self.resultFiles {
            #expect(try Self.contents(merged, name) == Self.contents(whole, name), "\(name) differs after merging")
        }
        // Issue 7: a sweep's report is generated in CI (tornado and scatter charts of the merged folder).
        let report = try CommandRunner.run(["report", merged.path, "--out", directory.appendingPathComponent("sweep.html").path])
        #expect(report.exitCode == 0, "\(report.standardError)")
        #expect(try String(contentsOf: directory.appendingPathComponent("sweep.html"), encoding: .utf8).contains("<svg"))
        // A shard of another sweep (another seed) is refused, and nothing is written.
        let otherSweep = try Self.sweepFile(runs: 24, in: directory, name: "other.yaml", seed: 4)
        let other = directory.appendingPathComponent("other-shard").path
        #expect(try CommandRunner.run(["sweep", otherSweep, "--out", other, "--batch", "4", "--shard", "3/4", "--quiet"]).exitCode == 0)
        let refused = try CommandRunner.run(["sweep", "merge"] + shards.dropLast() + [other, "--out", directory.appendingPathComponent("bad").path])
        #expect(refused.exitCode == 1)
        #expect(refused.standardError.contains("is a shard of a different sweep"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("bad").path))
    }

    /// A sweep on china-2017 (the dynamic model, 1302 cells) and a static sweep of 600 runs over 20
    /// parameters (regression indices from a least-squares fit large enough for OpenBLAS to split it),
    /// each in two processes under the two settings of CrossProcess: one OpenBLAS thread, one worker, C
    /// locale, UTC against two threads, two workers, a German locale and another time zone. Same bytes.
    @Test("workers, OpenBLAS threads, locale and time zone do not change a byte")
    func workersThreadsLocaleAndTimeZoneDoNotChangeAByte() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let china = """
            schema_version: 1
            name: china-sweep
            scenario:
              schema_version: 1
              name: china-chips
              economy: china-2017
              horizon: {periods: 4, period: quarter}
              shocks:
                - {id: chip-imports, kind: import, products: "20", share: 0.78, magnitude: 0.6, profile: {type: recovery, start: 1, half_life: 4}}
              substitution:
                - {product: "20", sector: "20", theta: 0.5}
            design: {method: saltelli, samples: 2, seed: 5}
            parameters:
              - {path: shocks.chip-imports.magnitude, name: cut, distribution: uniform, lower: 0.2, upper: 1}
              - {path: "substitution[0].theta", name: theta, distribution: uniform, lower: 0, upper: 1}
            outputs:
              - {summary: cumulative_value_added_loss}
              - {name: guangdong_loss, metric: value_added, regions: CN-GD, statistic: cumulative_loss}
            """
        let shocks = (0..<20).map { k in
            "    - {id: d\(k), kind: demand, regions: \(k % 2 == 0 ? "north" : "south"), sectors: \(k % 3 == 0 ? "manu" : "agri"), magnitude: -0.1}"
        }
        let parameters = (0..<20).map { k in
            "  - {path: shocks.d\(k).magnitude, name: m\(k), distribution: uniform, lower: -0.5, upper: 0.5}"
        }
        let manyParameters = """
            schema_version: 1
            name: static-sweep
            scenario:
              schema_version: 1
              name: two-region-leontief
              economy: \(Self.economy)
              model: leontief
              shocks:
            \(shocks.joined(separator: "\n"))
            design: {method: random, samples: 600, seed: 2}
            parameters:
            \(parameters.joined(separator: "\n"))
            outputs:
              - {summary: cumulative_value_added_loss}
            """
        for (name, text, batch) in [("china", china, "3"), ("static", manyParameters, "64")] {
            let file = directory.appendingPathComponent("\(name).yaml")
            try Data(text.utf8).write(to: file)
            _ = try CrossProcess.runUnderEachSetting(["sweep", file.path, "--batch", batch, "--quiet"]) { index, setting in
                ["--out", directory.appendingPathComponent("\(name)-\(index)").path, "--workers", setting.workers]
            }
            try CrossProcess.expectSameFiles(
                Self.resultFiles, in: directory.appendingPathComponent("\(name)-0"), directory.appendingPathComponent("\(name)-1"))
        }
    }

    @Test("--workers sets the batches run side by side; its old name --threads still works, out of --help")
    func workersAndItsOldName() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sweep = try Self.sweepFile(runs: 8, in: directory)
        var files: [[Data]] = []
        for (index, flag) in ["--workers", "--threads"].enumerated() {
            let out = directory.appendingPathComponent("out-\(index)")
            let result = try CommandRunner.run(["sweep", sweep, "--out", out.path, "--batch", "4", flag, "1"])
            #expect(result.exitCode == 0, "\(result.standardError)")
            #expect(result.standardError.hasPrefix("8 runs in 2 batches on 1 thread\n"), "\(flag): \(result.standardError)")
            files.append(try Self.resultFiles.map { try Self.contents(out, $0) })
        }
        #expect(files[0] == files[1])
        let both = try CommandRunner.run(["sweep", sweep, "--workers", "1", "--threads", "2"])
        #expect(both.exitCode == 2)
        #expect(both.standardError.hasPrefix("Error: --threads is the old name of --workers: give one"))
        let zero = try CommandRunner.run(["sweep", sweep, "--threads", "0"])
        #expect(zero.exitCode == 2)
        #expect(zero.standardError.hasPrefix("Error: --threads must be at least 1"))
        let help = try CommandRunner.run(["sweep", "run", "--help"])
        #expect(help.standardOutput.contains("--workers <workers>"))
        #expect(!help.standardOutput.contains("--threads"))
    }

    @Test("bad input: an unknown path, a bad shard, a folder that is not a shard: clear errors, nothing written")
    func badInput() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sweep = try Self.sweepFile(runs: 8, in: directory)
        let text = try String(contentsOfFile: sweep, encoding: .utf8).replacingOccurrences(of: "investment.eta,", with: "investment.etta,")
        try Data(text.utf8).write(to: URL(fileURLWithPath: sweep))
        let out = directory.appendingPathComponent("out").path
        let unknown = try CommandRunner.run(["sweep", sweep, "--out", out])
        #expect(unknown.exitCode == 1)
        #expect(unknown.standardError.contains("sweep.yaml:16:"))
        #expect(unknown.standardError.contains("parameters[2].path: `investment.etta`"))
        #expect(unknown.standardError.contains("did you mean `eta`?"))
        #expect(!FileManager.default.fileExists(atPath: out))

        let badShard = try CommandRunner.run(["sweep", sweep, "--shard", "4/4"])
        #expect(badShard.exitCode == 2)
        #expect(badShard.standardError.contains("--shard 4/4: expected i/n with 0 ≤ i < n"))

        let notShard = try CommandRunner.run(["sweep", "merge", directory.path, "--out", out])
        #expect(notShard.exitCode == 1)
        #expect(notShard.standardError.contains("is not a sweep shard folder: it has no manifest.json"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
