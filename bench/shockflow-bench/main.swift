// shockflow-bench: kernels timed through ShockFlow's own Swift wrappers, for bench/run.sh.
//   shockflow-bench kernel                 the OpenBLAS kernel in use
//   shockflow-bench dgemm N REPS           GFLOP/s of Matrix.gemm at n×n (median of REPS)
//   shockflow-bench solve N NRHS REPS      seconds to factor I − A once and solve NRHS demand vectors (median)
//   shockflow-bench china-build REPS       seconds to build china-2017 from the shipped inputs (median)
//   shockflow-bench lockstep SCENARIO N    N variants of a dynamic scenario (its first shock's magnitude
//                                          spread over [0.5, 1.5]×) in one lockstep batch, then one by one
//   shockflow-bench sweep SWEEP K [BATCH [WORKERS]]
//                                          runs/s of a sweep's execution: all runs in lockstep batches (default:
//                                          `shockflow sweep`'s --batch) on 2 workers (or WORKERS, as --workers), then
//                                          about K of its runs one at a time (batches of 1) on 1 worker and on 2
//                                          (planning and loading excluded from all three)
//   shockflow-bench china-perturbation SEEDS
//                                          perturbed china-2017 tables (docs/china-2017.md, "Perturbed tables"): for
//                                          c = 0.05, 0.15, 0.2, 0.3, 0.5 and seeds 1…SEEDS, the relative L1 difference of the
//                                          inter-provincial flows and of Z from the default table (mean, min, max) and
//                                          the seconds of one in-memory build of the table (median)
//   shockflow-bench sweep-phases SWEEP [WORKERS [BATCH]]
//                                          one whole sweep through `SweepRunner` (as `shockflow sweep`, default workers
//                                          and batch): seconds of loading and planning, of execution (to the last
//                                          batch) and of writing the folder, and the count, wall and CPU seconds of
//                                          the workers' table builds, model factorisations and batches (summed over threads)
//   shockflow-bench sha256 FILE REPS       seconds to hash FILE as manifests do (`SHA256.hex(ofFileAt:)`, median
//                                          of REPS after one warm-up read), MB/s and the digest
//   shockflow-bench prices-cost SCENARIO ROUNDS
//                                          what the price model costs a run of a dynamic scenario, like for like in
//                                          this build: per round (interleaved), the whole `shockflow run` pipeline
//                                          (`ScenarioRunner.run`: load, run, prices, write), the price computation alone
//                                          (`RunPriceComputation.dynamic`) and the results folder written with and
//                                          without the prices (their tables and summary rows); medians of wall and
//                                          process CPU seconds, and the price work's share of the rest of the run
//   shockflow-bench ario DAYS N            seconds of an ARIO run on china-2017 (half of Guangdong's electronics
//                                          capacity lost on day 5 for 30 days, linear recovery over 30) for DAYS
//                                          days alone, then of N variants (the loss spread over [0.25, 0.75]) in one
//                                          lockstep batch, and the largest relative difference between the
//                                          batch's first column and the run alone
import Foundation
import ShockFlowEngine
import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowModel
import ShockFlowProcess

FastKernel.reexecuteIfNeeded()

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// I − A with A ≥ 0 and column sums 0.6: a well-conditioned Leontief matrix, as in real tables.
/// Wall and process CPU seconds (all threads) of `body`.
func wallAndCPUSeconds(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    func processCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
    let cpu = processCPU()
    let wall = try seconds(body)
    return (wall, processCPU() - cpu)
}

func leontiefMatrix(order n: Int) -> Matrix {
    var generator = SystemRandomNumberGenerator()
    var a = Matrix(rows: n, columns: n)
    for j in 0..<n {
        var column = (0..<n).map { _ in Double.random(in: 0..<1, using: &generator) }
        let sum = column.reduce(0, +)
        column = column.map { -0.6 * $0 / sum }
        column[j] += 1
        a.setColumn(j, to: column)
    }
    return a
}

let arguments = Array(CommandLine.arguments.dropFirst())
let numbers = arguments.dropFirst().compactMap { Int($0) }
switch (arguments.first, numbers.count) {
case ("kernel", _):
    print(BLASRuntime.coreName)
case ("dgemm", 2) where numbers.allSatisfy({ $0 > 0 }):
    let (n, reps) = (numbers[0], numbers[1])
    let a = Matrix(rows: n, columns: n, repeating: 0.5), b = Matrix(rows: n, columns: n, repeating: 0.25)
    var c = Matrix(rows: n, columns: n)
    try Matrix.gemm(a, b, into: &c)
    let times = try (0..<reps).map { _ in try seconds { try Matrix.gemm(a, b, into: &c) } }
    print(String(format: "GFLOPS %.2f", 2 * pow(Double(n), 3) / median(times) / 1e9))
case ("solve", 3) where numbers.allSatisfy({ $0 > 0 }):
    let (n, nrhs, reps) = (numbers[0], numbers[1], numbers[2])
    let m = leontiefMatrix(order: n)
    let demand = Matrix(rows: n, columns: nrhs, repeating: 1)
    let times = try (0..<reps).map { _ in try seconds { _ = try LUFactorization(m).solve(demand) } }
    print(String(format: "SECONDS %.5f", median(times)))
case ("china-build", 1) where numbers[0] > 0:
    let inputs = try ChinaMRIOBuilder.bundledInputsDirectory()
    let times = try (0..<numbers[0]).map { _ in try seconds { _ = try ChinaMRIOBuilder.build(inputs: inputs) } }
    print(String(format: "SECONDS %.3f", median(times)))
case ("lockstep", 1) where numbers[0] > 0:
    let document = ScenarioDocument(contentsOf: URL(fileURLWithPath: arguments[1]))
    let (resolved, loaded) = try document.resolveLoadingEconomy()
    let (model, base) = try ScenarioRun.planHorizonModel(for: resolved, economy: loaded.economy)
    let variants = (0..<numbers[0]).map { index -> Scenario in
        var variant = base
        variant.name = "\(base.name) #\(index)"
        if !variant.shocks.isEmpty {
            let factor = 0.5 + Double(index) / Double(max(1, numbers[0] - 1))
            variant.shocks[0].magnitude = min(1, variant.shocks[0].magnitude * factor)
        }
        return variant
    }
    BLASRuntime.setThreadCount(1)
    let lockstep = try seconds { _ = try model.run(variants) }
    let oneByOne = try seconds { for variant in variants { _ = try model.run([variant]) } }
    print(String(format: "LOCKSTEP %.3f ONE_BY_ONE %.3f", lockstep, oneByOne))
case ("sweep", 1...3) where numbers.allSatisfy({ $0 > 0 }):
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shockflow-bench-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    /// The runs of `shard` executed and the seconds from the end of planning to the last batch.
    func execute(batch: Int, workers: Int, shard: SweepShard) throws -> (runs: Int, seconds: Double) {
        final class Clock: @unchecked Sendable {
            let lock = NSLock()
            var planned = 0.0, finished = 0.0
            func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
        }
        let clock = Clock()
        var options = SweepRunner.Options()
        options.output = folder + "/\(batch)-\(workers)-\(shard.index)"
        (options.batchSize, options.workers, options.shard) = (batch, workers, shard)
        let outcome = try SweepRunner.run(sweepFile: arguments[1], options: options) { event in
            clock.lock.withLock {
                switch event {
                case .planned: clock.planned = clock.now()
                case .batch: clock.finished = clock.now()
                case .planning: break
                }
            }
        }
        return (outcome.runs, clock.finished - clock.planned)
    }
    let batched = try execute(
        batch: numbers.count > 1 ? numbers[1] : SweepRunner.Options().batchSize, workers: numbers.count > 2 ? numbers[2] : 2,
        shard: .whole)
    let stride = max(1, batched.runs / numbers[0])
    let serial = try execute(batch: 1, workers: 1, shard: SweepShard(index: 0, count: stride))
    let pair = try execute(batch: 1, workers: 2, shard: SweepShard(index: 0, count: stride))
    print(String(
        format: "BATCHED %d %.3f ONE_AT_A_TIME %d %.3f ONE_AT_A_TIME_2 %d %.3f", batched.runs, batched.seconds, serial.runs,
        serial.seconds, pair.runs, pair.seconds))
case ("china-perturbation", 1) where numbers[0] > 0:
    let inputs = try ChinaBuildInputs.read(directory: ChinaMRIOBuilder.bundledInputsDirectory())
    let base = try ChinaMRIOBuilder.buildEconomy(inputs, construction: ConstructionOptions())
    /// Inter-provincial flows by (origin cell, destination region): Z and domestic final demand off the diagonal blocks.
    func trade(_ economy: Economy) -> [Double] {
        let regions = economy.regionCount
        var flows = [Double](repeating: 0, count: economy.cellCount * regions)
        for column in 0..<economy.cellCount {
            let d = economy.cell(column).region
            for row in 0..<economy.cellCount where economy.cell(row).region != d {
                flows[row * regions + d] += economy.intermediateFlows[row, column]
            }
        }
        for (column, label) in economy.finalDemandColumns.enumerated() {
            for row in 0..<economy.cellCount where economy.cell(row).region != label.region {
                flows[row * regions + label.region] += economy.finalDemand[row, column]
            }
        }
        return flows
    }
    func relativeL1(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + abs($1.0 - $1.1) } / b.reduce(0) { $0 + abs($1) }
    }
    let baseTrade = trade(base)
    for cv in [0.05, 0.15, 0.2, 0.3, 0.5] {
        var tradeL1: [Double] = [], flowsL1: [Double] = [], times: [Double] = []
        for seed in 1...numbers[0] {
            var economy = base
            times.append(try seconds {
                economy = try ChinaMRIOBuilder.buildEconomy(
                    inputs, construction: ConstructionOptions(perturbationCoefficientOfVariation: cv, perturbationSeed: UInt64(seed)))
            })
            tradeL1.append(relativeL1(trade(economy), baseTrade))
            flowsL1.append(relativeL1(economy.intermediateFlows.elements, base.intermediateFlows.elements))
        }
        print(String(
            format: "CV %.2f TRADE_L1 %.4f %.4f %.4f Z_L1 %.4f %.4f %.4f BUILD_SECONDS %.3f", cv,
            tradeL1.reduce(0, +) / Double(tradeL1.count), tradeL1.min() ?? 0, tradeL1.max() ?? 0,
            flowsL1.reduce(0, +) / Double(flowsL1.count), flowsL1.min() ?? 0, flowsL1.max() ?? 0, median(times)))
    }
case ("sweep-phases", 0...2) where arguments.count >= 2 && numbers.allSatisfy({ $0 > 0 }):
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shockflow-bench-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    final class Clock: @unchecked Sendable {
        let lock = NSLock()
        var planned = 0.0, finished = 0.0
        func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    }
    let clock = Clock()
    var options = SweepRunner.Options()
    options.output = folder + "/out"
    if numbers.count > 0 { options.workers = numbers[0] }
    if numbers.count > 1 { options.batchSize = numbers[1] }
    let start = clock.now()
    let outcome = try SweepRunner.run(sweepFile: arguments[1], options: options) { event in
        clock.lock.withLock {
            switch event {
            case .planned: clock.planned = clock.now()
            case .batch: clock.finished = clock.now()
            case .planning: break
            }
        }
    }
    let end = clock.now()
    print(String(
        format: "RUNS %d WORKERS %d WALL %.2f PLANNING %.2f EXECUTION %.2f WRITING %.2f", outcome.runs, options.workers, end - start,
        clock.planned - start, clock.finished - clock.planned, end - clock.finished))
    for kind in SweepTaskKind.allCases {
        let time = outcome.taskTimes[kind] ?? SweepTaskTime()
        print(String(format: "%@ %d WALL %.2f CPU %.2f", kind.rawValue.uppercased(), time.count, time.wallSeconds, time.cpuSeconds))
    }
case ("sha256", 1) where arguments.count == 3 && numbers[0] > 0:
    let path = arguments[1]
    guard var digest = SHA256.hex(ofFileAt: path) else {
        FileHandle.standardError.write(Data("shockflow-bench: cannot read \(path)\n".utf8))
        exit(1)
    }
    let times = (0..<numbers[0]).map { _ in seconds { digest = SHA256.hex(ofFileAt: path) ?? "" } }
    let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    print(String(format: "SECONDS %.4f MB_PER_S %.0f ", median(times), Double(bytes) / median(times) / 1e6) + digest)
case ("ario", 2) where numbers.allSatisfy({ $0 > 0 }):
    let (days, count) = (numbers[0], numbers[1])
    let economy = try EconomyLoader.load("china-2017").economy
    let model = try ARIOModel(economy: economy)
    guard let guangdong = economy.regions.firstIndex(where: { $0.code == "CN-GD" }),
        let electronics = economy.sectors.firstIndex(where: { $0.code == "20" })
    else { fatalError("china-2017 has no CN-GD or no sector 20") }
    func scenario(_ share: Double) -> ARIOScenario {
        ARIOScenario(name: "loss \(share)", events: [
            ARIOEvent(
                id: "guangdong electronics", kind: .capacityLoss(recovery: ARIORecovery(.linear, tau: 30)), amount: share,
                regions: [guangdong], sectors: [electronics], occurrence: 5, duration: 30),
        ])
    }
    var alone = Matrix(rows: 0, columns: 0), together = Matrix(rows: 0, columns: 0)
    let single = try seconds { try model.run([scenario(0.5)], days: days) { alone = $0.production } }
    let variants = (0..<count).map { scenario(count == 1 ? 0.5 : 0.5 + 0.5 * (Double($0) / Double(count - 1) - 0.5)) }
    let batch = try seconds { try model.run([scenario(0.5)] + variants.dropFirst(), days: days) { together = $0.production } }
    let difference = (0..<alone.rows).map { abs(together[$0, 0] - alone[$0, 0]) / max(abs(alone[$0, 0]), 1e-300) }.max() ?? 0
    print(String(format: "SINGLE %.3f LOCKSTEP %d %.3f DIFFERENCE %.2e THREADS %d", single, count, batch, difference, BLASRuntime.threadCount))
case ("prices-cost", 1) where arguments.count == 3 && numbers[0] > 0:
    let (path, rounds) = (arguments[1], numbers[0])
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("shockflow-prices-cost-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: work) }
    let result = try ScenarioRunner.run(scenarioFile: path, outputFolder: work + "/warm-up").result
    guard case .dynamic = result.scenario.model, result.prices != nil else {
        FileHandle.standardError.write(Data("prices-cost: \(path) is not a dynamic-model scenario with prices\n".utf8))
        exit(2)
    }
    let rationing = try ScenarioRun.planHorizonModel(for: result.scenario, economy: result.economy).model.rationing
    let manifest = try RunManifest(
        command: "run", loaded: EconomyLoader.load(result.scenario.economy), parameters: [:], startedAt: Date())
    var withoutPrices = result
    withoutPrices.prices = nil
    var times: [String: [(wall: Double, cpu: Double)]] = [:]
    for round in 0..<rounds {
        let folder = work + "/round-\(round)"
        times["run", default: []].append(try wallAndCPUSeconds { _ = try ScenarioRunner.run(scenarioFile: path, outputFolder: folder + "-run") })
        times["computation", default: []].append(try wallAndCPUSeconds { _ = try RunPriceComputation.dynamic(result, rationing: rationing) })
        // Alternate which folder is written first, so that neither side always finds the caches warm.
        let order = round % 2 == 0 ? [("with", result), ("without", withoutPrices)] : [("without", withoutPrices), ("with", result)]
        for (label, written) in order {
            times["write " + label, default: []].append(try wallAndCPUSeconds { try RunResultsWriter.write(written, manifest: manifest, to: folder + "-" + label) })
        }
        try? FileManager.default.removeItem(atPath: work)
    }
    func medians(_ name: String) -> (wall: Double, cpu: Double) {
        let values = times[name] ?? []
        return (median(values.map(\.wall)), median(values.map(\.cpu)))
    }
    let (run, computation, with, without) = (medians("run"), medians("computation"), medians("write with"), medians("write without"))
    let price = (wall: computation.wall + with.wall - without.wall, cpu: computation.cpu + with.cpu - without.cpu)
    print(String(
        format: "RUN %.4f %.4f COMPUTATION %.4f %.4f WRITE_WITH %.4f %.4f WRITE_WITHOUT %.4f %.4f PRICES %.4f %.4f SHARE %.2f %.2f",
        run.wall, run.cpu, computation.wall, computation.cpu, with.wall, with.cpu, without.wall, without.cpu,
        price.wall, price.cpu, 100 * price.wall / (run.wall - price.wall), 100 * price.cpu / (run.cpu - price.cpu)))
default:
    FileHandle.standardError.write(
        Data("usage: shockflow-bench kernel | dgemm N REPS | solve N NRHS REPS | china-build REPS | china-perturbation SEEDS | lockstep SCENARIO N | sweep SWEEP K [BATCH [WORKERS]] | sweep-phases SWEEP [WORKERS [BATCH]] | sha256 FILE REPS | prices-cost SCENARIO ROUNDS | ario DAYS N\n".utf8))
    exit(2)
}
