/// Everything one run produced, before anything is written: the single model every renderer
/// reads.
public struct RunResult: Sendable {
    public var configuration: ReturnConfiguration
    public var aggregate: Aggregate
    public var figures: Figures
    /// One per input file, in input order.
    public var accounts: [FileAccount]
    /// Every problem found, in file order.
    public var diagnostics: [Diagnostic]
    public var duplicates: [DuplicateEntry]
    public var conflicts: [ConflictEntry]

    /// Rows rejected across all files.
    public var rejectedRows: Int { accounts.reduce(0) { $0 + $1.rejected } }

    /// The as-of date shown on the return.
    public var asOf: CalendarDay? { configuration.asOf ?? aggregate.newestDate }
}
