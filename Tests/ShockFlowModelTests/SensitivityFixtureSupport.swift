import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel
import Testing

/// Reads the SALib reference files written by `scripts/fixtures/salib_reference.py` into
/// Fixtures/salib: whitespace-separated matrices, small CSV tables of indices and `cases.json`
/// (the seeds and sizes each file was made with).
struct SALibFixtures {
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    let folder: URL
    let cases: [String: Any]

    init() throws {
        guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw ReadError(description: "the test bundle has no Fixtures folder")
        }
        folder = fixtures.appendingPathComponent("salib")
        let data = try Data(contentsOf: folder.appendingPathComponent("cases.json"))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ReadError(description: "cases.json is not an object")
        }
        cases = object
    }

    /// The settings of one case in cases.json.
    func `case`(_ name: String) throws -> [String: Any] {
        guard let value = cases[name] as? [String: Any] else { throw ReadError(description: "no case \(name)") }
        return value
    }

    func string(_ name: String, _ key: String) throws -> String {
        guard let value = try `case`(name)[key] as? String else { throw ReadError(description: "\(name).\(key)") }
        return value
    }

    func integer(_ name: String, _ key: String) throws -> Int {
        guard let value = try `case`(name)[key] as? Int else { throw ReadError(description: "\(name).\(key)") }
        return value
    }

    /// The bootstrap settings SALib was run with.
    func bootstrap() throws -> BootstrapSettings {
        let settings = try `case`("bootstrap")
        guard let seed = settings["seed"] as? Int, let resamples = settings["resamples"] as? Int,
            let confidence = settings["confidence"] as? Double
        else { throw ReadError(description: "bootstrap settings") }
        return BootstrapSettings(resamples: resamples, confidenceLevel: confidence, seed: UInt64(seed))
    }

    /// A matrix written by numpy's `savetxt` (one row per line, values separated by spaces).
    func matrix(_ file: String) throws -> Matrix {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        let rows = try text.split(separator: "\n").enumerated().map { index, line in
            try line.split(separator: " ").map { field in
                guard let value = Double(field) else {
                    throw ReadError(description: "\(file), line \(index + 1): not a number")
                }
                return value
            }
        }
        return try Matrix(rowMajor: rows)
    }

    /// A CSV table with a header and a label in the first column, as columns by header name.
    func table(_ file: String) throws -> [String: [Double]] {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        guard let header = lines.first else { throw ReadError(description: "\(file) is empty") }
        var columns: [String: [Double]] = [:]
        for line in lines.dropFirst() {
            for (name, field) in zip(header, line) {
                if let value = Double(field) { columns[name, default: []].append(value) }
            }
        }
        return columns
    }

    /// The parameters of the Ishigami problem (x1, x2, x3 uniform on [−π, π]).
    static func ishigamiProblem() throws -> SensitivityProblem {
        try SensitivityProblem(parameters: (1...3).map {
            SensitivityParameter(name: "x\($0)", distribution: .uniform(lower: -Double.pi, upper: Double.pi))
        })
    }
}

/// The Ishigami–Homma function f = sin x1 + a sin² x2 + b x3⁴ sin x1 (a = 7, b = 0.1), per run.
func ishigami(_ sample: Matrix, a: Double = 7, b: Double = 0.1) -> Matrix {
    Matrix(column: (0..<sample.rows).map { i in
        let x1 = sample[i, 0], x2 = sample[i, 1], x3 = sample[i, 2]
        return sin(x1) + a * sin(x2) * sin(x2) + b * pow(x3, 4) * sin(x1)
    })
}

/// Expects exact equality of two matrices, reporting the first differing entry.
func expectIdentical(_ actual: Matrix, _ expected: Matrix, _ what: String) {
    guard actual.rows == expected.rows, actual.columns == expected.columns else {
        Issue.record("\(what): shape \(actual.rows)×\(actual.columns), expected \(expected.rows)×\(expected.columns)")
        return
    }
    if let index = expected.elements.indices.first(where: { actual.elements[$0] != expected.elements[$0] }) {
        let (row, column) = (index % expected.rows, index / expected.rows)
        Issue.record("\(what)[\(row), \(column)] = \(actual.elements[index]), expected \(expected.elements[index])")
    }
}
