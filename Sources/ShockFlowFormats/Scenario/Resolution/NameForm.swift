import Foundation

/// The forms of a name that selectors compare when the exact text, ignoring case, matches nothing.
enum NameForm {
    /// Whole words, lowercased, accents removed, split at anything that is not a letter or digit:
    /// `Smelting and processing of metals` → smelting, and, processing, of, metals; `Nèi Měnggǔ` → nei, menggu.
    static func words(_ text: String) -> [String] {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            .split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The words run together: `Nei Menggu`, `Neimenggu`, `nei-menggu` and `NEI MENGGU` are all `neimenggu`.
    static func compact(_ text: String) -> String { words(text).joined() }
}

extension Array where Element == String {
    /// Whether `run` appears in these words as consecutive whole words.
    func containsRun(_ run: [String]) -> Bool {
        guard !run.isEmpty, run.count <= count else { return false }
        return (0...(count - run.count)).contains { start in self[start..<(start + run.count)].elementsEqual(run) }
    }
}
