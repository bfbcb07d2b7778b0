/// Everything the figures are made from: a tally for the year and one per named period, plus
/// what is needed to resolve distinct enterprises across the whole of each dataset.
///
/// Like ``Tally`` it merges: the aggregate of two disjoint sets of records merged equals the
/// aggregate of their union.
public struct Aggregate: Sendable, Equatable {
    public let year: Int
    public let periods: [NamedPeriod]
    /// Records whose decisive date falls in the year.
    public var yearTally = Tally()
    /// Records whose decisive date falls in each named period, by name.
    public var periodTallies: [String: Tally] = [:]
    /// Every enterprise reference of the inspections dataset (any date): a name-only record
    /// joins the single credit code its name appears with in the dataset.
    public var inspectionReferences: Set<EnterpriseRef> = []
    /// The newest decisive date among the year's records (the default as-of date).
    public var newestDate: CalendarDay?

    public init(year: Int, periods: [NamedPeriod]) {
        self.year = year
        self.periods = periods
        for period in periods { periodTallies[period.name] = Tally() }
    }

    public mutating func add(_ record: InspectionRecord) {
        if !record.enterprise.isEmpty { inspectionReferences.insert(record.enterprise) }
        place(record.date) { $0.add(record) }
    }

    public mutating func add(_ record: PenaltyRecord) {
        place(record.decisionDate) { $0.add(record) }
    }

    public mutating func add(_ record: EnforcementRecord) {
        place(record.date) { $0.add(record) }
    }

    /// Counts a record in the year and in every named period its date falls in.
    private mutating func place(_ date: CalendarDay, _ count: (inout Tally) -> Void) {
        if date.year == year {
            count(&yearTally)
            if newestDate.map({ date > $0 }) ?? true { newestDate = date }
        }
        for period in periods where period.contains(date) {
            count(&periodTallies[period.name, default: Tally()])
        }
    }

    /// The as-of date (数据截至): the configured one, else the newest decisive date of the year.
    public func asOf(configured: CalendarDay?) -> CalendarDay? { configured ?? newestDate }

    /// The aggregate of the records of both. Both must cover the same year and periods.
    public func merged(with other: Aggregate) -> Aggregate {
        precondition(year == other.year && periods == other.periods, "merging aggregates of different returns")
        var result = self
        result.yearTally = yearTally.merged(with: other.yearTally)
        for (name, tally) in other.periodTallies {
            result.periodTallies[name] = (result.periodTallies[name] ?? Tally()).merged(with: tally)
        }
        result.inspectionReferences.formUnion(other.inspectionReferences)
        switch (newestDate, other.newestDate) {
        case (let a?, let b?): result.newestDate = max(a, b)
        default: result.newestDate = newestDate ?? other.newestDate
        }
        return result
    }

    /// How many distinct enterprises `references` name, under DOMAIN's rule: the credit code
    /// when present; else the name, unless that name appears with exactly one credit code in
    /// the dataset, in which case it is that enterprise.
    public func distinctEnterprises(_ references: Set<EnterpriseRef>) -> Int {
        let identities = EnterpriseIdentities(references: inspectionReferences)
        return Set(references.map { identities.identity(of: $0).identity }).count
    }
}
