import ArgumentParser
import Foundation
import ShockFlowFormats

/// `shockflow validate SCENARIO`: checks a scenario file against the schema and its economy. Writes no files.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario file against the schema and its economy.",
        discussion: """
            Exit status 0 when the file is valid (one summary line is printed), 1 when it is not: every \
            problem is listed on standard error as file:line:column: field: message.
            """)

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    func run() throws {
        let document = ScenarioDocument(contentsOf: URL(fileURLWithPath: scenario), shownAs: scenario)
        do {
            let (resolved, loaded) = try document.resolveLoadingEconomy()
            let size = (loaded.economy.regionCount, loaded.economy.sectorCount)
            print("\(scenario): valid — \(resolved.summary(economySize: size))")
        } catch {
            var report = error.problems.map(\.description)
            report.append(error.problems.count == 1 ? "1 problem" : "\(error.problems.count) problems")
            FileHandle.standardError.write(Data((report.joined(separator: "\n") + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
