import Testing
import Yams
@testable import ShockFlowEngine

@Suite("Sweep parameter paths into a scenario's YAML tree")
struct ScenarioValuePathTests {
    let scenario: Node

    init() throws {
        scenario = try #require(try Yams.compose(yaml: """
        investment: {eta: 1}
        shocks:
          - {id: chip-imports, kind: import, magnitude: 0.6}
          - {id: soy, kind: import, magnitude: 0.2}
        substitution:
          - {product: "20", sector: "20", theta: 0.5}
        """))
    }

    private func path(_ text: String) throws -> ScenarioValuePath { try ScenarioValuePath.parse(text).get() }

    private func set(_ text: String, to value: String) throws -> Node { try path(text).setting(Node(value), in: scenario) }

    @Test("a dotted path with positions parses into keys and indices")
    func parses() throws {
        #expect(try path("priorities[2].tilt").steps == [.key("priorities"), .index(2), .key("tilt")])
        #expect(try path("investment.eta").steps == [.key("investment"), .key("eta")])
        for bad in ["investment..eta", "priorities[x].tilt", "priorities[-1]", ".eta", "a[1"] {
            #expect(throws: ScenarioValuePathError.self) { try ScenarioValuePath.parse(bad).get() }
        }
    }

    @Test("list items are found by id, by product and by position")
    func findsItems() throws {
        #expect(try set("shocks.soy.magnitude", to: "0.9")["shocks"]?[1]?["magnitude"]?.scalar?.string == "0.9")
        #expect(try set("shocks[0].magnitude", to: "0.1")["shocks"]?[0]?["magnitude"]?.scalar?.string == "0.1")
        #expect(try set("substitution.20.theta", to: "1")["substitution"]?[0]?["theta"]?.scalar?.string == "1")
        // The other items are left as written.
        #expect(try set("shocks.soy.magnitude", to: "0.9")["shocks"]?[0]?["magnitude"]?.scalar?.string == "0.6")
    }

    @Test("sections left out of the file are created")
    func createsSections() throws {
        let edited = try set("critical_inputs.threshold", to: "0.1")
        #expect(edited["critical_inputs"]?["threshold"]?.scalar?.string == "0.1")
        #expect(edited["investment"]?["eta"]?.scalar?.string == "1")
    }

    @Test("an unknown item is told with the closest id and the known ones")
    func unknownItem() throws {
        #expect(throws: ScenarioValuePathError.noSuchItem(list: "shocks", name: "chip-import", available: ["chip-imports", "soy"])) {
            try set("shocks.chip-import.magnitude", to: "1")
        }
        let message = ScenarioValuePathError.noSuchItem(list: "shocks", name: "chip-import", available: ["chip-imports", "soy"])
            .description
        #expect(message.contains("did you mean `chip-imports`"))
    }

    @Test("a position beyond the list, a section and a scalar with fields are refused")
    func refusesWrongShapes() throws {
        #expect(throws: ScenarioValuePathError.noSuchPosition(list: "shocks", index: 5, count: 2)) { try set("shocks[5].magnitude", to: "1") }
        #expect(throws: ScenarioValuePathError.notANumber(path: "investment", found: "a section")) { try set("investment", to: "1") }
        #expect(throws: ScenarioValuePathError.notASection(path: "investment.eta")) { try set("investment.eta.x", to: "1") }
        #expect(throws: ScenarioValuePathError.noSuchPosition(list: "priorities", index: 0, count: 0)) {
            try set("priorities[0].tilt", to: "1")
        }
    }
}
