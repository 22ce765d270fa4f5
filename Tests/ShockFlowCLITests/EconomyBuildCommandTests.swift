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

    /// The parser refuses a recipe or a --trade-totals-rule it does not know and names the choices.
    @Test func unknownChoicesAreUsageErrors() throws {
        let recipe = try CommandRunner.run(["economy", "build", "china-2099", "--out", "/nonexistent/x"])
        #expect(recipe.exitCode == 2)
        #expect(recipe.standardError.hasPrefix(
            "Error: The value 'china-2099' is invalid for '<recipe>'. Please provide one of 'china-2017'."))
        let rule = try CommandRunner.run(["economy", "build", "china-2017", "--out", "/nonexistent/x", "--trade-totals-rule", "max"])
        #expect(rule.exitCode == 2)
        #expect(rule.standardError.hasPrefix(
            "Error: The value 'max' is invalid for '--trade-totals-rule <trade-totals-rule>'. Please provide one of 'mean' and 'smaller'."))
        let help = try CommandRunner.run(["economy", "build", "--help"])
        #expect(help.standardOutput.contains("(values: china-2017)"))
        #expect(help.standardOutput.contains("(values: mean, smaller; default: mean)"))
    }

    /// Every construction option is a flag (the snake-case names of a scenario's `economy.options` in
    /// kebab case); economy.yaml records them with the table's SHA-256; a perturbed table passes
    /// `economy check`; values out of range are usage errors naming the range. (`--trade-totals`, the old
    /// name of `--trade-totals-rule`, is still read.)
    @Test func constructionOptionsAreFlagsAndRecordedInEconomyYaml() throws {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let target = out.appendingPathComponent("perturbed").path
        let result = try CommandRunner.run([
            "economy", "build", "china-2017", "--out", target, "--quiet", "--perturbation-cv", "0.5", "--perturbation-seed", "3",
            "--trade-totals", "smaller", "--under-reporting-threshold", "0", "--local-supply-share-cap", "0.4",
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let yaml = try String(contentsOfFile: target + "/economy.yaml", encoding: .utf8)
        let build = try #require(yaml.range(of: "build:\n").map { String(yaml[$0.lowerBound...]) })
        #expect(build.hasPrefix("""
            build:
              recipe: china-2017
              options:
                distance_exponent: 1
                trade_totals_rule: smaller
                under_reporting_threshold: 0
                local_supply_share_cap: 0.4
                balancing_tolerance: 1e-10
                maximum_balancing_iterations: 10000
                local_supply_round_off: 1e-09
                output_round_off: 1e-06
                perturbation_cv: 0.5
                perturbation_seed: 3
              table_sha256: 
            """))
        let check = try CommandRunner.run(["economy", "check", target])
        #expect(check.exitCode == 0, "\(check.standardOutput)")
        let bad = try CommandRunner.run(["economy", "build", "china-2017", "--out", target, "--perturbation-cv", "3"])
        #expect(bad.exitCode == 2)
        #expect(bad.standardError.hasPrefix("Error: --perturbation-cv must be a number in [0, 2], not 3"))
    }
}
