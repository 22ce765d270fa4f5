import Foundation
import ShockFlowLinearAlgebra

/// Restarts the process once with `OPENBLAS_CORETYPE` set when OpenBLAS fell back to a
/// generic kernel on a CPU it does not recognise (see docs/blas-kernel.md). The choice is
/// `KernelChoice`'s, in the linear-algebra library; replacing the process is the executables' business,
/// so it lives here, in a target only they depend on.
package enum FastKernel {
    /// Environment variable recording the core type ShockFlow chose, for `shockflow info`.
    package static let chosenVariable = "SHOCKFLOW_BLAS_KERNEL_CHOSEN"

    /// Call first thing in `main`, before any BLAS work; returns only when no restart is needed (or it failed).
    package static func reexecuteIfNeeded() {
        let environment = ProcessInfo.processInfo.environment
        guard
            let coreType = KernelChoice.coreTypeToRequest(
                coreName: BLASRuntime.coreName, features: BLASRuntime.cpuFeatures, environment: environment)
        else { return }
        setenv("OPENBLAS_CORETYPE", coreType, 1)
        setenv(chosenVariable, "\(coreType) (OpenBLAS reported \(BLASRuntime.coreName))", 1)
        let arguments = CommandLine.arguments
        var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        cArguments.append(nil)
        execv("/proc/self/exe", &cArguments)
        // execv returns only on failure: carry on with the slow kernel and say so.
        let message = "shockflow: warning: could not restart with OPENBLAS_CORETYPE=\(coreType) "
            + "(\(String(cString: strerror(errno)))); continuing on the \(BLASRuntime.coreName) kernel\n"
        FileHandle.standardError.write(Data(message.utf8))
        unsetenv("OPENBLAS_CORETYPE")
        unsetenv(chosenVariable)
    }
}
