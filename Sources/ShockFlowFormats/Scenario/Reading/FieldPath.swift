/// Where a value sits in a scenario, e.g. `shocks[1].profile.start` (list positions count from 0).
package struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    private(set) var components: [Component] = []

    package static let root = FieldPath()

    package func appending(_ key: String) -> FieldPath {
        var path = self
        path.components.append(.key(key))
        return path
    }

    package func appending(index: Int) -> FieldPath {
        var path = self
        path.components.append(.index(index))
        return path
    }

    /// The enclosing path, or nil at the root.
    var parent: FieldPath? {
        guard !components.isEmpty else { return nil }
        var path = self
        path.components.removeLast()
        return path
    }

    package var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}
