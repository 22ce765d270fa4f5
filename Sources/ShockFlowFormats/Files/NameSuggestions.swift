/// "Did you mean …?": the valid names closest to a misspelt one, by edit distance, ignoring case.
package enum NameSuggestions {
    /// Longer names get no suggestions: nobody misspells a name that long, and the cost grows with it.
    static let maximumLength = 200

    /// Levenshtein distance between the lowercased names, counted in characters.
    static func editDistance(_ first: String, _ second: String) -> Int {
        let a = Array(first.lowercased()), b = Array(second.lowercased())
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Up to `limit` candidates that look like what `name` meant: those with the smallest edit distance,
    /// if it is small (at most a third of the name's length, and at least 2 allowed); a candidate that
    /// starts with `name` counts as distance 1.
    static func closest(to name: String, among candidates: [String], limit: Int = 3) -> [String] {
        guard name.count <= maximumLength else { return [] }
        let lowered = name.lowercased()
        let allowed = max(2, lowered.count / 3)
        var scored: [(score: Int, position: Int, candidate: String)] = []
        var seen = Set<String>()
        for (position, candidate) in candidates.enumerated() where seen.insert(candidate.lowercased()).inserted {
            var score = editDistance(lowered, candidate)
            if lowered.count >= 3, candidate.lowercased().hasPrefix(lowered) { score = min(score, 1) }
            if score <= allowed { scored.append((score, position, candidate)) }
        }
        guard let best = scored.map(\.score).min() else { return [] }
        return scored.filter { $0.score == best }.sorted { $0.position < $1.position }.prefix(limit).map(\.candidate)
    }

    /// " — did you mean `a` or `b`?", or "" when nothing is close.
    package static func didYouMean(_ name: String, among candidates: [String]) -> String {
        let suggestions = closest(to: name, among: candidates).map { "`\($0)`" }
        return suggestions.isEmpty ? "" : " — did you mean \(suggestions.joinedAsAlternatives())?"
    }
}

extension Array where Element == String {
    /// "a", "a or b", "a, b or c".
    func joinedAsAlternatives() -> String {
        guard count > 1, let last else { return first ?? "" }
        return dropLast().joined(separator: ", ") + " or " + last
    }
}
