import Foundation
import ShockFlowFormats
import Testing

/// `enabled: false` on a critical pair or a substitution entry leaves the entry out, as if it were not
/// written; its names are still checked. Sweeps switch entries with it (docs/sweep-format.md).
@Suite struct ScenarioEntrySwitchTests {
    typealias Support = ScenarioTestSupport

    private func scenario(pairs: String, substitution: String) -> String {
        """
        schema_version: 1
        name: switches
        critical_inputs:
          pairs:
        \(pairs)
        substitution:
        \(substitution)
        shocks:
          - {id: chips, kind: import, products: "20", magnitude: 0.5}
        """
    }

    @Test func aSwitchedOffEntryResolvesAsIfNotWritten() throws {
        let pair = "    - {input: \"20\", from: domestic, for: \"16\"}"
        let other = "    - {input: \"01\", from: imported, for: [\"16\", \"31\"]}"
        let substitute = "  - {product: \"20\", sector: \"20\", theta: 0.5}"
        let switchedOff = try #require(Support.resolve(scenario(
            pairs: pair.replacingOccurrences(of: "}", with: ", enabled: false}") + "\n" + other,
            substitution: substitute.replacingOccurrences(of: "}", with: ", enabled: false}"))))
        let leftOut = try #require(Support.resolve(scenario(pairs: other, substitution: "  []")))
        #expect(switchedOff == leftOut)
        #expect(switchedOff.criticalInputs.domesticPairs.isEmpty && switchedOff.substitutions.isEmpty)
        #expect(switchedOff.criticalInputs.importedPairs.count == 2)

        let switchedOn = try #require(Support.resolve(scenario(
            pairs: pair.replacingOccurrences(of: "}", with: ", enabled: true}") + "\n" + other, substitution: substitute)))
        let asWritten = try #require(Support.resolve(scenario(pairs: pair + "\n" + other, substitution: substitute)))
        #expect(switchedOn == asWritten)
        #expect(switchedOn.criticalInputs.domesticPairs == [SectorPair(input: 2, user: 1)])
        #expect(switchedOn.substitutions.map(\.sector) == [2])
    }

    @Test func aProductMayHaveOneSubstituteSwitchedOnAmongSeveral() throws {
        let alternatives = """
              - {product: "20", sector: "20", theta: 0.5, enabled: false}
              - {product: "20", sector: "31", theta: 0.3}
            """
        let resolved = try #require(Support.resolve(scenario(pairs: "    []", substitution: alternatives)))
        #expect(resolved.substitutions.map(\.sector) == [3])
        #expect(resolved.substitutions.map(\.theta) == [0.3])
        // Both switched on: the product has two substitutes, as without the switches.
        let problems = Support.problems(scenario(pairs: "    []", substitution: alternatives.replacingOccurrences(of: "false", with: "true")))
        #expect(problems.map(\.message) == ["imported product 20 already has a substitute in substitution[0]"])
    }

    @Test func aSwitchedOffEntryIsStillChecked() {
        let problems = Support.problems(scenario(
            pairs: "    - {input: \"20\", for: \"Machinry\", enabled: false}\n    - {input: \"20\", for: \"16\", enabled: \"no\"}",
            substitution: "  - {product: \"20\", sector: [\"20\", \"31\"], theta: 0.5, enabled: false}"))
        let lines = problems.map { "\($0.fieldPath): \($0.message)" }
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("critical_inputs.pairs[0].for: unknown sector 'Machinry'") == true)
        #expect(lines.dropFirst().first == "critical_inputs.pairs[1].enabled: expected true or false, found the text \"no\"")
        #expect(lines.last == "substitution[0].sector: name exactly one substitute sector; this selects 2")
    }

    @Test func aStrategicProductNeedsItsSubstitutionSwitchedOn() {
        let problems = Support.problems(
            scenario(pairs: "    []", substitution: "  - {product: \"20\", sector: \"20\", theta: 0.5, enabled: false}")
                + "\nstrategic:\n  - {products: \"20\"}")
        #expect(problems.map { "\($0.fieldPath): \($0.message)" } == [
            "strategic[0].products: imported product 20 has no `substitution` entry: a strategic product acts through its substitute sector"
        ])
    }
}
