import Foundation

/// The nearest known name already worked out for each unknown name, by kind.
///
/// An export that misnames a category usually does so on many rows, and measuring one name
/// against every name of its kind costs far more than the rest of the row. The answer depends
/// on the kind and the compacted name only, so it is remembered. Staging may run on several
/// threads, so a lock guards the entries; names known to the catalogue never get here.
final class SuggestionMemo: @unchecked Sendable {
    /// How many unknown names are remembered; past that, suggestions are worked out each time,
    /// so a file of nothing but distinct garbage cannot grow the memo without bound.
    static let capacity = 4096

    private struct Key: Hashable {
        let kind: CategoryKind
        let name: String
    }

    private let lock = NSLock()
    private var entries: [Key: Category?] = [:]

    /// The suggestion for the compacted name `key` of `kind`: remembered, or worked out by
    /// `compute` and remembered.
    func nearest(_ kind: CategoryKind, _ key: String,
                 computedBy compute: (CategoryKind, String) -> Category?) -> Category? {
        let memoKey = Key(kind: kind, name: key)
        lock.lock()
        let remembered = entries[memoKey]
        lock.unlock()
        if let remembered { return remembered }
        let suggestion = compute(kind, key)
        lock.lock()
        if entries.count < Self.capacity { entries[memoKey] = suggestion }
        lock.unlock()
        return suggestion
    }
}
