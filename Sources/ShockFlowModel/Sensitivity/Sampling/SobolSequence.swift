import ShockFlowLinearAlgebra

/// Sobol' low-discrepancy points in [0, 1)^d with Joe–Kuo direction numbers and 30-bit
/// integers, optionally scrambled by a random linear matrix scramble plus a digital shift
/// (Owen's LMS+shift). Given the same seed the points equal
/// `scipy.stats.qmc.Sobol(d, scramble=True, seed=seed).random(n)`, which SALib 1.6 uses.
public struct SobolSequence: Sendable {
    public static let bits = 30
    public let dimension: Int
    /// Direction numbers v[d][j] as 30-bit integers, row-major (dimension × bits).
    private var directions: [UInt32]
    /// The digital shift: the first point of the sequence.
    private var shift: [UInt32]

    /// The unscrambled sequence (its first point is the origin).
    public init(dimension: Int) throws {
        guard dimension >= 1, dimension <= Self.maximumDimension else {
            throw SensitivityError.tooManyParameters(
                design: "the Sobol' sequence", parameters: dimension, maximum: Self.maximumDimension)
        }
        self.dimension = dimension
        self.directions = Self.initialDirections(dimension: dimension)
        self.shift = [UInt32](repeating: 0, count: dimension)
    }

    /// The scrambled sequence, drawing the scramble from `generator` exactly as scipy does.
    public init(dimension: Int, scrambledWith generator: inout PCG64) throws {
        try self.init(dimension: dimension)
        let bits = Self.bits
        for d in 0..<dimension {
            var value: UInt32 = 0
            for b in 0..<bits where generator.nextInteger(below: 2) == 1 { value |= 1 << UInt32(b) }
            shift[d] = value
        }
        // Lower-triangular random bit matrices with unit diagonal, drawn as a d × bits × bits block.
        var lowerTriangular = [UInt8](repeating: 0, count: dimension * bits * bits)
        for index in lowerTriangular.indices { lowerTriangular[index] = UInt8(generator.nextInteger(below: 2)) }
        for d in 0..<dimension {
            for row in 0..<bits {
                for column in 0..<bits {
                    let index = (d * bits + row) * bits + column
                    if column > row { lowerTriangular[index] = 0 }
                    if column == row { lowerTriangular[index] = 1 }
                }
            }
        }
        for d in 0..<dimension {
            // Row p of the matrix read as an integer whose bit i is column bits−1−i.
            let rowMasks: [UInt32] = (0..<bits).map { row in
                var mask: UInt32 = 0
                for i in 0..<bits where lowerTriangular[(d * bits + row) * bits + bits - 1 - i] == 1 {
                    mask |= 1 << UInt32(i)
                }
                return mask
            }
            for j in 0..<bits {
                let original = directions[d * bits + j]
                var scrambled: UInt32 = 0
                for (position, row) in (0..<bits).reversed().enumerated()
                where (rowMasks[row] & original).nonzeroBitCount % 2 == 1 {
                    scrambled |= 1 << UInt32(position)
                }
                directions[d * bits + j] = scrambled
            }
        }
    }

    /// The first `count` points (count × dimension), Gray-code order as scipy draws them.
    public func points(count: Int) -> Matrix {
        var result = Matrix(rows: count, columns: dimension)
        guard count > 0 else { return result }
        let scale = 1.0 / Double(1 << Self.bits)
        var quasi = shift
        for d in 0..<dimension { result[0, d] = Double(quasi[d]) * scale }
        for i in 1..<max(count, 1) {
            // The lowest zero bit of i − 1 selects the direction number to fold in.
            let bit = (~(i - 1)).trailingZeroBitCount
            for d in 0..<dimension {
                quasi[d] ^= directions[d * Self.bits + bit]
                result[i, d] = Double(quasi[d]) * scale
            }
        }
        return result
    }

    /// Direction numbers from the embedded table by Bratley & Fox's recurrence, scaled to 30 bits.
    private static func initialDirections(dimension: Int) -> [UInt32] {
        let bits = Self.bits
        var v = [UInt32](repeating: 0, count: dimension * bits)
        for j in 0..<bits { v[j] = 1 }
        for d in 1..<max(dimension, 1) {
            let entry = table[d - 1]
            let polynomial = entry.polynomial
            let degree = UInt32.bitWidth - polynomial.leadingZeroBitCount - 1
            for j in 0..<min(degree, bits) { v[d * bits + j] = entry.initial[j] }
            for j in degree..<max(bits, degree) {
                var value = v[d * bits + j - degree]
                var power: UInt32 = 1
                for k in 0..<degree {
                    power <<= 1
                    if (polynomial >> UInt32(degree - 1 - k)) & 1 == 1 { value ^= power &* v[d * bits + j - k - 1] }
                }
                v[d * bits + j] = value
            }
        }
        for j in 0..<bits {
            for d in 0..<dimension { v[d * bits + j] &*= 1 << UInt32(bits - 1 - j) }
        }
        return v
    }

    /// The parsed direction-number table, one entry per dimension from the second on.
    private static let table: [(polynomial: UInt32, initial: [UInt32])] = directionNumberTable
        .split(separator: "\n")
        .map { line in
            let numbers = line.split(separator: " ").compactMap { UInt32($0) }
            return (polynomial: numbers[0], initial: Array(numbers.dropFirst()))
        }
}
