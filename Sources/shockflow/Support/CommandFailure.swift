import ArgumentParser
import Foundation

/// Turns typed errors from the library layers into one message on stderr and an exit code.
/// This is the only place where errors become text for the user.
enum CommandFailure {
    /// Runs `body`; any error is printed as `shockflow: error: …` and becomes `ExitCode(exitCode)`.
    static func reporting<T>(exitCode: Int32 = 1, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError(error)
            throw ExitCode(exitCode)
        }
    }

    static func printError(_ error: Error) {
        let text = String(describing: error)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var message = "shockflow: error: \(lines.first ?? "")\n"
        for line in lines.dropFirst() { message += "  \(line)\n" }
        FileHandle.standardError.write(Data(message.utf8))
    }

    static func printWarning(_ text: String) {
        FileHandle.standardError.write(Data("shockflow: warning: \(text)\n".utf8))
    }
}
