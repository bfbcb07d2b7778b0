/// One thing behind a figure: a record (with the file, Excel row and physical line it was read
/// at), a distinct enterprise (with the records that name it), a month, a file or a rejected row.
public struct ExplanationEntry: Sendable, Equatable {
    /// Where the record was read; nil for an entry that is not one record (an enterprise, a
    /// month, a whole file).
    public var location: SourceLocation?
    /// The record's key (inspection_id, case_id or action_id); for an enterprise its credit
    /// code or name; for a month `YYYY-MM`; for a file its name; for a rejected row its problem
    /// codes.
    public var key: String
    /// The record's decisive date: the inspection date, or the decision date.
    public var date: CalendarDay?
    /// Why it counts, in Chinese, e.g. `最重处罚种类 罚款（警告+罚款）`.
    public var reason: String
    /// What it adds to the total.
    public var contribution: Contribution
    /// For a distinct enterprise: every record that names it, each saying how its identity was
    /// decided. Empty otherwise.
    public var sources: [ExplanationEntry]

    /// Makes an entry.
    public init(location: SourceLocation? = nil, key: String, date: CalendarDay? = nil, reason: String,
                contribution: Contribution, sources: [ExplanationEntry] = []) {
        self.location = location
        self.key = key
        self.date = date
        self.reason = reason
        self.contribution = contribution
        self.sources = sources
    }

    /// `file:row`, with the physical line when it differs from the row; nil without a location.
    public var place: String? {
        guard let location else { return nil }
        return location.line == location.row
            ? "\(location.file):\(location.row)"
            : "\(location.file):\(location.row) (line \(location.line))"
    }
}

/// What one entry adds to its figure.
public enum Contribution: Sendable, Equatable {
    /// Counts once: a record, a distinct enterprise, a rejected row.
    case one
    /// Adds a number: hazards found, irregularities, a file's rows, a month's records.
    case units(Int)
    /// Adds an amount of money.
    case money(Fen)
    /// Adds to a rate's numerator and denominator.
    case fraction(numerator: Int, denominator: Int)
    /// Adds nothing: a record shown for where a statement comes from, or one of the records
    /// behind a distinct enterprise (the enterprise is what counts).
    case none

    /// The number this adds to a count: 1, n, a rate's numerator, or 0.
    public var units: Int {
        switch self {
        case .one: return 1
        case .units(let count): return count
        case .fraction(let numerator, _): return numerator
        case .money, .none: return 0
        }
    }
}
