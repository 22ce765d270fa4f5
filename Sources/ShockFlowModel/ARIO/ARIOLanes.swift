/// Four doubles at a time from contiguous slices of column-major buffers, for the element-wise
/// passes over the N columns that the compiler does not vectorise on its own (conditions and
/// divisions): each lane does the same operations in the same order as the scalar code.
enum ARIOLanes {
    typealias Values = SIMD4<Double>
    typealias Mask = SIMDMask<SIMD4<Int64>>

    @inline(__always)
    static func load(_ values: UnsafeBufferPointer<Double>, _ j: Int) -> Values {
        UnsafeRawBufferPointer(values).loadUnaligned(fromByteOffset: j * MemoryLayout<Double>.stride, as: Values.self)
    }

    @inline(__always)
    static func load(_ values: UnsafeMutableBufferPointer<Double>, _ j: Int) -> Values {
        load(UnsafeBufferPointer(values), j)
    }

    @inline(__always)
    static func store(_ lanes: Values, _ values: UnsafeMutableBufferPointer<Double>, _ j: Int) {
        UnsafeMutableRawBufferPointer(values).storeBytes(of: lanes, toByteOffset: j * MemoryLayout<Double>.stride, as: Values.self)
    }

    /// |x| lane by lane (NaN stays NaN).
    @inline(__always)
    static func magnitude(_ lanes: Values) -> Values {
        lanes.replacing(with: -lanes, where: lanes .< 0)
    }
}
