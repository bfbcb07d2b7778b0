/// Levenshtein distance, for suggesting the nearest known name of an unknown one.
enum EditDistance {
    /// The least number of insertions, deletions and substitutions that turn `source` into
    /// `target`.
    static func between<Element: Equatable>(_ source: [Element], _ target: [Element]) -> Int {
        if source.isEmpty { return target.count }
        if target.isEmpty { return source.count }
        // One row of the dynamic-programming table at a time.
        var previous = Array(0...target.count)
        var current = [Int](repeating: 0, count: target.count + 1)
        for (sourceIndex, sourceElement) in source.enumerated() {
            current[0] = sourceIndex + 1
            for (targetIndex, targetElement) in target.enumerated() {
                let substitution = previous[targetIndex] + (sourceElement == targetElement ? 0 : 1)
                current[targetIndex + 1] = min(substitution, previous[targetIndex + 1] + 1, current[targetIndex] + 1)
            }
            swap(&previous, &current)
        }
        return previous[target.count]
    }
}
