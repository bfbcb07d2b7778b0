/// What one run of the return needs to know, read from the YAML configuration file.
///
/// Every path in it is already resolved against the folder of the configuration file, and every
/// glob already expanded (matches sorted by name), so the order of `inputs` is the order of
/// exports from older to newer.
public struct ReturnConfiguration: Sendable, Equatable {
    /// The bureau's name as it appears on the return, e.g. 示例区应急管理局.
    public var bureau: String
    /// The year the return covers.
    public var year: Int
    /// Months declared suspended (COVID lockdowns): shown as 停, left out of monthly averages.
    public var lockdownMonths: [YearMonth]
    /// Export files per dataset, older first.
    public var inputs: [Dataset: [InputFile]]
    /// Named date ranges (both ends included) that get their own figures.
    public var periods: [NamedPeriod]
    /// Extra header → canonical key mappings per dataset, keys already normalised.
    public var columnMappings: [Dataset: [String: String]]
    /// The folder the year's output folder is created in.
    public var outputFolder: String
    /// The as-of date (数据截至) when configured; otherwise the newest decisive date is used.
    public var asOf: CalendarDay?
    /// True when the return is final (正式) rather than provisional (初步).
    public var isFinal: Bool
    /// The encoding to read exports in.
    public var encoding: EncodingChoice
    /// The folder of the configuration file, which relative names in reports are shown against.
    public var baseFolder: String
    /// The Mustache template of the written report (report.md); none, no report.md.
    public var reportTemplate: String?
    /// The bureau's own figures that no export holds (facts.yaml), for the template.
    public var factsFile: String?
    /// Last year's figures, when last year's return.json is configured or found beside the
    /// output folder: the return then compares the headline figures year over year.
    public var previousYear: PreviousYear?
    /// The folder of working-day calendars, one `<year>.yaml` per year (``WorkingDayCalendar``);
    /// nil when none is configured, and then no timeliness figure is counted.
    public var calendarFolder: String?
    /// Things worth telling the operator that are not errors (e.g. last year's return found
    /// but unreadable, so no comparison is made).
    public var notices: [String] = []

    /// One export file.
    public struct InputFile: Sendable, Equatable {
        /// The absolute or working-directory-relative path to open.
        public var path: String
        /// The path as reports show it: relative to the configuration file's folder.
        public var displayName: String
    }

    public init(bureau: String, year: Int, lockdownMonths: [YearMonth] = [], inputs: [Dataset: [InputFile]],
                periods: [NamedPeriod] = [], columnMappings: [Dataset: [String: String]] = [:],
                outputFolder: String, asOf: CalendarDay? = nil, isFinal: Bool = false,
                encoding: EncodingChoice = .auto, baseFolder: String = ".",
                reportTemplate: String? = nil, factsFile: String? = nil, previousYear: PreviousYear? = nil) {
        self.bureau = bureau
        self.year = year
        self.lockdownMonths = lockdownMonths
        self.inputs = inputs
        self.periods = periods
        self.columnMappings = columnMappings
        self.outputFolder = outputFolder
        self.asOf = asOf
        self.isFinal = isFinal
        self.encoding = encoding
        self.baseFolder = baseFolder
        self.reportTemplate = reportTemplate
        self.factsFile = factsFile
        self.previousYear = previousYear
    }
}

/// A named date range such as a case-file review window; both ends are included.
public struct NamedPeriod: Sendable, Equatable, Hashable {
    public var name: String
    public var from: CalendarDay
    public var to: CalendarDay

    public init(name: String, from: CalendarDay, to: CalendarDay) {
        self.name = name
        self.from = from
        self.to = to
    }

    public func contains(_ day: CalendarDay) -> Bool { from <= day && day <= to }
}
