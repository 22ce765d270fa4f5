import Foundation
import Testing

@Suite struct InfoCommandTests {
    @Test func infoShowsVersionKernelAndThreads() throws {
        let result = try CommandRunner.run(["info"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("shockflow 0.1.0"))
        #expect(result.standardOutput.contains("BLAS kernel:"))
        #expect(result.standardOutput.contains("BLAS threads:"))
        #expect(result.standardOutput.contains("OpenBLAS 0.3"))
    }

    /// A user-set OPENBLAS_CORETYPE is respected and reported as theirs.
    @Test func userSetCoreTypeIsRespected() throws {
        let result = try CommandRunner.run(["info"], environment: ["OPENBLAS_CORETYPE": "Prescott"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("BLAS kernel:  Prescott (set by OPENBLAS_CORETYPE=Prescott)"))
    }

    @Test func unknownSubcommandFails() throws {
        let result = try CommandRunner.run(["no-such-command"])
        #expect(result.exitCode != 0)
        #expect(result.standardError.contains("no-such-command"))
    }
}
