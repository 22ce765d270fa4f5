/// Labels shortened to fit beside a bar or a flow: the whole text goes into the hover text.
enum ChartLabel {
    /// `label` in at most `limit` characters: a leading "Manufacture of " or "Production and supply of "
    /// dropped first (China's sector list names many sectors so), then cut at a word and ended with "…".
    static func shortened(_ label: String, limit: Int) -> String {
        guard label.count > limit else { return label }
        var text = label
        for prefix in ["Manufacture of ", "Production and supply of "] where text.hasPrefix(prefix) && text.count > prefix.count {
            text = String(text.dropFirst(prefix.count))
            text = text.prefix(1).uppercased() + text.dropFirst()
        }
        guard text.count > limit else { return text }
        let room = max(limit - 1, 1)
        var cut = String(text.prefix(room))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) >= room / 2 {
            cut = String(cut[..<space])
        }
        while let last = cut.last, ",;:·-–(".contains(last) || last == " " { cut.removeLast() }
        for dangling in [" and", " or", " of", " the", " for"] where cut.hasSuffix(dangling) {
            cut.removeLast(dangling.count)
        }
        while let last = cut.last, ",; ".contains(last) { cut.removeLast() }
        return cut + "…"
    }
}
