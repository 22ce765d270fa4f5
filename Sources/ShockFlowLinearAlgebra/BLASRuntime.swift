import COpenBLAS

/// What the loaded OpenBLAS reports about itself, and the choice of its kernel.
public enum BLASRuntime {
    /// The kernel OpenBLAS chose when it loaded (e.g. `Zen`, `SkylakeX`, `Prescott`).
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// The build configuration string (version, DYNAMIC_ARCH, thread limit).
    public static var configuration: String {
        guard let config = openblas_get_config() else { return "unknown" }
        return String(cString: config)
    }

    public static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// Sets the number of OpenBLAS threads for this process.
    public static func setThreadCount(_ count: Int) {
        openblas_set_num_threads(Int32(clamping: max(1, count)))
    }

    /// CPU features relevant to the kernel choice, read with CPUID.
    public static var cpuFeatures: CPUFeatures {
        let bits = shockflow_cpu_features()
        return CPUFeatures(avx2: bits & 1 != 0, avx512: bits & 2 != 0, avx512bf16: bits & 4 != 0)
    }
}

public struct CPUFeatures: Equatable, Sendable {
    public var avx2: Bool
    public var avx512: Bool
    public var avx512bf16: Bool

    public init(avx2: Bool, avx512: Bool, avx512bf16: Bool) {
        self.avx2 = avx2
        self.avx512 = avx512
        self.avx512bf16 = avx512bf16
    }
}

/// Decides whether to restart the process with `OPENBLAS_CORETYPE` set.
///
/// OpenBLAS 0.3.21 (Debian 12) does not recognise recent CPUs and falls back to a generic
/// kernel such as `Prescott`, 4–6× slower for matrix–matrix work. The kernel is fixed when
/// the library loads, so the only remedy is to set the variable and re-execute.
public enum KernelChoice {
    /// Kernels OpenBLAS picks when it does not know the CPU.
    public static let genericKernels: Set<String> = ["prescott", "core2", "katmai", "coppermine", "northwood", "banias", "atom", "nehalem", "unknown"]

    /// The core type to re-execute with, or nil to keep the current kernel.
    /// - Parameters:
    ///   - coreName: what `openblas_get_corename()` reports now.
    ///   - features: the CPU's vector extensions.
    ///   - environment: the process environment (a user-set `OPENBLAS_CORETYPE` or
    ///     `SHOCKFLOW_KEEP_BLAS_KERNEL=1` disables the choice).
    public static func coreTypeToRequest(coreName: String, features: CPUFeatures, environment: [String: String]) -> String? {
        if environment["OPENBLAS_CORETYPE"] != nil { return nil }
        if let keep = environment["SHOCKFLOW_KEEP_BLAS_KERNEL"], !keep.isEmpty, keep != "0" { return nil }
        guard genericKernels.contains(coreName.lowercased()) else { return nil }
        if features.avx512 { return features.avx512bf16 ? "Cooperlake" : "SkylakeX" }
        if features.avx2 { return "Haswell" }
        return nil
    }
}
