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
    private var counts: [EnterpriseRef: Int] = [:]

    public init() {}

    /// Each reference counted once per time it appears.
    public init<S: Sequence>(_ references: S) where S.Element == EnterpriseRef {
        for reference in references { insert(reference) }
    }

    /// The number of distinct references.
    public var count: Int { counts.count }
    public var isEmpty: Bool { counts.isEmpty }

    public func contains(_ reference: EnterpriseRef) -> Bool { counts[reference] != nil }

    public mutating func insert(_ reference: EnterpriseRef) {
        counts[reference, default: 0] += 1
    }

    /// Takes one record's reference out; the reference must have been inserted.
    public mutating func remove(_ reference: EnterpriseRef) {
        guard let count = counts[reference] else {
            preconditionFailure("removing an enterprise reference no counted record holds")
        }
        counts[reference] = count == 1 ? nil : count - 1
    }

    public mutating func formUnion(_ other: EnterpriseReferences) {
        counts.merge(other.counts, uniquingKeysWith: +)
    }

    /// These references transformed (hashed, say), counts carried over; references that become
    /// equal are merged.
    public func mapReferences(_ transform: (EnterpriseRef) -> EnterpriseRef) -> EnterpriseReferences {
        var result = EnterpriseReferences()
        for (reference, count) in counts { result.counts[transform(reference), default: 0] += count }
        return result
    }

    /// The distinct references, in no particular order.
    public func makeIterator() -> Dictionary<EnterpriseRef, Int>.Keys.Iterator { counts.keys.makeIterator() }

    public static func == (lhs: EnterpriseReferences, rhs: EnterpriseReferences) -> Bool {
        lhs.counts.count == rhs.counts.count && lhs.counts.keys.allSatisfy { rhs.counts[$0] != nil }
    }
}
