import Foundation
import Testing

/// The Slurm scale-out path for real: `scripts/slurm-local-cluster.sh` starts a one-node cluster
/// (munged, slurmctld, slurmd) in a temporary folder, `scripts/slurm-sweep.sh` submits a sweep as a
/// 4-task array job and a dependent merge job, and the merged files must equal, byte for byte,
/// the same sweep run in one process (docs/sweep-cluster.md).
@Suite struct SlurmSweepTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sweepFile = repository.appendingPathComponent("scripts/fixtures/sweeps/small-sweep.yaml")
    static let clusterScript = repository.appendingPathComponent("scripts/slurm-local-cluster.sh")
    static let sweepScript = repository.appendingPathComponent("scripts/slurm-sweep.sh")
    static let tasks = 4
    /// The runs of small-sweep.yaml: `lhs` with `samples: 16`.
    static let runs = 16
    /// Runs per batch: a shard runs whole batches, so 4 batches give every task 4 runs.
    static let batch = 4
    /// Generous: the jobs take seconds, but a loaded 2-core machine running the whole suite is slow.
    static let mergeTimeoutSeconds = 600.0

    /// The programs of Debian's `slurm-wlm` and `munge` packages the scripts use.
    static let slurmInstalled: Bool = {
        let programs = ["munged", "slurmctld", "slurmd", "sbatch", "sinfo", "scontrol"]
        let folders =
            (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/sbin", "/usr/bin"]
        let missing = programs.filter { program in
            !folders.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
        }
        if !missing.isEmpty {
            print(
                "SlurmSweepTests skipped: \(missing.joined(separator: ", ")) not found; "
                    + "install Debian's slurm-wlm and munge packages (make test does)")
        }
        return missing.isEmpty
    }()

    /// Skipped only where the packages are missing (make test installs them); a cluster that
    /// does not come up where they are installed is a failure.
    @Test(
        .enabled(
            if: SlurmSweepTests.slurmInstalled,
            "Debian's slurm-wlm and munge packages are not installed (make test installs them)"))
    func shardedArrayJobThenMergeEqualsOneProcess() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A short state folder: munge's socket path must stay under the 108-byte limit of Unix sockets.
        let stateFolder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sf-slurm-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: stateFolder) }
        let environment = ["SLURM_CONF": stateFolder.appendingPathComponent("slurm.conf").path]

        let start = try Self.bash(
            Self.clusterScript, ["start", stateFolder.path], log: folder.appendingPathComponent("start.log"))
        defer {
            let stop = try? Self.bash(
                Self.clusterScript, ["stop", stateFolder.path], log: folder.appendingPathComponent("stop.log"))
            #expect(stop?.exitCode == 0, "stopping the cluster: \(stop?.output ?? "could not run the script")")
        }
        try #require(start.exitCode == 0, "the local Slurm cluster did not start:\n\(start.output)")

        let clusterOutput = folder.appendingPathComponent("cluster")
        let submit = try Self.bash(
            Self.sweepScript,
            [
                Self.sweepFile.path, clusterOutput.path, "--tasks", "\(Self.tasks)", "--batch", "\(Self.batch)",
                "--shockflow", CommandRunner.executable.path,
            ],
            environment: environment, log: folder.appendingPathComponent("submit.log"))
        try #require(submit.exitCode == 0, "slurm-sweep.sh failed:\n\(submit.output)")
        let mergeJob = try #require(
            Self.jobIdentifier(after: "merge job: ", in: submit.output), "no merge job id in:\n\(submit.output)")

        let state = try Self.waitForJob(mergeJob, environment: environment)
        guard state == "COMPLETED" else {
            let logs = Self.logs(in: [clusterOutput.appendingPathComponent("logs"), stateFolder.appendingPathComponent("log")])
            let ending = state.map { "ended \($0)" } ?? "did not end within \(Int(Self.mergeTimeoutSeconds)) s"
            Issue.record("merge job \(mergeJob) \(ending); the Slurm logs:\n\(logs)")
            return
        }
        // Every task ran its own share of the runs: a header and one line per run each.
        for task in 0..<Self.tasks {
            let samples = clusterOutput.appendingPathComponent("shards/\(task)/samples.csv")
            let lines = try String(contentsOf: samples, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == Self.runs / Self.tasks + 1, "shard \(task) holds \(lines.count - 1) runs")
        }

        let oneProcess = folder.appendingPathComponent("one-process")
        let single = try CommandRunner.run([
            "sweep", Self.sweepFile.path, "--out", oneProcess.path, "--batch", "\(Self.batch)", "--quiet",
        ])
        try #require(single.exitCode == 0, "the one-process sweep failed:\n\(single.standardError)")
        for file in ["samples.csv", "outputs.csv", "sensitivity.csv"] {
            let merged = try Data(contentsOf: clusterOutput.appendingPathComponent("merged/\(file)"))
            let expected = try Data(contentsOf: oneProcess.appendingPathComponent(file))
            #expect(merged == expected, "\(file) of the Slurm merge differs from the one-process sweep")
        }
        // Header plus one line per run: the comparison above covered the whole sweep.
        let samples = try String(contentsOf: oneProcess.appendingPathComponent("samples.csv"), encoding: .utf8)
        #expect(samples.split(separator: "\n").count == Self.runs + 1)
    }

    /// Runs a script with bash; its output goes to a file, not a pipe, because the daemons it
    /// starts inherit the descriptors and would keep a pipe open after the script exits.
    static func bash(_ script: URL, _ arguments: [String], environment extra: [String: String] = [:], log: URL) throws
        -> (exitCode: Int32, output: String)
    {
        try Data().write(to: log)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    /// The number after `label` on one of the lines of slurm-sweep.sh's report.
    static func jobIdentifier(after label: String, in output: String) -> String? {
        for line in output.split(separator: "\n") where line.hasPrefix(label) {
            let digits = line.dropFirst(label.count).prefix { $0.isNumber }
            if !digits.isEmpty { return String(digits) }
        }
        return nil
    }

    /// Polls `scontrol show job` (there is no accounting database, so no sacct) until the job has
    /// ended; returns its final state (COMPLETED, FAILED, CANCELLED, ...) or nil on timeout.
    static func waitForJob(_ job: String, environment: [String: String]) throws -> String? {
        let deadline = Date().addingTimeInterval(mergeTimeoutSeconds)
        let endedStates: Set<String> = [
            "COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED", "BOOT_FAIL", "DEADLINE",
        ]
        while Date() < deadline {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["scontrol", "show", "job", "--oneliner", job]
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if let field = text.split(separator: " ").first(where: { $0.hasPrefix("JobState=") }) {
                let state = String(field.dropFirst("JobState=".count))
                if endedStates.contains(state) { return state }
            }
            Thread.sleep(forTimeInterval: 0.5)
        }
        return nil
    }

    /// Every log file in the folders, for the failure message.
    static func logs(in folders: [URL]) -> String {
        folders.flatMap { folder in
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            return names.map { name in
                let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
                return "--- \(folder.lastPathComponent)/\(name)\n\(text.suffix(4000))"
            }
        }.joined(separator: "\n")
    }
}
