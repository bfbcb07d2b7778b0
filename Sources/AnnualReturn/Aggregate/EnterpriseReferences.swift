/// The enterprise references a tally holds, each with the number of counted records that name
/// it.
///
/// A figure needs only which references occur (distinct enterprises), but the count is what
/// lets a record be taken out again: when a newer export replaces a record, the pipeline removes
/// the older version from the aggregate instead of keeping every record until the end. A
/// reference leaves the set when its last record is removed.
///
/// Two values are equal when they hold the same references, whatever the counts: the counts
/// are bookkeeping for removal and change no figure (a return.json read back carries each
/// reference once).
public struct EnterpriseReferences: Sendable, Equatable, Sequence {
    private var counts = FlatHashMap<EnterpriseRef, Int32>()

    public init() {}

    /// Each reference counted once per time it appears.
    public init<S: Sequence>(_ references: S) where S.Element == EnterpriseRef {
        for reference in references { insert(reference) }
    }

    /// The number of distinct references.
    public var count: Int { counts.count }
    /// Exactly `count`: what a table built from the references sizes itself by.
    public var underestimatedCount: Int { counts.count }
    public var isEmpty: Bool { counts.isEmpty }

    public func contains(_ reference: EnterpriseRef) -> Bool { counts.contains(reference) }

    public mutating func insert(_ reference: EnterpriseRef) {
        add(1, to: reference)
    }

    /// Takes one record's reference out; the reference must have been inserted.
    public mutating func remove(_ reference: EnterpriseRef) {
        guard let count = counts[reference] else {
            preconditionFailure("removing an enterprise reference no counted record holds")
        }
        if count == 1 {
            counts.removeValue(forKey: reference)
        } else {
            counts.updateValue(count - 1, forKey: reference)
        }
    }

    public mutating func formUnion(_ other: EnterpriseReferences) {
        counts.reserveCapacity(counts.count + other.counts.count)
        // A run's sets outgrow the cache, and each piece's references land at random in them:
        // the slot of the reference a few ahead is asked for while this one is added.
        let added = Array(other.counts.entries)
        for (index, (reference, count)) in added.enumerated() {
            if index + TablePrefetch.distance < added.count { counts.prefetch(added[index + TablePrefetch.distance].key) }
            add(count, to: reference)
        }
    }

    /// These references transformed (hashed, say), counts carried over; references that become
    /// equal are merged.
    public func mapReferences(_ transform: (EnterpriseRef) -> EnterpriseRef) -> EnterpriseReferences {
        var result = EnterpriseReferences()
        for (reference, count) in counts.entries { result.add(count, to: transform(reference)) }
        return result
    }

    private mutating func add(_ records: Int32, to reference: EnterpriseRef) {
        counts.modifyValue(forKey: reference, initial: 0) { $0 += records }
    }

    /// The distinct references, in no particular order.
    public func makeIterator() -> Iterator { Iterator(entries: counts.entries.makeIterator()) }

    public struct Iterator: IteratorProtocol {
        fileprivate var entries: FlatHashMap<EnterpriseRef, Int32>.Entries.Iterator

        public mutating func next() -> EnterpriseRef? { entries.next()?.key }
    }

    public static func == (lhs: EnterpriseReferences, rhs: EnterpriseReferences) -> Bool {
        lhs.counts.count == rhs.counts.count && lhs.counts.entries.allSatisfy { rhs.counts.contains($0.key) }
    }
}

extension EnterpriseRef: FlatHashable {
    var flatHash: UInt64 { UInt64(id) }
}
