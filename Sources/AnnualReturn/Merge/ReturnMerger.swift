/// Rolls district returns up into one return for a city or region: counts and money add, and
/// distinct-enterprise counts stay exact because the districts' enterprise references are merged
/// before they are counted.
///
/// The merged return is a ``RunResult`` like any run's, so every renderer writes it. Runs of
/// exports have one ``FileAccount`` per export file; a merged return has, per district return
/// and dataset, one account named after the return (its file, bureau, as-of date and status)
/// that carries the return's SHA-256 and the district's row totals. The data report therefore
/// lists the returns merged where a district's lists its exports, and the `records.*` figures
/// are the sums of the districts'.
public enum ReturnMerger {
    /// The merged return of `returns`.
    ///
    /// - Parameters:
    ///   - bureau: the name on the merged return; nil for "合并：" followed by the districts'
    ///     bureaus joined by "、".
    ///   - outputFolder: the folder whose `<year>/` subfolder the return is written to.
    /// - Returns: the merged run: lockdown months are the union of the districts', the as-of
    ///   date the newest, and the return final only when every district's is.
    /// - Throws: ``MergeError`` when no return is given, when the returns differ in year or named
    ///   periods, or when one return is given twice.
    public static func merge(_ returns: [DistrictReturn], bureau: String? = nil,
                             outputFolder: String) throws(MergeError) -> RunResult {
        guard let first = returns.first else { throw .noReturns }
        let periods = first.aggregate.periods
        var seen: [String: String] = [:]  // sha256 → file
        for district in returns {
            guard district.year == first.year else {
                throw .yearMismatch(file: district.file, year: district.year, firstFile: first.file, firstYear: first.year)
            }
            guard Set(district.aggregate.periods) == Set(periods) else {
                throw .periodsMismatch(file: district.file, periods: district.aggregate.periods.map(describe),
                                       firstFile: first.file, firstPeriods: periods.map(describe))
            }
            if let earlier = seen[district.sha256] { throw .namedTwice(file: district.file, sameAs: earlier) }
            seen[district.sha256] = district.file
        }

        var aggregate = Aggregate(year: first.year, periods: periods)
        for district in returns {
            // Periods listed in another order still merge: the tallies are keyed by name.
            aggregate = aggregate.merged(with: reordered(district.aggregate, periods: periods))
        }

        var districtNames: [String] = []
        for district in returns where !districtNames.contains(district.bureau) { districtNames.append(district.bureau) }
        let configuration = ReturnConfiguration(
            bureau: bureau ?? "合并：" + districtNames.joined(separator: "、"),
            year: first.year,
            lockdownMonths: Set(returns.flatMap(\.lockdownMonths)).sorted(),
            inputs: [:], periods: periods, outputFolder: outputFolder,
            asOf: returns.compactMap(\.asOf).max(),
            isFinal: returns.allSatisfy(\.isFinal))

        let accounts = returns.flatMap { district in
            Dataset.allCases.map { dataset in account(for: district, dataset: dataset) }
        }
        let figures = FigureBuilder(configuration: configuration, aggregate: aggregate, accounts: accounts).build()
        return RunResult(configuration: configuration, aggregate: aggregate, figures: figures, accounts: accounts,
                         diagnostics: [], duplicates: [], conflicts: [], records: CountedRecords())
    }

    /// The account of one dataset of a district return, named after the return.
    static func account(for district: DistrictReturn, dataset: Dataset) -> FileAccount {
        var account = FileAccount(dataset: dataset, file: accountName(district))
        let totals = district.records[dataset] ?? RecordTotals()
        account.bytes = district.bytes
        account.sha256 = district.sha256
        account.encoding = .utf8
        account.read = totals.read
        account.accepted = totals.accepted
        account.rejected = totals.rejected
        account.duplicates = totals.duplicates
        account.conflicts = totals.conflicts
        return account
    }

    /// How the merged return's reports name a district return: its file, bureau, as-of date and
    /// status, e.g. `a/2022/return.json（甲区应急管理局；数据截至 2022-12-20；初步）`.
    static func accountName(_ district: DistrictReturn) -> String {
        "\(district.file)（\(district.bureau)；数据截至 \(district.asOf?.description ?? "无记录")；\(district.isFinal ? "正式" : "初步")）"
    }

    /// `aggregate` counted over `periods` in their order: the same tallies, since they are keyed
    /// by name, under the period order the merged return uses.
    private static func reordered(_ aggregate: Aggregate, periods: [NamedPeriod]) -> Aggregate {
        var result = Aggregate(year: aggregate.year, periods: periods)
        result.yearTally = aggregate.yearTally
        result.periodTallies = aggregate.periodTallies
        result.inspectionReferences = aggregate.inspectionReferences
        result.newestDate = aggregate.newestDate
        return result
    }

    private static func describe(_ period: NamedPeriod) -> String {
        "\(period.name) \(period.from)..\(period.to)"
    }
}
