import Foundation
import Testing

/// Sizes read from a problem file or a flag are bounded before anything is allocated, and a Morris
/// sample is analysed only with the level count it was drawn with.
@Suite struct SensitivityBoundsTests {
    private func inFolder<T>(_ files: [String: String], _ body: (URL) throws -> T) throws -> T {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return try body(folder)
    }

    @Test func absurdSizesAreRefusedWithTheBound() throws {
        try inFolder(["p.txt": "x1 0 1\nx2 0 1 NA levels 1e12\n", "ok.txt": "x1 0 1\nx2 0 1\n"]) { folder in
            for arguments in [["sample", "random", "-n", "4"], ["sample", "morris", "-n", "4"]] {
                let result = try CommandRunner.run(["sensitivity"] + arguments + ["-p", "p.txt"], in: folder)
                #expect(result.exitCode == 1)
                #expect(result.standardOutput.isEmpty)
                #expect(result.standardError.contains(
                    "p.txt, line 2, column 6: parameter 'x2': the number of levels must be a whole number from 2 to 10000, found 1e12"))
            }
            let levels = try CommandRunner.run(
                ["sensitivity", "sample", "morris", "-p", "ok.txt", "-n", "4", "--levels", "1000000000000"], in: folder)
            #expect(levels.exitCode == 1)
            #expect(levels.standardError.contains("Morris: 1000000000000 levels given, at most 1000 are supported"))
            for size in ["1000000000000", "9223372036854775807"] {
                let runs = try CommandRunner.run(["sensitivity", "sample", "random", "-p", "ok.txt", "-n", size], in: folder)
                #expect(runs.exitCode == 1)
                #expect(runs.standardError.contains("at most 50000000 fit for this many parameters"))
                let grid = try CommandRunner.run(["sensitivity", "sample", "grid", "-p", "ok.txt", "--levels", size], in: folder)
                #expect(grid.exitCode == 1)
                #expect(grid.standardError.contains("the grid design would have too many runs"))
            }
            let many = (0..<10_001).map { "x\($0) 0 1" }.joined(separator: "\n")
            try many.write(to: folder.appendingPathComponent("many.txt"), atomically: true, encoding: .utf8)
            let tooMany = try CommandRunner.run(["sensitivity", "sample", "random", "-p", "many.txt", "-n", "2"], in: folder)
            #expect(tooMany.exitCode == 1)
            #expect(tooMany.standardError.contains("many.txt, line 10001, column 1: more than 10000 parameters"))
        }
    }

    @Test func morrisIsAnalysedWithTheLevelsItWasDrawnWith() throws {
        try inFolder(["p.txt": "a 0 1\nb -2 2\nc 0.5 2 NA logunif\n"]) { folder in
            let sample = try CommandRunner.run(
                ["sensitivity", "sample", "morris", "-p", "p.txt", "--trajectories", "10", "--levels", "4", "--seed", "3"], in: folder)
            #expect(sample.exitCode == 0)
            try sample.standardOutput.write(to: folder.appendingPathComponent("X.txt"), atomically: true, encoding: .utf8)
            // y = a + 2b + c², one line per run.
            let outputs = sample.standardOutput.split(separator: "\n").map { line -> String in
                let x = line.split(separator: " ").compactMap { Double($0) }
                return String(x[0] + 2 * x[1] + x[2] * x[2])
            }.joined(separator: "\n") + "\n"
            try outputs.write(to: folder.appendingPathComponent("Y.txt"), atomically: true, encoding: .utf8)
            func analyze(_ levels: String) throws -> CommandResult {
                try CommandRunner.run(
                    ["sensitivity", "analyze", "morris", "-p", "p.txt", "-X", "X.txt", "-Y", "Y.txt", "--levels", levels], in: folder)
            }
            let right = try analyze("4")
            #expect(right.exitCode == 0, "\(right.standardError)")
            #expect(right.standardOutput.hasPrefix("parameter,mu,mu_star,sigma,mu_star_conf\n"))
            let odd = try analyze("3")
            #expect(odd.exitCode == 1 && odd.standardOutput.isEmpty)
            #expect(odd.standardError.contains("Morris: 3 levels given, an even number of at least 2 is needed"))
            for wrong in ["2", "6", "10"] {
                let result = try analyze(wrong)
                #expect(result.exitCode == 1 && result.standardOutput.isEmpty)
                #expect(result.standardError.contains(
                    "X.txt: the sample's values lie on a Morris grid of 4 levels, not of the \(wrong) levels given: analyse it with 4 levels"),
                    "\(result.standardError)")
            }
        }
    }
}
