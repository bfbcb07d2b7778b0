/// Dedupe across cumulative exports: the records of one dataset by key, newest version winning.
///
/// Exports repeat earlier records. The same key with the same normalised content is a
/// duplicate, counted once; the same key with different content is a conflict, and the newer
/// export (later in `inputs`, then the later row) wins.
struct DedupeTable<Record: Hashable & Sendable & RecordFields> {
    private(set) var winners: [String: Located<Record>] = [:]

    enum Insertion {
        case new
        case duplicate(of: SourceLocation)
        case conflict(replaced: Located<Record>)
    }

    /// Files are read in input order and rows in file order, so every insertion is newer than
    /// what the table holds.
    mutating func insert(_ located: Located<Record>, key: String) -> Insertion {
        guard let existing = winners[key] else {
            winners[key] = located
            return .new
        }
        if existing.record == located.record { return .duplicate(of: existing.location) }
        winners[key] = located
        return .conflict(replaced: existing)
    }

    /// The winning records in a stable order (by where they were read).
    var sortedWinners: [Located<Record>] {
        winners.values.sorted { $0.location < $1.location }
    }
}

/// A record read again with the same content.
public struct DuplicateEntry: Sendable, Equatable {
    public var dataset: Dataset
    public var key: String
    public var location: SourceLocation
    public var original: SourceLocation
}

/// A record read again with different content; the newer version is the one counted.
public struct ConflictEntry: Sendable, Equatable {
    public var dataset: Dataset
    public var key: String
    public var older: SourceLocation
    public var newer: SourceLocation
    public var changes: [FieldChange]
}
