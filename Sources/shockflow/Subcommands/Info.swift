import ArgumentParser
import Foundation
import ShockFlowFormats
import ShockFlowLinearAlgebra
import ShockFlowProcess

/// `shockflow info`: version, BLAS kernel and threads.
struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the version, the BLAS kernel and the thread count.")

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let kernelOrigin: String
        if let chosen = environment[FastKernel.chosenVariable] {
            kernelOrigin = "chosen by shockflow: \(chosen)"
        } else if let userSet = environment["OPENBLAS_CORETYPE"] {
            kernelOrigin = "set by OPENBLAS_CORETYPE=\(userSet)"
        } else {
            kernelOrigin = "detected by OpenBLAS"
        }
        let features = BLASRuntime.cpuFeatures
        let featureList = [features.avx2 ? "AVX2" : nil, features.avx512 ? "AVX-512" : nil].compactMap { $0 }
        print("shockflow \(ShockFlowVersion.current)")
        print("BLAS kernel:  \(BLASRuntime.coreName) (\(kernelOrigin))")
        print("BLAS threads: \(BLASRuntime.threadCount)")
        print("BLAS library: \(BLASRuntime.configuration)")
        print("CPU features: \(featureList.isEmpty ? "none relevant" : featureList.joined(separator: ", "))")
    }
}
