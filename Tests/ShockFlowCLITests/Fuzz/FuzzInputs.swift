import Foundation
import ShockFlowTestSupport

/// The valid inputs the fuzz test mutates: a scenario written like the shipped ones (every section) on
/// the two-region test economy, the shipped scenarios themselves, a sweep file, a SALib problem file,
/// the economy folder, and the result folder of a run.
enum FuzzInputs {
    static let economy = Fixtures.path("economies/two-region")
    static let shippedScenarios = Fixtures.repository.appendingPathComponent("scenarios")

    static let scenario = """
        # Chips cut on the two-region test economy, written like the shipped scenarios (scenarios/*.yaml).
        schema_version: 1
        name: fuzz-chips
        description: >-
          A cut of imported chips with substitution by domestic manufacturing, a capacity ramp and a
          demand fall: every section of a shipped scenario, on the two-region test economy.
        economy: economy
        horizon: {periods: 12, period: quarter, seed: 3}
        investment:
          growth: 0.05
          gestation_lag: 4
          eta: 1
          lambda: 0.1
          regional_bounds:
            - {regions: north, minimum: 0.1, maximum: 0.9}
        critical_inputs:
          threshold: 0.05
          pairs:
            - {input: chips, from: imported, for: manu}
        strategic:
          - {sectors: manu, weight: 1}
        priorities:
          - {regions: south, sectors: manu, tilt: 0.5, reason: plan theme}
        substitution:
          - {product: chips, sector: manu, theta: 0.5}
        shocks:
          - {id: chips, kind: import, products: chips, share: 0.78, magnitude: 0.6,
             profile: {type: recovery, start: 1, half_life: 6}}
          - {id: plant, kind: capacity, regions: north, sectors: agri, magnitude: 0.2, profile: {type: ramp, start: 2, periods: 3}}
          - {id: demand, kind: demand, sectors: "*", categories: households, magnitude: -0.05, profile: {type: step, start: 0, end: 6}}

        """

    /// Fields of `scenario` with a bounded range, as written, and values each must refuse.
    static let boundedScenarioFields: [(written: String, refused: [String])] = [
        ("periods: 12", ["1e12", "0", "1001", "12.5", "-1"]),
        ("magnitude: 0.6", ["1e308", "1.5", "-1e308"]),
        ("share: 0.78", ["1e308", "2", "-0.1"]),
        ("theta: 0.5", ["1e308", "1.01"]),
        ("tilt: 0.5", ["1e308", "-6"]),
        ("gestation_lag: 4", ["1e12", "0", "41"]),
        ("eta: 1", ["1e308", "101"]),
        ("lambda: 0.1", ["1e308", "1.5"]),
        ("threshold: 0.05", ["1e308", "0"]),
        ("growth: 0.05", ["1e308", "-0.6"]),
        ("minimum: 0.1", ["1e308", "2"]),
        ("start: 1", ["1e12", "-1", "12"]),
        ("periods: 3", ["1e12", "0"]),
        ("end: 6", ["1e12", "-1"]),
        ("schema_version: 1", ["1e308", "2"]),
    ]

    static let sweep = """
        schema_version: 1
        name: fuzz-sweep
        scenario:
          schema_version: 1
          name: fuzz-sweep-base
          economy: economy
          horizon: {periods: 6}
          shocks:
            - {id: chips, kind: import, products: chips, magnitude: 0.6, profile: {type: recovery, start: 1, half_life: 4}}
          substitution:
            - {product: chips, sector: manu, theta: 0.5}
        design: {method: random, samples: 4, seed: 7, bootstrap_resamples: 50}
        parameters:
          - {path: shocks.chips.magnitude, name: cut, distribution: uniform, lower: 0.2, upper: 1}
          - {path: "substitution[0].theta", name: theta, distribution: triangular, lower: 0, mode: 0.5, upper: 1}
        outputs:
          - {summary: cumulative_value_added_loss}
          - {name: north_loss, metric: value_added, regions: north, statistic: cumulative_loss}

        """

    static let boundedSweepFields: [(written: String, refused: [String])] = [
        ("samples: 4", ["1e12", "0", "9223372036854775807", "1e308", "abc"]),
        ("seed: 7", ["-1", "1e308", ".nan"]),
        ("bootstrap_resamples: 50", ["1e12", "0", "1e308"]),
        ("lower: 0.2", [".nan", ".inf", "2"]),
        ("upper: 1}", ["-.inf}", "1e308}", "x}"]),
        ("magnitude: 0.6", ["1e308", ".nan"]),
        ("method: random", ["method: morris, levels: 1000000000000", "method: morris, levels: 3", "method: rand", "method: saltelli, second_order: 2"]),
        ("periods: 6", ["1e12", "0"]),
        ("distribution: uniform", ["distribution: normal", "distribution: gauss"]),
        ("path: shocks.chips.magnitude", ["path: shocks.chip.magnitude", "path: shocks.chips", "path: \"shocks[9].magnitude\""]),
        ("summary: cumulative_value_added_loss", ["summary: cumulative_value_added_los", "summary: note"]),
        ("metric: value_added", ["metric: valueadded", "metric: 1e308"]),
    ]

    static let problem = """
        # name        lower  upper  group  distribution  [more]
        cut           0.2    1
        theta         0      1      NA     triang        0.5
        eta           0.25   4      NA     logunif
        shortfall     0      1      NA     truncnorm     0.3 0.2
        level         0      1      NA     levels        5

        """

    static let boundedProblemFields: [(written: String, refused: [String])] = [
        ("levels        5", ["levels        1e12", "levels        1e308", "levels        1", "levels        2.5", "levels        nan"]),
        ("0.2    1", ["nan    1", "0.2    inf", "1e308    -1e308", "2    1", "0.2"]),
        ("truncnorm     0.3 0.2", ["truncnorm     0.3 -0.2", "truncnorm     nan 0.2", "truncnorm", "truncnorm     1e308 0 1"]),
        ("logunif", ["logunif 5", "lognormal", "NA NA"]),
        ("eta  ", ["cut  "]),
    ]
}

/// Mutations of file contents, drawn from a seeded generator so that every case can be replayed.
struct Mutator {
    var random: SplitMix64

    mutating func below(_ count: Int) -> Int { count <= 1 ? 0 : Int(random.next() % UInt64(count)) }

    mutating func pick<Element>(_ items: [Element]) -> Element { items[below(items.count)] }

    mutating func delay(_ range: ClosedRange<Double>) -> Double { range.lowerBound + random.nextUnit() * (range.upperBound - range.lowerBound) }

    /// A YAML edit that no reader may accept, whatever the file: a bounded field out of its range, a
    /// wrong type, NaN or infinity, a duplicate key, an alias bomb, deep nesting, an unknown key, bytes
    /// that are not UTF-8, an empty file or one that is not a mapping.
    mutating func refusedYAML(_ text: String, bounded: [(written: String, refused: [String])]) -> (name: String, bytes: [UInt8]) {
        let present = bounded.filter { text.contains($0.written) }
        let keyed = present.filter { $0.written.contains(": ") }
        func key(_ written: String) -> String { written.split(separator: ":").first.map(String.init) ?? written }
        switch below(10) {
        case 0, 1:
            let field = pick(present), value = pick(field.refused)
            let replacement = value.contains(":") || !field.written.contains(":") ? value : "\(key(field.written)): \(value)"
            return ("\(field.written) → \(replacement)", Array(text.replacingOccurrences(of: field.written, with: replacement).utf8))
        case 2:
            let field = pick(keyed)
            let value = pick(["\"0.5\"", "[1, 2]", "{a: 1}", ".nan", ".NaN", ".inf", "-.inf", "true", "~", "0x10", "nan", "1_000"])
            let edited = text.replacingOccurrences(of: field.written, with: "\(key(field.written)): \(value)")
            return ("\(key(field.written)): \(value)", Array(edited.utf8))
        case 3:
            let line = pick(text.split(separator: "\n").map(String.init).filter { $0.first?.isLetter == true && $0.contains(":") })
            return ("duplicate key \(line.prefix(24))", Array(text.replacingOccurrences(of: line + "\n", with: line + "\n" + line + "\n").utf8))
        case 4:
            let levels = pick([8, 12, 24])
            let bomb = (1...levels).map { level in
                "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]"
            }
            return ("alias bomb of \(levels) levels", Array((text + "l0: &l0 [lol]\n" + bomb.joined(separator: "\n") + "\n").utf8))
        case 5:
            let depth = pick([300, 3_000, 200_000])
            let field = pick(keyed)
            let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            return ("nesting \(depth) deep", Array(text.replacingOccurrences(of: field.written, with: "\(key(field.written)): \(nested)").utf8))
        case 6:
            return ("unknown key", Array((text + pick(["bogus: 1\n", "shock: []\n", "Name: x\n"])).utf8))
        case 7:
            var bytes = Array(text.utf8)
            bytes.insert(contentsOf: pick([[0xFF, 0xFE], [0xC3], [0x80, 0x80], [0xED, 0xA0, 0x80]]), at: below(bytes.count))
            return ("not UTF-8", bytes)
        case 8:
            return ("empty", Array(pick(["", "\n", "# only a comment\n", "---\n", "\u{0}"]).utf8))
        default:
            return ("not a mapping", Array(pick(["- a\n- b\n", "just text\n", "42\n", "[1, 2, 3]\n", "{}\n"]).utf8))
        }
    }

    /// A problem-file edit that must be refused: a value from `bounded`, or a whole-file problem.
    mutating func refusedProblem(_ text: String) -> (name: String, bytes: [UInt8]) {
        switch below(4) {
        case 0, 1, 2:
            let field = pick(FuzzInputs.boundedProblemFields)
            let value = pick(field.refused)
            return ("\(field.written) → \(value)", Array(text.replacingOccurrences(of: field.written, with: value).utf8))
        default:
            return ("empty", Array(pick(["", "# nothing\n", "\n\n"]).utf8))
        }
    }

    /// A random edit: it may or may not leave the file valid.
    mutating func randomEdit(_ text: String) -> (name: String, bytes: [UInt8]) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch below(7) {
        case 0:
            let cut = below(text.utf8.count)
            return ("cut at byte \(cut)", Array(text.utf8.prefix(cut)))
        case 1:
            let index = below(lines.count)
            let removed = lines.remove(at: index)
            return ("line \(index + 1) deleted (\(removed.prefix(24)))", Array(lines.joined(separator: "\n").utf8))
        case 2:
            let index = below(lines.count)
            lines.insert(lines[index], at: index)
            return ("line \(index + 1) repeated", Array(lines.joined(separator: "\n").utf8))
        case 3:
            let (a, b) = (below(lines.count), below(lines.count))
            lines.swapAt(a, b)
            return ("lines \(a + 1) and \(b + 1) swapped", Array(lines.joined(separator: "\n").utf8))
        case 4:
            let numbers = text.ranges(of: /-?[0-9]+(\.[0-9]+)?/)
            guard !numbers.isEmpty else { return ("unchanged", Array(text.utf8)) }
            let range = pick(numbers)
            let value = pick(["0", "-1", "1e308", "-1e308", "1e12", "nan", "inf", "x", "2", "0.5", "-0", "1e-320", "99999999999999999999"])
            var edited = text
            edited.replaceSubrange(range, with: value)
            return ("number \(text[range]) → \(value)", Array(edited.utf8))
        case 5:
            var characters = Array(text)
            let index = below(characters.count)
            let character = pick(Array(":-[]{}#,\"'&*!|>%@` \t\u{0}é中"))
            characters.insert(character, at: index)
            return ("\(character.debugDescription) inserted at \(index)", Array(String(characters).utf8))
        default:
            var characters = Array(text)
            guard !characters.isEmpty else { return ("unchanged", Array(text.utf8)) }
            let removed = characters.remove(at: below(characters.count))
            return ("\(removed.debugDescription) deleted", Array(String(characters).utf8))
        }
    }

    /// A CSV edit that must be refused: a cut leaving the last line without its line break, text, NaN or
    /// infinity in a number field (`numberColumns`, 0-based), a row with a field too many or too few.
    /// With `lineBreakCut`, also a cut at a line break before the last of a table's periods (column 0).
    mutating func refusedCSV(_ text: String, numberColumns: [Int], lineBreakCut: Bool) -> (name: String, bytes: [UInt8]) {
        var lines = text.split(separator: "\n").map(String.init)
        let bytes = Array(text.utf8)
        switch below(lineBreakCut ? 4 : 3) {
        case 0:
            var cut = 1 + below(bytes.count - 2)
            while cut > 1, bytes[cut - 1] == 10 { cut -= 1 }
            return ("cut mid-line at byte \(cut)", Array(bytes.prefix(cut)))
        case 1:
            let row = 1 + below(lines.count - 1)
            var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let column = pick(numberColumns.filter { $0 < fields.count })
            let value = pick(["nan", "NaN", "inf", "-inf", "x", "1e999", "--1", "0x1p3", "1.0.0"])
            fields[column] = value
            lines[row] = fields.joined(separator: ",")
            return ("line \(row + 1), field \(column + 1) → \(value)", Array((lines.joined(separator: "\n") + "\n").utf8))
        case 2:
            let row = 1 + below(lines.count - 1)
            if below(2) == 0 {
                lines[row] += ",extra"
            } else if let comma = lines[row].lastIndex(of: ",") {
                lines[row] = String(lines[row][..<comma])
            }
            return ("line \(row + 1) ragged", Array((lines.joined(separator: "\n") + "\n").utf8))
        default:
            // Rows of the periods before the last, cut at a line break somewhere in them.
            let last = lines.dropFirst().compactMap { Int($0.prefix { $0 != "," }) }.max() ?? 0
            let early = lines.prefix { Int($0.prefix { $0 != "," }) ?? 0 < last }
            let kept = max(2, below(early.count) + 1)
            return ("cut after line \(kept) of \(lines.count)", Array((lines.prefix(kept).joined(separator: "\n") + "\n").utf8))
        }
    }

    /// An economy CSV edit that must be refused: text, NaN or infinity in the value, a ragged row, a
    /// cut inside a row that leaves it short. (Huge finite values are the economy checks' to refuse.)
    mutating func refusedEconomyCSV(_ text: String) -> (name: String, bytes: [UInt8]) {
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)  // x.csv has CRLF line ends
        guard lines.count >= 2 else { return ("emptied", []) }
        let row = 1 + below(lines.count - 1)
        switch below(3) {
        case 0:
            var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let value = pick(["nan", "inf", "-inf", "x", "1e999", "", "1,5", "1e308", "-1e200"])
            fields[fields.count - 1] = value
            lines[row] = fields.joined(separator: ",")
            return ("line \(row + 1) value → \(value.debugDescription)", Array((lines.joined(separator: "\n") + "\n").utf8))
        case 1:
            lines[row] = below(2) == 0 ? lines[row] + ",7" : String(lines[row].prefix { $0 != "," })
            return ("line \(row + 1) ragged", Array((lines.joined(separator: "\n") + "\n").utf8))
        default:
            let kept = lines.prefix(row).joined(separator: "\n") + "\n" + String(lines[row].prefix { $0 != "," }) + ","
            return ("cut inside line \(row + 1)", Array(kept.utf8))
        }
    }
}
