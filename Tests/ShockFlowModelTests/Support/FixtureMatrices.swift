import Foundation
import ShockFlowLinearAlgebra
import ShockFlowModel

/// Reads the reference folders written by `scripts/fixtures/static_reference.py`
/// (plain numeric CSV matrices; a first line starting with `#` names the columns).
struct ReferenceFolder {
    enum ReadError: Error, CustomStringConvertible {
        case missingResources
        case unreadableNumber(file: String, line: Int)

        var description: String {
            switch self {
            case .missingResources: return "the test bundle has no Fixtures folder"
            case .unreadableNumber(let file, let line): return "\(file), line \(line): not a number"
            }
        }
    }

    let url: URL

    /// - Parameter kind: the fixture folder (`static`, or `prices` for scripts/fixtures/price_reference.py).
    init(_ name: String, kind: String = "static") throws {
        guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw ReadError.missingResources
        }
        url = fixtures.appendingPathComponent(kind).appendingPathComponent(name)
    }

    func matrix(_ file: String) throws -> Matrix {
        let text = try String(contentsOf: url.appendingPathComponent(file + ".csv"), encoding: .utf8)
        var rows: [[Double]] = []
        for (index, line) in text.split(separator: "\n").enumerated() where !line.hasPrefix("#") {
            let values = line.split(separator: ",").compactMap { Double($0) }
            guard values.count == line.split(separator: ",").count else {
                throw ReadError.unreadableNumber(file: file + ".csv", line: index + 1)
            }
            rows.append(values)
        }
        return try Matrix(rowMajor: rows)
    }

    func vector(_ file: String) throws -> [Double] { try matrix(file).elements }

    /// The economy of the folder: labels R1…, S1…, C1…, P1…; Y's column (r, c) at r·categories + c.
    func economy() throws -> Economy {
        let dimensions = try vector("dimensions").map { Int($0) }
        let (regionCount, sectorCount, categoryCount, productCount) =
            (dimensions[0], dimensions[1], dimensions[2], dimensions[3])
        let columns = (0..<regionCount).flatMap { region in
            (0..<categoryCount).map { FinalDemandColumn(region: region, category: $0) }
        }
        return Economy(
            metadata: EconomyMetadata(name: url.lastPathComponent),
            regions: (1...regionCount).map { Label(code: "R\($0)") },
            sectors: (1...sectorCount).map { Label(code: "S\($0)") },
            finalDemandCategories: (1...categoryCount).map { Label(code: "C\($0)") },
            intermediateFlows: try matrix("Z"), finalDemand: try matrix("Y"), finalDemandColumns: columns,
            valueAdded: try vector("v"), importProducts: (1...productCount).map { Label(code: "P\($0)") },
            intermediateImports: try matrix("m"), grossOutput: try vector("x"))
    }
}
