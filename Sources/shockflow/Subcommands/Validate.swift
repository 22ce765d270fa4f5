import ArgumentParser
import Foundation
import ShockFlowEngine
import ShockFlowFormats

/// `shockflow validate FILE`: checks a scenario file, a sweep file or a SALib problem file (told apart by
/// content) with the checks the command that reads it makes before it starts. Runs nothing, writes no files.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario, sweep or SALib problem file without running it.",
        discussion: """
            The kind is told by content: a sweep file has `scenario` and `design` or `parameters`; a SALib \
            problem file has lines of `name lower upper …`; anything else is read as a scenario. Exit status 0 \
            when the file is valid (one summary line is printed; for a scenario with a `plan`, then the rows each \
            province uses by grade and the rows that name no sector), 1 when it is not: every problem is listed on \
            standard error as file:line:column: field: message.
            """)

    @Argument(help: "The scenario or sweep file (YAML), or a SALib problem file.")
    var file: String

    func run() throws {
        do {
            let valid = try FileValidation.validate(path: file)
            print("\(file): valid — \(valid.summary)")
            for line in valid.details { print(line) }
        } catch {
            FileHandle.standardError.write(Data(error.listing.utf8))
            throw ExitCode(1)
        }
    }
}
