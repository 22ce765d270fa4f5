import Foundation
import Testing

/// Fixture folders and small helpers shared by the report tests.
enum ReportFixtures {
    static var directory: URL {
        Bundle.module.resourceURL?.appendingPathComponent("Fixtures") ?? URL(fileURLWithPath: "/nonexistent")
    }

    static var run: String { directory.appendingPathComponent("two-region-run").path }
    static var sweep: String { directory.appendingPathComponent("ishigami-sweep").path }

    /// `two-region-expected.json`: totals summed by the fixture script.
    static func expected() throws -> [String: [String: Double]] {
        let data = try Data(contentsOf: directory.appendingPathComponent("two-region-expected.json"))
        return try JSONDecoder().decode([String: [String: Double]].self, from: data)
    }

    /// A writable copy of a fixture folder in a fresh temporary directory (removed by the caller).
    static func copy(_ folder: String) throws -> (root: URL, folder: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("shockflow-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let destination = root.appendingPathComponent(URL(fileURLWithPath: folder).lastPathComponent)
        try FileManager.default.copyItem(atPath: folder, toPath: destination.path)
        return (root, destination.path)
    }
}

/// Counts of markup in rendered HTML.
extension String {
    /// How many elements `<name …>` carry `className` among their classes.
    func count(element name: String, className: String) -> Int {
        var count = 0
        var rest = self[...]
        while let open = rest.range(of: "<" + name + " ") {
            let tagEnd = rest[open.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            let tag = rest[open.upperBound..<tagEnd]
            if let classes = tag.range(of: "class=\"").map({ tag[$0.upperBound...].prefix { $0 != "\"" } }),
                classes.split(separator: " ").contains(Substring(className))
            {
                count += 1
            }
            rest = rest[tagEnd...]
        }
        return count
    }

    func occurrences(of text: String) -> Int { components(separatedBy: text).count - 1 }
}
