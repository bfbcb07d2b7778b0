/// How one figure is made, restated so that what lies behind it can be listed.
///
/// A rule says the same thing as the counting code (`Tally`, `Aggregate`, `FigureBuilder`) in a
/// form that keeps each record; the explainer checks that the two agree for every figure it
/// explains.
struct FigureRule {
    /// The rule in one line of Chinese.
    var chinese: String
    /// The rule in one line of English.
    var english: String
    /// The unit one entry counts in.
    var unit: String
    var method: Method

    enum Method {
        /// Records of one dataset, each selected with a reason and a contribution.
        case records(RecordQuery)
        /// Distinct enterprises named by the year's inspections (or patrols).
        case enterprises(patrols: Bool)
        /// A monthly average over the active months: the records of each month of the year.
        case monthlyAverage(countsByMonth: (CountedRecords) -> [YearMonth: Int])
        /// A per-file count of the accounts: rows read, or rows accepted.
        case fileCounts(Dataset, FileCount)
        /// The rows of a dataset's exports that were rejected.
        case rejectedRows(Dataset)
        /// The records of a dataset read again with the same content.
        case duplicates(Dataset)
        /// The records of a dataset read again with different content.
        case conflicts(Dataset)
        /// The as-of date: configured, or the newest decisive date of the year's records.
        case asOf
        /// A value taken from the configuration; the text says from where.
        case statement(source: String)
        /// Last year's value of a headline figure, or its change since: the two values shown.
        case yearOverYear(id: String, YearOverYearPart)
    }

    /// Which year-over-year figure of a headline figure: `.previous`, `.change` or `.change_pct`.
    enum YearOverYearPart {
        case previous
        case change
        case changePercent
    }

    /// Which per-file count a `records.<dataset>.*` figure sums.
    enum FileCount {
        case read
        case accepted
    }
}
