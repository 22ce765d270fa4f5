import Foundation
import ShockFlowTestSupport
import Testing

/// Mutates valid inputs — scenario files (the shipped ones and one written like them on the two-region
/// test economy), a sweep file, SALib problem and sample files, an economy folder, the result folders
/// `compare` and `report` read, the output paths — and runs the built binary on each mutant: it must
/// never crash (exit by a signal), never hang (a timeout per command), and never succeed on an input it
/// must refuse, or on one `validate` refuses. A failing command must say why and leave no output behind;
/// a run killed mid-write must leave no folder that looks complete, and the next run must clean up. The
/// cases are drawn from one committed seed, so a failure names a case that replays exactly
/// (`SHOCKFLOW_FUZZ_CASE=N swift test --skip-build --filter FuzzTests`). About 340 cases, two at a time.
@Suite struct FuzzTests {
    static let seed: UInt64 = 0x5EED_2026
    /// Generous: a loaded machine runs the debug binary several times slower than an idle one.
    static let timeout: TimeInterval = 60
    /// Root reads files whatever their mode: the unreadable-file cases are left out then.
    static let canMakeFilesUnreadable = getuid() != 0

    @Test func mutatedInputsAreRefusedCleanly() throws {
        let base = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        let reference = try FuzzReference(in: base)
        var mutator = Mutator(random: SplitMix64(seed: Self.seed))
        let cases = FuzzCaseCatalog(reference: reference).cases(mutator: &mutator)
        let environment = ProcessInfo.processInfo.environment
        // SHOCKFLOW_FUZZ_LIST=1 lists the cases; SHOCKFLOW_FUZZ_CASE=N runs case N alone (to replay a failure).
        if environment["SHOCKFLOW_FUZZ_LIST"] != nil {
            for (number, fuzzCase) in cases.enumerated() { print("case \(number) \(fuzzCase.name)") }
        }
        var numbers = Array(cases.indices)
        if let only = environment["SHOCKFLOW_FUZZ_CASE"].flatMap(Int.init), cases.indices.contains(only) {
            numbers = [only]
        }
        let started = Date()
        let problems = Self.run(numbers.map { ($0, cases[$0]) }, in: base)
        let seconds = Date().timeIntervalSince(started)
        print("fuzz: \(numbers.count) cases in \(String(format: "%.1f", seconds)) s, \(problems.count) problems")
        #expect(cases.count >= 250)
        let listing = problems.prefix(40).joined(separator: "\n")
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(listing)")
    }

    /// Runs the cases (with their numbers) two at a time, each in its own folder, and returns every problem found.
    static func run(_ cases: [(number: Int, fuzzCase: FuzzCase)], in base: URL) -> [String] {
        let lock = NSLock()
        nonisolated(unsafe) var next = 0
        nonisolated(unsafe) var problems: [String] = []
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while true {
                let index: Int = lock.withLock {
                    defer { next += 1 }
                    return next
                }
                guard index < cases.count else { return }
                let found = run(cases[index].fuzzCase, number: cases[index].number, in: base)
                lock.withLock { problems += found }
            }
        }
        return problems
    }

    static func run(_ fuzzCase: FuzzCase, number: Int, in base: URL) -> [String] {
        let folder = base.appendingPathComponent("case-\(number)")
        defer {
            chmod(folder.path, 0o755)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                chmod(folder.appendingPathComponent(name).path, 0o755)
            }
            try? FileManager.default.removeItem(at: folder)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try fuzzCase.prepare(folder)
            var outcomes: [FuzzOutcome] = []
            for (index, command) in fuzzCase.commands.enumerated() {
                var killAfter: Double?
                if index == 0, case .killed(let after) = fuzzCase.oracle { killAfter = after }
                outcomes.append(try FuzzProcess.run(command.arguments, in: folder, timeout: timeout, killAfter: killAfter))
            }
            return fuzzCase.problems(outcomes, in: folder).map { "case \(number) \($0)" }
        } catch {
            return ["case \(number) \(fuzzCase.name): could not be set up: \(error)"]
        }
    }
}

/// Valid inputs made once per test run: the result folder of a run, and a sample and its outputs.
struct FuzzReference: Sendable {
    let base: URL
    /// A run of `FuzzInputs.scenario` (12 quarters, the dynamic model).
    let run: URL
    let samples: String
    let outputs: String

    init(in base: URL) throws {
        self.base = base
        let reference = base.appendingPathComponent("reference")
        try FileManager.default.createDirectory(at: reference, withIntermediateDirectories: true)
        try FuzzCaseCatalog.writeScenarioInputs(to: reference)
        let made = try CommandRunner.run(["run", "scenario.yaml", "--out", "run", "--quiet"], in: reference)
        guard made.exitCode == 0 else { throw FuzzSetupError(message: "the reference run failed: \(made.standardError)") }
        run = reference.appendingPathComponent("run")
        try Data("a 0 1\nb 0.5 2 NA logunif\n".utf8).write(to: reference.appendingPathComponent("ab.txt"))
        let sample = try CommandRunner.run(["sensitivity", "sample", "saltelli", "-p", "ab.txt", "-n", "8"], in: reference)
        guard sample.exitCode == 0 else { throw FuzzSetupError(message: "the reference sample failed: \(sample.standardError)") }
        samples = sample.standardOutput
        outputs = sample.standardOutput.split(separator: "\n").map { line in
            let x = line.split(separator: " ").compactMap { Double($0) }
            return String((x.first ?? 0) + 2 * (x.last ?? 0))
        }.joined(separator: "\n") + "\n"
    }
}

struct FuzzSetupError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
