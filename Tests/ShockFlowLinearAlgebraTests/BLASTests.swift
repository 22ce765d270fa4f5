import Testing
@testable import ShockFlowLinearAlgebra

@Suite struct BLASTests {
    @Test func gemmMatchesDefinition() throws {
        let a = try Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
        let b = try Matrix(rowMajor: [[7, 8], [9, 10], [11, 12]])
        let c = try Matrix.product(a, b)
        #expect(c == (try Matrix(rowMajor: [[58, 64], [139, 154]])))
        let ct = try Matrix.product(b, a, transposeA: .transposed, transposeB: .transposed)
        #expect(ct == c.transposed)
    }

    @Test func sumsAndScaling() throws {
        let a = try Matrix(rowMajor: [[1, 2], [3, 4]])
        #expect(try a.rowSums() == [3, 7])
        #expect(try a.columnSums() == [4, 6])
        #expect(try a.scalingColumns(by: [2, 0.5]) == (try Matrix(rowMajor: [[2, 1], [6, 2]])))
        #expect(try a.scalingRows(by: [2, 0.5]) == (try Matrix(rowMajor: [[2, 4], [1.5, 2]])))
        #expect(try a.identityMinus() == (try Matrix(rowMajor: [[0, -2], [-3, -3]])))
    }

    /// Column access without copies: reads see column j, writes land in column j and nowhere else.
    @Test func columnBuffers() throws {
        var m = try Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
        #expect(m.withColumn(1) { Array($0) } == [2, 5])
        m.withMutableColumn(2) { column in
            for i in column.indices { column[i] *= 10 }
        }
        #expect(m == (try Matrix(rowMajor: [[1, 2, 30], [4, 5, 60]])))
        // A copy taken before the write keeps its values (the write does not leak through shared storage).
        let before = m
        m.withMutableColumn(0) { $0[1] = -1 }
        #expect(before[1, 0] == 4 && m[1, 0] == -1)
    }

    @Test func kernelChoice() {
        let avx512 = CPUFeatures(avx2: true, avx512: true, avx512bf16: false)
        let bf16 = CPUFeatures(avx2: true, avx512: true, avx512bf16: true)
        let avx2 = CPUFeatures(avx2: true, avx512: false, avx512bf16: false)
        #expect(KernelChoice.coreTypeToRequest(coreName: "Prescott", features: avx512, environment: [:]) == "SkylakeX")
        #expect(KernelChoice.coreTypeToRequest(coreName: "Prescott", features: bf16, environment: [:]) == "Cooperlake")
        #expect(KernelChoice.coreTypeToRequest(coreName: "Prescott", features: avx2, environment: [:]) == "Haswell")
        #expect(KernelChoice.coreTypeToRequest(coreName: "Zen", features: avx2, environment: [:]) == nil)
        #expect(KernelChoice.coreTypeToRequest(coreName: "Prescott", features: avx512, environment: ["OPENBLAS_CORETYPE": "Prescott"]) == nil)
        #expect(KernelChoice.coreTypeToRequest(coreName: "Prescott", features: avx512, environment: ["SHOCKFLOW_KEEP_BLAS_KERNEL": "1"]) == nil)
    }
}
