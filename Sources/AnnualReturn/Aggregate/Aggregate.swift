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
    public var inspectionReferences = EnterpriseReferences()
    /// How many of the year's records have each decisive date: the newest of them is the
    /// default as-of date, and a count (not just the newest day) is what survives a removal.
    private var yearRecordsByDay: [CalendarDay: Int] = [:]

    /// The newest decisive date among the year's records (the default as-of date).
    public var newestDate: CalendarDay? {
        get { yearRecordsByDay.keys.max() }
        set {
            // A return read back carries only the newest date; it stands for the year's records.
            yearRecordsByDay = newValue.map { [$0: 1] } ?? [:]
        }
    }

    public init(year: Int, periods: [NamedPeriod]) {
        self.year = year
        self.periods = periods
        for period in periods { periodTallies[period.name] = Tally() }
    }

    public mutating func add(_ record: InspectionRecord) {
        if !record.enterprise.isEmpty { inspectionReferences.insert(record.enterprise) }
        place(record.date, movingAsOfBy: 1) { $0.add(record) }
    }

    public mutating func add(_ record: PenaltyRecord) {
        place(record.decisionDate, movingAsOfBy: 1) { $0.add(record) }
    }

    public mutating func add(_ record: EnforcementRecord) {
        place(record.date, movingAsOfBy: 1) { $0.add(record) }
    }

    /// A reviewed case file counts in the year and the periods its case was closed in; it is
    /// not enforcement activity, so it does not move the as-of date.
    public mutating func add(_ record: CaseFileReview) {
        place(record.closedDate) { $0.add(record) }
    }

    /// Takes out a record added before: the aggregate is then exactly what it would be had the
    /// record never been added. This is how a newer export's version replaces an older one.
    public mutating func remove(_ record: InspectionRecord) {
        if !record.enterprise.isEmpty { inspectionReferences.remove(record.enterprise) }
        place(record.date, movingAsOfBy: -1) { $0.remove(record) }
    }

    public mutating func remove(_ record: PenaltyRecord) {
        place(record.decisionDate, movingAsOfBy: -1) { $0.remove(record) }
    }

    public mutating func remove(_ record: EnforcementRecord) {
        place(record.date, movingAsOfBy: -1) { $0.remove(record) }
    }

    /// A licensing record counts in three places: its application by the day it was made (申请),
    /// its acceptance by the day it was accepted (受理), its decision by the decision day — a
    /// decision moves the as-of date like any other.
    public mutating func add(_ record: LicensingRecord) { count(record, by: 1) }
    public mutating func remove(_ record: LicensingRecord) { count(record, by: -1) }

    private mutating func count(_ record: LicensingRecord, by sign: Int) {
        place(record.appliedDate) { $0.countApplication(by: sign) }
        if let day = record.acceptedOn { place(day) { $0.countAcceptance(by: sign) } }
        if let day = record.decisionDate, record.decision != nil {
            place(day, movingAsOfBy: sign) { $0.countLicensingDecision(record, by: sign) }
        }
    }

    /// A review or lawsuit counts in the year and periods it was closed in; it is not the
    /// bureau's own activity, so it does not move the as-of date.
    public mutating func add(_ record: DisputeRecord) { place(record.closedDate) { $0.add(record) } }
    public mutating func remove(_ record: DisputeRecord) { place(record.closedDate) { $0.remove(record) } }

    /// A catalogue item is not dated: it counts in the year's tally, the catalogue in force.
    public mutating func add(_ record: CatalogueItem) { yearTally.add(record) }
    public mutating func remove(_ record: CatalogueItem) { yearTally.remove(record) }

    public mutating func remove(_ record: CaseFileReview) {
        place(record.closedDate) { $0.remove(record) }
    }

    /// Counts (or uncounts) a record in the year and in every named period its date falls in.
    /// `sign` 1 or -1 also counts the day among the year's decisive dates (the as-of date);
    /// 0 leaves them alone, for records that are not the bureau's own activity.
    private mutating func place(_ date: CalendarDay, movingAsOfBy sign: Int = 0, _ count: (inout Tally) -> Void) {
        if date.year == year {
            count(&yearTally)
            if sign != 0 {
                let records = yearRecordsByDay[date, default: 0] + sign
                yearRecordsByDay[date] = records == 0 ? nil : records
            }
        }
        for period in periods where period.contains(date) {
            count(&periodTallies[period.name, default: Tally()])
        }
    }

    /// Equal when every figure made from them is equal: the same tallies, references and newest
    /// date (how many records fall on each day is bookkeeping for removal).
    public static func == (lhs: Aggregate, rhs: Aggregate) -> Bool {
        lhs.year == rhs.year && lhs.periods == rhs.periods && lhs.yearTally == rhs.yearTally
            && lhs.periodTallies == rhs.periodTallies && lhs.inspectionReferences == rhs.inspectionReferences
            && lhs.newestDate == rhs.newestDate
    }

    /// The as-of date (数据截至): the configured one, else the newest decisive date of the year.
    public func asOf(configured: CalendarDay?) -> CalendarDay? { configured ?? newestDate }

    /// The aggregate of the records of both. Both must cover the same year and periods.
    public func merged(with other: Aggregate) -> Aggregate {
        var result = self
        result.merge(other)
        return result
    }

    /// Adds the records `other` counted, in place: how the pipeline adds each piece's counts
    /// to the run's without copying the run's enterprise sets. Both must cover the same year
    /// and periods.
    public mutating func merge(_ other: Aggregate) {
        precondition(year == other.year && periods == other.periods, "merging aggregates of different returns")
        yearTally.merge(other.yearTally)
        for (name, tally) in other.periodTallies {
            periodTallies[name, default: Tally()].merge(tally)
        }
        inspectionReferences.formUnion(other.inspectionReferences)
        yearRecordsByDay.merge(other.yearRecordsByDay, uniquingKeysWith: +)
    }

    /// How many distinct enterprises `references` name, under DOMAIN's rule: the credit code
    /// when present; else the name, unless that name appears with exactly one credit code in
    /// the dataset, in which case it is that enterprise.
    public func distinctEnterprises(_ references: EnterpriseReferences) -> Int {
        distinctEnterprises(references, identities: enterpriseIdentities())
    }

    /// The same count, with the name → code index built once for several sets.
    func distinctEnterprises(_ references: EnterpriseReferences, identities: EnterpriseIdentities) -> Int {
        identities.distinctCount(of: references)
    }

    /// The name → code index over the inspections dataset, which the count above uses.
    func enterpriseIdentities() -> EnterpriseIdentities {
        EnterpriseIdentities(references: inspectionReferences)
    }
}
