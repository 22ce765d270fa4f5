import Foundation
import Testing

/// `shockflow economy build china-2017 --out DIR` (issue 3).
@Suite struct EconomyBuildCommandTests {
    @Test func buildsTheChinaTableAndReportsItsAdjustments() throws {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let target = out.appendingPathComponent("china").path
        let result = try CommandRunner.run(["economy", "build", "china-2017", "--out", target, "--distance-exponent", "1.5"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("china-2017: 31 regions × 42 sectors (n = 1302)"))
        #expect(result.standardOutput.contains("re-exports"))
        #expect(result.standardOutput.contains("under-reported trade"))
        let files = try FileManager.default.contentsOfDirectory(atPath: target).sorted()
        #expect(files.contains("economy.yaml") && files.contains("Z.csv") && files.contains("imports.csv"))
        let check = try CommandRunner.run(["economy", "check", target])
        #expect(check.exitCode == 0, "the built folder passes the default checks: \(check.standardOutput)")
    }

    /// The build in two processes under the two settings of CrossProcess (OpenBLAS threads, locale,
    /// time zone) writes the same bytes, economy.yaml included.
    @Test func threadsLocaleAndTimeZoneDoNotChangeAByte() throws {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try CrossProcess.runUnderEachSetting(["economy", "build", "china-2017", "--quiet"]) { index, _ in
            ["--out", out.appendingPathComponent("china-\(index)").path]
        }
        try CrossProcess.expectSameFiles(in: out.appendingPathComponent("china-0"), out.appendingPathComponent("china-1"))
    }

    /// The parser refuses a recipe or a --trade-totals rule it does not know and names the choices.
    @Test func unknownChoicesAreUsageErrors() throws {
        let recipe = try CommandRunner.run(["economy", "build", "china-2099", "--out", "/nonexistent/x"])
        #expect(recipe.exitCode == 2)
        #expect(recipe.standardError.hasPrefix(
            "Error: The value 'china-2099' is invalid for '<recipe>'. Please provide one of 'china-2017'."))
        let rule = try CommandRunner.run(["economy", "build", "china-2017", "--out", "/nonexistent/x", "--trade-totals", "max"])
        #expect(rule.exitCode == 2)
        #expect(rule.standardError.hasPrefix(
            "Error: The value 'max' is invalid for '--trade-totals <trade-totals>'. Please provide one of 'mean' and 'smaller'."))
        let help = try CommandRunner.run(["economy", "build", "--help"])
        #expect(help.standardOutput.contains("(values: china-2017)"))
        #expect(help.standardOutput.contains("(values: mean, smaller; default: mean)"))
    }
}
