import Foundation

/// Paths of the committed fixtures, found from this file's place in the repository, so tests need
/// no resource bundle.
public enum Fixtures {
    /// The repository's top folder.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/ShockFlowFormatsTests/Fixtures`: economies, scenarios, runs and broken inputs shared by
    /// the formats, engine, report and command-line tests.
    public static let root = repository.appendingPathComponent("Tests/ShockFlowFormatsTests/Fixtures").path

    public static func path(_ relative: String) -> String { root + "/" + relative }

    /// The repository's built-in economies folder.
    public static let builtInEconomies = repository.appendingPathComponent("Sources/ShockFlowFormats/Resources/economies").path
}

/// A fresh empty directory, removed after `body`.
public func withTemporaryDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("shockflow-test-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// Writes `text` to `name` inside `directory` and returns the file's path.
@discardableResult
public func writeFile(_ text: String, named name: String, in directory: String) throws -> String {
    let path = directory + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

/// |actual − expected| ≤ relative·|expected| + absolute.
public func isClose(_ actual: Double, _ expected: Double, relative: Double, absolute: Double = 0) -> Bool {
    abs(actual - expected) <= relative * abs(expected) + absolute
}
