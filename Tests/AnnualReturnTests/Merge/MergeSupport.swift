@testable import AnnualReturn

/// A counted record of any dataset, so a run's records can be split and counted again.
enum CountedRecord {
    case inspection(InspectionRecord)
    case penalty(PenaltyRecord)
    case action(EnforcementRecord)

    /// Every record a run counted, dataset by dataset, in the order they were read.
    static func all(of result: RunResult) -> [CountedRecord] {
        result.records.inspections.map { .inspection($0.record) }
            + result.records.penalties.map { .penalty($0.record) }
            + result.records.actions.map { .action($0.record) }
    }
}

/// Helpers that build district returns the way `report` does, from records rather than files.
enum MergeSupport {
    /// The aggregate of `records` for the year and periods of `configuration`.
    static func aggregate(_ records: some Sequence<CountedRecord>, configuration: ReturnConfiguration) -> Aggregate {
        var aggregate = Aggregate(year: configuration.year, periods: configuration.periods)
        for record in records {
            switch record {
            case .inspection(let record): aggregate.add(record)
            case .penalty(let record): aggregate.add(record)
            case .action(let record): aggregate.add(record)
            }
        }
        return aggregate
    }

    /// A run of `aggregate` under `configuration`, with `accounts` as its files' accounts.
    static func run(_ aggregate: Aggregate, configuration: ReturnConfiguration, accounts: [FileAccount] = []) -> RunResult {
        let figures = FigureBuilder(configuration: configuration, aggregate: aggregate, accounts: accounts).build()
        return RunResult(configuration: configuration, aggregate: aggregate, figures: figures, accounts: accounts,
                         diagnostics: [], duplicates: [], conflicts: [], records: CountedRecords())
    }

    /// The return.json of `result`, as `report` writes it.
    static func returnJSON(_ result: RunResult) -> [UInt8] {
        ReturnJSONRenderer.render(ReturnBuilder(result: result).build(), result: result)
    }

    /// `result` written as return.json and read back, as the merge reads a district's return.
    static func published(_ result: RunResult, file: String) throws -> DistrictReturn {
        try DistrictReturn.decode(returnJSON(result), file: file)
    }

    /// The return of a district that counted `records`: the whole's configuration with another
    /// bureau, and `accounts` as its files.
    static func district(_ records: some Sequence<CountedRecord>, of whole: RunResult, bureau: String,
                         accounts: [FileAccount] = []) throws -> DistrictReturn {
        var configuration = whole.configuration
        configuration.bureau = bureau
        let result = run(aggregate(records, configuration: configuration), configuration: configuration, accounts: accounts)
        return try published(result, file: "\(bureau)/return.json")
    }

    /// The ids whose values differ between two sets of figures, with both values.
    static func differences(_ actual: Figures, _ expected: Figures) -> [String] {
        Set(actual.ids + expected.ids).sorted().compactMap { id in
            actual[id] == expected[id] ? nil : "\(id): \(actual[id].map(String.init(describing:)) ?? "absent") ≠ \(expected[id].map(String.init(describing:)) ?? "absent")"
        }
    }
}
