import Foundation
import ShockFlowFormats
import Testing

/// An empty list where the schema takes a list is an empty list: no entries, or a selector that
/// selects nothing. Only where nothing cannot work (a shock needs a target, a minimum share needs
/// regions) is it a problem, told at the field.
@Suite struct ScenarioEmptyListTests {
    typealias Support = ScenarioTestSupport

    @Test func emptyListsOfEntriesAndSelectorsAreValid() throws {
        let scenario = try #require(Support.resolve(
            """
            schema_version: 1
            name: empties
            investment:
              regional_bounds: []
            priorities: []
            strategic: []
            critical_inputs: {threshold: 0.05, pairs: []}
            substitution: []
            shocks: []
            """))
        #expect(scenario.priorities.isEmpty && scenario.substitutions.isEmpty && scenario.shocks.isEmpty)
        #expect(scenario.criticalInputs.domesticPairs.isEmpty && scenario.criticalInputs.importedPairs.isEmpty)

        let selectors = try #require(Support.resolve(
            """
            schema_version: 1
            name: empty-selectors
            investment:
              regional_bounds: [{regions: [], maximum: 0.5}]
            priorities:
              - {regions: [], sectors: "20", tilt: 0.5}
              - {sectors: [], tilt: 0.5}
            strategic: [{sectors: []}]
            critical_inputs:
              pairs: [{input: [], for: "16"}, {input: "20", for: []}]
            substitution: [{product: "20", sector: "20", theta: 0.5, regions: []}]
            shocks:
              - {id: chips, kind: import, products: "20", magnitude: 0.5}
            """))
        #expect(selectors.priorities.map(\.cells) == [[], []])
        #expect(selectors.planTilt.allSatisfy { $0 == 0 })
        #expect(selectors.criticalInputs.domesticPairs.isEmpty && selectors.criticalInputs.importedPairs.isEmpty)
        #expect(selectors.substitutions.first?.regions == [])
        #expect(selectors.investment?.regionalBounds.isEmpty == true)
    }

    @Test func anEmptyListIsAProblemOnlyWhereNothingCannotWork() {
        let problems = Support.problems(
            """
            schema_version: 1
            name: empty-targets
            investment:
              regional_bounds: [{regions: [], minimum: 0.2}]
            shocks:
              - {id: a, kind: capacity, regions: [], sectors: "20", magnitude: 0.5}
              - {id: b, kind: import, products: [], magnitude: 0.5}
              - {id: c, kind: demand, sectors: "20", categories: [], magnitude: 0.1}
            """)
        #expect(problems.map(\.description) == [
            "test.yaml:4:31: investment.regional_bounds[0].regions: `regions` is empty, so no weight can meet the minimum 0.2: "
                + "name regions or remove the bound",
            "test.yaml:6:38: shocks[0].regions: the list is empty, so the shock would act on nothing: name at least one, or remove the shock",
            "test.yaml:7:37: shocks[1].products: the list is empty, so the shock would act on nothing: name at least one, or remove the shock",
            "test.yaml:8:54: shocks[2].categories: the list is empty, so the shock would act on nothing: name at least one, or remove the shock",
        ])
    }
}
