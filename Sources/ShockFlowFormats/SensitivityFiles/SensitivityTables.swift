import ShockFlowLinearAlgebra
import ShockFlowModel

/// The texts the `shockflow sensitivity` commands print: sample matrices in SALib's layout and
/// indices as CSV. Numbers use the shortest form that reads back to the same value, so a sample
/// written here and read by SALib (or by ShockFlow) holds exactly the same numbers.
public enum SensitivityTables {
    /// One run per line, values separated by single spaces.
    public static func sampleText(_ sample: Matrix) -> String {
        var bytes: [UInt8] = []
        for i in 0..<sample.rows {
            for j in 0..<sample.columns {
                if j > 0 { bytes.append(UInt8(ascii: " ")) }
                NumberFormatting.append(sample[i, j], to: &bytes)
            }
            bytes.append(10)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `parameter,S1,S1_conf,ST,ST_conf`; with second-order indices, a blank line and then
    /// `parameter_1,parameter_2,S2,S2_conf`.
    public static func sobolCSV(_ indices: SobolIndices, names: [String]) -> String {
        var table = CSVTableWriter(header: ["parameter", "S1", "S1_conf", "ST", "ST_conf"])
        for (j, name) in names.enumerated() {
            table.appendRow(
                labels: [name],
                values: [indices.firstOrder[j], indices.firstOrderConfidence[j], indices.total[j], indices.totalConfidence[j]])
        }
        var text = String(decoding: table.bytes, as: UTF8.self)
        if !indices.secondOrder.isEmpty {
            var pairs = CSVTableWriter(header: ["parameter_1", "parameter_2", "S2", "S2_conf"])
            for pair in indices.secondOrder {
                pairs.appendRow(labels: [names[pair.first], names[pair.second]], values: [pair.estimate, pair.confidence])
            }
            text += "\n" + String(decoding: pairs.bytes, as: UTF8.self)
        }
        return text
    }

    /// `parameter,mu,mu_star,sigma,mu_star_conf` (SALib's `morris.analyze` names).
    public static func morrisCSV(_ indices: MorrisIndices, names: [String]) -> String {
        var table = CSVTableWriter(header: ["parameter", "mu", "mu_star", "sigma", "mu_star_conf"])
        for (j, name) in names.enumerated() {
            table.appendRow(
                labels: [name],
                values: [indices.mean[j], indices.meanAbsolute[j], indices.standardDeviation[j], indices.meanAbsoluteConfidence[j]])
        }
        return String(decoding: table.bytes, as: UTF8.self)
    }

    /// `parameter,SRC,spearman`: standardised regression coefficients and Spearman rank correlations.
    public static func regressionCSV(_ indices: RegressionIndices, names: [String]) -> String {
        var table = CSVTableWriter(header: ["parameter", "SRC", "spearman"])
        for (j, name) in names.enumerated() {
            table.appendRow(labels: [name], values: [indices.standardizedCoefficients[j], indices.rankCorrelations[j]])
        }
        return String(decoding: table.bytes, as: UTF8.self)
    }
}
