import Foundation
import ShockFlowTestSupport

/// Draws the fuzz cases: for each kind of input, mutations that must be refused and random edits that
/// must leave `validate` and the command that reads the file agreeing.
struct FuzzCaseCatalog {
    let reference: FuzzReference

    /// The economy folder (as `economy`) and `FuzzInputs.scenario` (as `scenario.yaml`) in `folder`.
    static func writeScenarioInputs(to folder: URL, scenario: String = FuzzInputs.scenario) throws {
        try FileManager.default.copyItem(atPath: FuzzInputs.economy, toPath: folder.appendingPathComponent("economy").path)
        try Data(scenario.utf8).write(to: folder.appendingPathComponent("scenario.yaml"))
    }

    static func write(_ bytes: [UInt8], _ name: String, in folder: URL) throws {
        try Data(bytes).write(to: folder.appendingPathComponent(name))
    }

    /// Replaces a file by a folder of the same name.
    static func replaceWithFolder(_ name: String, in folder: URL) throws {
        let path = folder.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: path)
        try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
    }

    static func makeUnreadable(_ name: String, in folder: URL) {
        chmod(folder.appendingPathComponent(name).path, 0)
    }

    func cases(mutator: inout Mutator) -> [FuzzCase] {
        var cases: [FuzzCase] = []
        cases += scenarioCases(&mutator)
        cases += shippedScenarioCases(&mutator)
        cases += sweepCases(&mutator)
        cases += problemCases(&mutator)
        cases += analyzeCases(&mutator)
        cases += economyCases(&mutator)
        cases += resultCases(&mutator)
        cases += outputPathCases()
        cases += killedCases(&mutator)
        return cases
    }

    // MARK: Scenario files

    private func scenarioCases(_ mutator: inout Mutator) -> [FuzzCase] {
        let commands = [FuzzCase.Command(["validate", "scenario.yaml"]), .init(["run", "scenario.yaml", "--out", "out", "--quiet"], output: "out")]
        var cases: [FuzzCase] = []
        for _ in 0..<45 {
            let (name, bytes) = mutator.refusedYAML(FuzzInputs.scenario, bounded: FuzzInputs.boundedScenarioFields)
            cases.append(FuzzCase(name: "scenario, \(name)", oracle: .refused, commands: commands) { folder in
                try Self.writeScenarioInputs(to: folder)
                try Self.write(bytes, "scenario.yaml", in: folder)
            })
        }
        for _ in 0..<45 {
            let (name, bytes) = mutator.randomEdit(FuzzInputs.scenario)
            cases.append(FuzzCase(name: "scenario, \(name)", oracle: .consistent, commands: commands) { folder in
                try Self.writeScenarioInputs(to: folder)
                try Self.write(bytes, "scenario.yaml", in: folder)
            })
        }
        cases.append(FuzzCase(name: "scenario, a folder in its place", oracle: .refused, commands: commands) { folder in
            try Self.writeScenarioInputs(to: folder)
            try Self.replaceWithFolder("scenario.yaml", in: folder)
        })
        cases.append(FuzzCase(name: "scenario, 11 MB", oracle: .refused, commands: commands) { folder in
            try Self.writeScenarioInputs(to: folder)
            let padding = String(repeating: "# " + String(repeating: "x", count: 98) + "\n", count: 115_000)
            try Self.write(Array((FuzzInputs.scenario + padding).utf8), "scenario.yaml", in: folder)
        })
        if FuzzTests.canMakeFilesUnreadable {
            cases.append(FuzzCase(name: "scenario, unreadable", oracle: .refused, commands: commands) { folder in
                try Self.writeScenarioInputs(to: folder)
                Self.makeUnreadable("scenario.yaml", in: folder)
            })
        }
        return cases
    }

    /// The shipped scenarios on china-2017 (validate only: a run takes seconds).
    private func shippedScenarioCases(_ mutator: inout Mutator) -> [FuzzCase] {
        let names = ["chip-export-controls", "five-year-plan-baseline", "rare-earth-export-restrictions", "soybean-import-shock", "tech-decoupling"]
        var cases: [FuzzCase] = []
        for _ in 0..<8 {
            let name = mutator.pick(names)
            guard let text = try? String(contentsOf: FuzzInputs.shippedScenarios.appendingPathComponent(name + ".yaml"), encoding: .utf8)
            else { continue }
            var bounded: [(written: String, refused: [String])] = [("schema_version: 1", ["1e308", "2", "-1"])]
            if let magnitude = text.firstMatch(of: /magnitude: [0-9.]+/) {
                bounded.append((String(magnitude.output), ["1e308", "1.5", "-1e308"]))
            }
            if let tilt = text.firstMatch(of: /tilt: [0-9.]+/) { bounded.append((String(tilt.output), ["1e308", "6"])) }
            let (mutation, bytes) = mutator.refusedYAML(text, bounded: bounded)
            cases.append(FuzzCase(name: "\(name).yaml, \(mutation)", oracle: .refused, commands: [.init(["validate", "s.yaml"])]) { folder in
                try Self.write(bytes, "s.yaml", in: folder)
            })
        }
        return cases
    }

    // MARK: Sweep files

    private func sweepCases(_ mutator: inout Mutator) -> [FuzzCase] {
        let commands = [
            FuzzCase.Command(["validate", "sweep.yaml"]),
            .init(["sweep", "sweep.yaml", "--out", "out", "--quiet"], output: "out"),
        ]
        func prepare(_ bytes: [UInt8]) -> @Sendable (URL) throws -> Void {
            { folder in
                try FileManager.default.copyItem(atPath: FuzzInputs.economy, toPath: folder.appendingPathComponent("economy").path)
                try Self.write(bytes, "sweep.yaml", in: folder)
            }
        }
        var cases: [FuzzCase] = []
        for _ in 0..<30 {
            let (name, bytes) = mutator.refusedYAML(FuzzInputs.sweep, bounded: FuzzInputs.boundedSweepFields)
            cases.append(FuzzCase(name: "sweep, \(name)", oracle: .refused, commands: commands, prepare: prepare(bytes)))
        }
        for _ in 0..<25 {
            let (name, bytes) = mutator.randomEdit(FuzzInputs.sweep)
            cases.append(FuzzCase(name: "sweep, \(name)", oracle: .consistent, commands: commands, prepare: prepare(bytes)))
        }
        return cases
    }

    // MARK: SALib files

    private func problemCases(_ mutator: inout Mutator) -> [FuzzCase] {
        let commands = [
            FuzzCase.Command(["validate", "problem.txt"]),
            .init(["sensitivity", "sample", "saltelli", "-p", "problem.txt", "-n", "8"]),
            .init(["sensitivity", "sample", "morris", "-p", "problem.txt", "-n", "4"]),
            .init(["sensitivity", "sample", "latin", "-p", "problem.txt", "-n", "8"]),
        ]
        var cases: [FuzzCase] = []
        for _ in 0..<25 {
            let (name, bytes) = mutator.refusedProblem(FuzzInputs.problem)
            cases.append(FuzzCase(name: "problem file, \(name)", oracle: .refused, commands: commands) { folder in
                try Self.write(bytes, "problem.txt", in: folder)
            })
        }
        for _ in 0..<25 {
            let (name, bytes) = mutator.randomEdit(FuzzInputs.problem)
            cases.append(FuzzCase(name: "problem file, \(name)", oracle: .consistent, commands: commands) { folder in
                try Self.write(bytes, "problem.txt", in: folder)
            })
        }
        return cases
    }

    /// Samples and outputs given to `analyze`: NaN, text, a value missing, a run missing.
    private func analyzeCases(_ mutator: inout Mutator) -> [FuzzCase] {
        let commands = ["sobol", "latin"].map { method in
            FuzzCase.Command(["sensitivity", "analyze", method, "-p", "ab.txt", "-X", "X.txt", "-Y", "Y.txt"])
        }
        var cases: [FuzzCase] = []
        for _ in 0..<12 {
            let inY = mutator.below(2) == 0
            var lines = (inY ? reference.outputs : reference.samples).split(separator: "\n").map(String.init)
            let row = mutator.below(lines.count)
            let name: String
            switch mutator.below(3) {
            case 0:
                let value = mutator.pick(["nan", "inf", "x", "1e999", "-inf"])
                var values = lines[row].split(separator: " ").map(String.init)
                values[mutator.below(values.count)] = value
                lines[row] = values.joined(separator: " ")
                name = "line \(row + 1) → \(value)"
            case 1:
                lines.remove(at: row)
                name = "line \(row + 1) deleted"
            default:
                lines[row] = inY ? lines[row] + " 1" : String(lines[row].prefix { $0 != " " })
                name = "line \(row + 1) ragged"
            }
            let (samples, outputs) = inY
                ? (reference.samples, lines.joined(separator: "\n") + "\n") : (lines.joined(separator: "\n") + "\n", reference.outputs)
            cases.append(FuzzCase(name: "analyze, \(inY ? "Y" : "X"): \(name)", oracle: .refused, commands: commands) { folder in
                try Self.write(Array("a 0 1\nb 0.5 2 NA logunif\n".utf8), "ab.txt", in: folder)
                try Self.write(Array(samples.utf8), "X.txt", in: folder)
                try Self.write(Array(outputs.utf8), "Y.txt", in: folder)
            })
        }
        return cases
    }

    // MARK: Economy folders

    private func economyCases(_ mutator: inout Mutator) -> [FuzzCase] {
        let commands = [
            FuzzCase.Command(["economy", "check", "economy"]), .init(["validate", "scenario.yaml"]),
            .init(["run", "scenario.yaml", "--out", "out", "--quiet"], output: "out"),
        ]
        let csvFiles = ["Z.csv", "x.csv", "Y.csv", "imports.csv", "va.csv"]
        let manifestFields: [(written: String, refused: [String])] = [
            ("code: north", ["[a, b]", "{x: 1}", "code: south", "code: "]), ("year: 2017", [".nan", "[1]"]),
        ]
        var cases: [FuzzCase] = []
        for _ in 0..<30 {
            let choice = mutator.below(FuzzTests.canMakeFilesUnreadable ? 10 : 9)
            let name: String
            let mutate: @Sendable (URL) throws -> Void
            switch choice {
            case 0..<5:
                let file = mutator.pick(csvFiles)
                let text = (try? String(contentsOfFile: FuzzInputs.economy + "/" + file, encoding: .utf8)) ?? ""
                let (mutation, bytes) = mutator.refusedEconomyCSV(text)
                name = "\(file), \(mutation)"
                mutate = { folder in try Self.write(bytes, "economy/" + file, in: folder) }
            case 5, 6:
                let text = (try? String(contentsOfFile: FuzzInputs.economy + "/economy.yaml", encoding: .utf8)) ?? ""
                let (mutation, bytes) = mutator.refusedYAML(text, bounded: manifestFields)
                name = "economy.yaml, \(mutation)"
                mutate = { folder in try Self.write(bytes, "economy/economy.yaml", in: folder) }
            case 7, 8:
                let file = mutator.pick(["Z.csv", "x.csv", "Y.csv", "va.csv", "imports.csv", "economy.yaml"])
                name = "a folder in place of \(file)"
                mutate = { folder in try Self.replaceWithFolder("economy/" + file, in: folder) }
            default:
                let file = mutator.pick(["Z.csv", "x.csv", "economy.yaml"])
                name = "\(file) unreadable"
                mutate = { folder in Self.makeUnreadable("economy/" + file, in: folder) }
            }
            cases.append(FuzzCase(name: "economy folder, \(name)", oracle: .refused, commands: commands) { folder in
                try Self.writeScenarioInputs(to: folder)
                try mutate(folder)
            })
        }
        // Random edits: the economy may still be valid; `economy check` decides, and `run` may succeed
        // only when the check passes (run refuses what the check refuses).
        let checkedCommands = [commands[0], commands[2]]
        for _ in 0..<15 {
            let file = mutator.pick(csvFiles + ["economy.yaml"])
            let text = (try? String(contentsOfFile: FuzzInputs.economy + "/" + file, encoding: .utf8)) ?? ""
            let (mutation, bytes) = mutator.randomEdit(text)
            cases.append(FuzzCase(name: "economy folder, \(file): \(mutation)", oracle: .consistent, commands: checkedCommands) { folder in
                try Self.writeScenarioInputs(to: folder)
                try Self.write(bytes, "economy/" + file, in: folder)
            })
        }
        return cases
    }

    // MARK: Result folders

    private func resultCases(_ mutator: inout Mutator) -> [FuzzCase] {
        let report = FuzzCase.Command(["report", "b", "--out", "r.html"], output: "r.html")
        func compare(_ level: String?) -> FuzzCase.Command {
            FuzzCase.Command(["compare", "a", "b"] + (level.map { ["--level", $0] } ?? []))
        }
        // Each file with its number columns, whether it has periods, and the commands that read it.
        let files: [(name: String, numbers: [Int], periods: Bool, commands: [FuzzCase.Command])] = [
            ("cells.csv", [4, 5, 6, 7], true, [compare(nil), report]),
            ("regions.csv", [3, 4, 5, 6], true, [compare("regions"), report]),
            ("sectors.csv", [3, 4, 5, 6], true, [compare("sectors"), report]),
            ("products.csv", [3, 4, 5, 6], true, [compare("products")]),
            ("weights.csv", [3, 4], true, [report]),
            ("summary.csv", [1], false, [compare("summary"), report]),
        ]
        let run = reference.run
        func prepare(_ mutate: @escaping @Sendable (URL) throws -> Void) -> @Sendable (URL) throws -> Void {
            { folder in
                try FileManager.default.copyItem(at: run, to: folder.appendingPathComponent("a"))
                try FileManager.default.copyItem(at: run, to: folder.appendingPathComponent("b"))
                try mutate(folder)
            }
        }
        var cases: [FuzzCase] = []
        for _ in 0..<45 {
            let file = mutator.pick(files)
            let choice = mutator.below(FuzzTests.canMakeFilesUnreadable ? 9 : 8)
            switch choice {
            case 0..<6:
                let text = (try? String(contentsOf: run.appendingPathComponent(file.name), encoding: .utf8)) ?? ""
                let (mutation, bytes) = mutator.refusedCSV(text, numberColumns: file.numbers, lineBreakCut: file.periods)
                cases.append(FuzzCase(name: "results, \(file.name): \(mutation)", oracle: .refused, commands: file.commands, prepare: prepare { folder in
                    try Self.write(bytes, "b/" + file.name, in: folder)
                }))
            case 6:
                let manifest = (try? String(contentsOf: run.appendingPathComponent("manifest.json"), encoding: .utf8)) ?? ""
                let (mutation, bytes): (String, [UInt8]) = mutator.pick([
                    ("cut", Array(manifest.utf8.prefix(manifest.utf8.count / 2))), ("not JSON", Array("not json".utf8)),
                    ("a list", Array("[1, 2]".utf8)), ("another command", Array("{\"command\": \"economy analyze\"}".utf8)),
                ])
                cases.append(FuzzCase(
                    name: "results, manifest.json: \(mutation)", oracle: .refused, commands: [compare(nil), report],
                    prepare: prepare { folder in try Self.write(bytes, "b/manifest.json", in: folder) }))
            case 7:
                cases.append(FuzzCase(name: "results, a folder in place of \(file.name)", oracle: .refused, commands: file.commands, prepare: prepare { folder in
                    try Self.replaceWithFolder("b/" + file.name, in: folder)
                }))
            default:
                cases.append(FuzzCase(name: "results, \(file.name) unreadable", oracle: .refused, commands: file.commands, prepare: prepare { folder in
                    Self.makeUnreadable("b/" + file.name, in: folder)
                }))
            }
        }
        for _ in 0..<20 {
            let file = mutator.pick(files)
            let text = (try? String(contentsOf: run.appendingPathComponent(file.name), encoding: .utf8)) ?? ""
            let (mutation, bytes) = mutator.randomEdit(text)
            cases.append(FuzzCase(name: "results, \(file.name): \(mutation)", oracle: .robust, commands: file.commands, prepare: prepare { folder in
                try Self.write(bytes, "b/" + file.name, in: folder)
            }))
        }
        return cases
    }

    // MARK: Output paths

    private func outputPathCases() -> [FuzzCase] {
        let run = reference.run
        let inputs: @Sendable (URL) throws -> Void = { folder in
            try Self.writeScenarioInputs(to: folder)
            try Self.write(Array(FuzzInputs.sweep.utf8), "sweep.yaml", in: folder)
            try FileManager.default.copyItem(at: run, to: folder.appendingPathComponent("a"))
            try Self.write(Array("in the way\n".utf8), "file", in: folder)
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("folder"), withIntermediateDirectories: true)
        }
        var cases = [
            FuzzCase(name: "run --out a file", oracle: .refused, commands: [.init(["run", "scenario.yaml", "--out", "file", "--quiet"])], prepare: inputs),
            FuzzCase(name: "sweep --out a file", oracle: .refused, commands: [.init(["sweep", "sweep.yaml", "--out", "file", "--quiet"])], prepare: inputs),
            FuzzCase(name: "report --out a folder", oracle: .refused, commands: [.init(["report", "a", "--out", "folder"])], prepare: inputs),
            FuzzCase(name: "compare --out a folder", oracle: .refused, commands: [.init(["compare", "a", "a", "--out", "folder"])], prepare: inputs),
            FuzzCase(name: "economy analyze --out a file", oracle: .refused, commands: [.init(["economy", "analyze", "economy", "--out", "file"])], prepare: inputs),
            FuzzCase(name: "run --out inside a file", oracle: .refused, commands: [.init(["run", "scenario.yaml", "--out", "file/out", "--quiet"])], prepare: inputs),
        ]
        if FuzzTests.canMakeFilesUnreadable {
            cases.append(FuzzCase(name: "run --out in a read-only folder", oracle: .refused, commands: [
                .init(["run", "scenario.yaml", "--out", "folder/out", "--quiet"], output: "folder/out"),
            ]) { folder in
                try inputs(folder)
                chmod(folder.appendingPathComponent("folder").path, 0o555)
            })
        }
        return cases
    }

    // MARK: Runs killed mid-write

    private func killedCases(_ mutator: inout Mutator) -> [FuzzCase] {
        // A long horizon, so that the tables take a while to write.
        let scenario = FuzzInputs.scenario.replacingOccurrences(of: "periods: 12", with: "periods: 400")
        var cases: [FuzzCase] = []
        for _ in 0..<8 {
            let delay = mutator.delay(0.02...0.4)
            cases.append(FuzzCase(
                name: "run killed after \(String(format: "%.3f", delay)) s", oracle: .killed(after: delay),
                commands: [.init(["run", "scenario.yaml", "--out", "out", "--quiet"], output: "out"),
                           .init(["run", "scenario.yaml", "--out", "out", "--quiet"], output: "out")]
            ) { folder in try Self.writeScenarioInputs(to: folder, scenario: scenario) })
        }
        for _ in 0..<2 {
            let delay = mutator.delay(0.05...0.5)
            cases.append(FuzzCase(
                name: "sweep killed after \(String(format: "%.3f", delay)) s", oracle: .killed(after: delay),
                commands: [.init(["sweep", "sweep.yaml", "--out", "out", "--batch", "1", "--quiet"], output: "out"),
                           .init(["sweep", "sweep.yaml", "--out", "out", "--batch", "1", "--resume", "--quiet"], output: "out")]
            ) { folder in
                try FileManager.default.copyItem(atPath: FuzzInputs.economy, toPath: folder.appendingPathComponent("economy").path)
                try Self.write(Array(FuzzInputs.sweep.utf8), "sweep.yaml", in: folder)
            })
        }
        return cases
    }
}
