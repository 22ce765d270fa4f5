import Foundation
import ShockFlowTestSupport
import Testing

/// The output folder of `run` and `sweep`: hidden temporary folders of killed writers are removed by
/// the next write, a live writer's are kept, and two runs writing one folder at once never mix.
@Suite struct OutputFolderTests {
    static func scenario(name: String, magnitude: Double) -> String {
        """
        schema_version: 1
        name: \(name)
        economy: \(Fixtures.path("economies/two-region"))
        horizon: {periods: 12}
        shocks:
          - {id: chips, kind: import, products: chips, magnitude: \(magnitude)}
        """
    }

    /// The PID of a process that has exited (and been waited for).
    private func deadProcessIdentifier() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func staleTemporaryFoldersOfDeadWritersAreRemoved() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.scenario(name: "a", magnitude: 0.5).write(to: folder.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let dead = try deadProcessIdentifier(), alive = getpid()
        let stale = [".out.tmp-\(dead)-1f", ".out.tmp-\(dead)-2e"], live = ".out.tmp-\(alive)-3d"
        let unrelated = [".other.tmp-\(dead)-4c", ".out.tmp-notapid-5b"]
        for name in stale + [live] + unrelated {
            let path = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
            try Data(count: 1024).write(to: path.appendingPathComponent("cells.csv"))
        }
        let run = try CommandRunner.run(["run", "s.yaml", "--out", "out", "--quiet"], in: folder)
        #expect(run.exitCode == 0, "\(run.standardError)")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(left == Set(["s.yaml", "out", live] + unrelated))
    }

    /// Pairs of runs of two scenarios write one folder at once, again and again: afterwards the folder
    /// is wholly one run's (its manifest, summary and tables are those of one scenario) and no
    /// temporary folder is left.
    @Test func concurrentRunsOfOneFolderNeverMix() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenarios = ["a": 0.3, "b": 0.7]
        var reference: [String: [String: Data]] = [:]
        let tables = ["cells.csv", "regions.csv", "summary.csv", "weights.csv"]
        for (name, magnitude) in scenarios {
            try Self.scenario(name: name, magnitude: magnitude)
                .write(to: folder.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
            let run = try CommandRunner.run(["run", "\(name).yaml", "--out", "ref-\(name)", "--quiet"], in: folder)
            #expect(run.exitCode == 0)
            reference[name] = Dictionary(uniqueKeysWithValues: try tables.map {
                ($0, try Data(contentsOf: folder.appendingPathComponent("ref-\(name)/\($0)")))
            })
        }
        for round in 0..<8 {
            let processes = try scenarios.keys.sorted().map { name -> Process in
                let process = Process()
                process.executableURL = CommandRunner.executable
                process.arguments = ["run", "\(name).yaml", "--out", "shared", "--quiet"]
                process.currentDirectoryURL = folder
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            for process in processes { process.waitUntilExit() }
            #expect(processes.contains { $0.terminationStatus == 0 }, "round \(round): neither run wrote the folder")
            let manifest = try String(contentsOf: folder.appendingPathComponent("shared/manifest.json"), encoding: .utf8)
            let winner = try #require(scenarios.keys.first { manifest.contains("\"scenario.name\" : \"\($0)\"") })
            for table in tables {
                #expect(
                    try Data(contentsOf: folder.appendingPathComponent("shared/\(table)")) == reference[winner]?[table],
                    "round \(round): \(table) is not scenario \(winner)'s")
            }
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".shared") }
            #expect(leftovers.isEmpty, "round \(round): \(leftovers)")
        }
    }
}
