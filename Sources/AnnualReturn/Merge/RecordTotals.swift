/// The row accounts of one dataset summed over its files: what the `records.<dataset>.*`
/// figures show, and what a return.json carries so a merged return can show their sums.
public struct RecordTotals: Sendable, Equatable {
    /// Records read: every row that is not a header, a blank line or a summary row.
    public var read = 0
    /// Records counted (a conflict's newer version included).
    public var accepted = 0
    /// Records rejected with an error.
    public var rejected = 0
    /// Repeats of an accepted record with the same content, counted once.
    public var duplicates = 0
    /// Accepted records that replaced an earlier version with different content.
    public var conflicts = 0

    /// Totals from their parts.
    public init(read: Int = 0, accepted: Int = 0, rejected: Int = 0, duplicates: Int = 0, conflicts: Int = 0) {
        self.read = read
        self.accepted = accepted
        self.rejected = rejected
        self.duplicates = duplicates
        self.conflicts = conflicts
    }

    /// The totals of the files of `dataset` among `accounts`.
    public init(dataset: Dataset, accounts: [FileAccount]) {
        for account in accounts where account.dataset == dataset {
            read += account.read
            accepted += account.accepted
            rejected += account.rejected
            duplicates += account.duplicates
            conflicts += account.conflicts
        }
    }

    /// True when every record read is accounted for exactly once, as in every file's account.
    public var reconciles: Bool { read == accepted + rejected + duplicates }

    /// The members in the order return.json writes them, with their keys.
    static var fields: [(key: String, path: WritableKeyPath<RecordTotals, Int>)] {
        [("read", \.read), ("accepted", \.accepted), ("rejected", \.rejected),
         ("duplicates", \.duplicates), ("conflicts", \.conflicts)]
    }
}
