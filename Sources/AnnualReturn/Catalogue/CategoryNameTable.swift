/// The compacted names of one kind's categories, matched on their UTF-8 bytes.
///
/// `String` hashing and equality put Chinese text through NFC first, which cost more than the
/// rest of a lookup; bytes need no such step. The two agree here: names are CJK ideographs and
/// punctuation, which have no canonical decompositions, and a key made by
/// `TextNormalizer.compact` holds no compatibility ideographs (NFKC maps them to the unified
/// ones), so a key equals a name as a `String` exactly when their bytes are equal.
struct CategoryNameTable: Sendable {
    /// The names' bytes back to back; a scan touches no `Category` until it has a match.
    private var nameBytes: [UInt8] = []
    /// End offset in `nameBytes` of each name.
    private var nameEnds: [Int] = []
    /// What each name resolves to, by the name's position.
    private var lookups: [CategoryLookup] = []
    /// The code of each name that is found as such (`.found`), nil for a legacy name: what
    /// staging asks for, without copying the whole category out of `lookups`.
    private var foundCodes: [String?] = []

    /// Adds `name` (already compacted) resolving to `lookup`; a name added again resolves to
    /// the later `lookup`, as an assignment to a dictionary would.
    mutating func add(_ name: String, _ lookup: CategoryLookup) {
        var name = name
        if let position = name.withUTF8({ self.position(of: UnsafeRawBufferPointer($0)) }) {
            lookups[position] = lookup
            foundCodes[position] = Self.foundCode(of: lookup)
            return
        }
        nameBytes.append(contentsOf: name.utf8)
        nameEnds.append(nameBytes.count)
        lookups.append(lookup)
        foundCodes.append(Self.foundCode(of: lookup))
    }

    private static func foundCode(of lookup: CategoryLookup) -> String? {
        if case .found(let category) = lookup { return category.code }
        return nil
    }

    /// What the compacted name `key` resolves to; nil when it is no name of the table.
    func lookup(_ key: UnsafeRawBufferPointer) -> CategoryLookup? {
        position(of: key).map { lookups[$0] }
    }

    /// The code of the category the compacted name `key` is a name or alias of; nil when it
    /// is no name of the table, or a legacy one.
    func foundCode(_ key: UnsafeRawBufferPointer) -> String? {
        position(of: key).flatMap { foundCodes[$0] }
    }

    /// The position of the name whose bytes are `key`.
    private func position(of key: UnsafeRawBufferPointer) -> Int? {
        // A few dozen short names: a scan that mostly stops at the length beats hashing.
        nameBytes.withUnsafeBytes { names in
            var start = 0
            for (position, end) in nameEnds.enumerated() {
                defer { start = end }
                guard end - start == key.count else { continue }
                if UnsafeRawBufferPointer(rebasing: names[start..<end]).elementsEqual(key) { return position }
            }
            return nil
        }
    }
}
