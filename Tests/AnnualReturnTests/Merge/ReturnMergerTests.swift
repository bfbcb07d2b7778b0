import PropertyBased
import Testing
@testable import AnnualReturn

/// Merging district returns: the merge of the return.json files of any split of the records is
/// the return of all of them, figure for figure, distinct-enterprise counts included.
///
/// The whole's file accounts travel with the first part of each split, so even the `records.*`
/// figures, which follow files rather than records, are expected to match.
struct ReturnMergerTests {
    static let firstBureau = "甲区应急管理局"
    static let secondBureau = "乙区应急管理局"

    /// The merged return of two districts: the records of `whole` whose index `isInFirst`
    /// accepts, and the others.
    static func mergedSplit(of whole: RunResult, isInFirst: (Int) -> Bool) throws -> RunResult {
        let records = CountedRecord.all(of: whole)
        let first = records.indices.filter(isInFirst).map { records[$0] }
        let second = records.indices.filter { !isInFirst($0) }.map { records[$0] }
        let districts = [
            try MergeSupport.district(first, of: whole, bureau: firstBureau, accounts: whole.accounts),
            try MergeSupport.district(second, of: whole, bureau: secondBureau),
        ]
        return try ReturnMerger.merge(districts, bureau: whole.configuration.bureau, outputFolder: "city")
    }

    static func expectSame(_ merged: RunResult, as whole: RunResult, _ comment: Comment? = nil,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(MergeSupport.differences(merged.figures, whole.figures) == [], comment, sourceLocation: sourceLocation)
        #expect(merged.aggregate == whole.aggregate.withHashedReferences(), comment, sourceLocation: sourceLocation)
    }

    @Test func alternateRecordsMergeToTheWhole() throws {
        let whole = try runSmallFixture()
        Self.expectSame(try Self.mergedSplit(of: whole) { $0 % 2 == 0 }, as: whole)
    }

    @Test func aSplitAtEveryIndexMergesToTheWhole() throws {
        let whole = try runSmallFixture()
        let count = CountedRecord.all(of: whole).count
        #expect(count == 21)
        for cut in 0...count {
            Self.expectSame(try Self.mergedSplit(of: whole) { $0 < cut }, as: whole, "cut at \(cut)")
        }
    }

    /// The name-to-code rule decides the split that matters most: 甲化工有限公司 appears once with
    /// its credit code and once by name only; whichever district each lands in, the merged
    /// return counts it once.
    @Test func aNameOnlyRecordJoinsTheCodeFoundInAnotherDistrict() throws {
        let whole = try runSmallFixture()
        let records = CountedRecord.all(of: whole)
        let withCode = try #require(records.firstIndex {
            if case .inspection(let record) = $0 { record.enterprise.creditCode != nil && record.enterprise.name == "甲化工有限公司" } else { false }
        })
        let merged = try Self.mergedSplit(of: whole) { $0 == withCode }
        #expect(merged.figures["inspections.enterprises"] == whole.figures["inspections.enterprises"])
        Self.expectSame(merged, as: whole)
    }

    @Test func anyRandomSplitOfTheSmallDistrictMergesToTheWhole() async throws {
        let whole = try runSmallFixture()
        let count = CountedRecord.all(of: whole).count
        await propertyCheck(count: 100, input: Gen.bool.array(of: count)) { inFirst in
            Self.expectSame(try Self.mergedSplit(of: whole) { inFirst[$0] }, as: whole)
        }
    }

    /// Random records from the aggregate property tests: names with and without codes, dates
    /// across the year's edges and the named period.
    @Test func anyRandomSplitOfRandomRecordsMergesToTheWhole() async {
        let seeds = Gen.int(in: 0...100_000).array(of: 0...80)
        await propertyCheck(count: 100, input: seeds, Gen.int(in: 0...80)) { seeds, cut in
            let unique = Array(Set(seeds)).sorted()  // one record per id, as after dedupe
            let split = min(cut, unique.count)
            let configuration = AggregateMergeTests.configuration
            let whole = MergeSupport.run(AggregateMergeTests.aggregate(unique), configuration: configuration)
            let districts = try [unique[..<split], unique[split...]].enumerated().map { index, part in
                var district = configuration
                district.bureau = "区\(index)"
                return try MergeSupport.published(MergeSupport.run(AggregateMergeTests.aggregate(part), configuration: district),
                                                  file: "\(index).json")
            }
            let merged = try ReturnMerger.merge(districts, bureau: configuration.bureau, outputFolder: "city")
            Self.expectSame(merged, as: whole)
        }
    }

    @Test func mergingWithAnEmptyDistrictChangesNothing() throws {
        let whole = try runSmallFixture()
        let full = try MergeSupport.published(whole, file: "full/return.json")
        let empty = try MergeSupport.district([], of: whole, bureau: Self.secondBureau)
        #expect(empty.asOf == nil)
        for order in [[full, empty], [empty, full]] {
            Self.expectSame(try ReturnMerger.merge(order, bureau: whole.configuration.bureau, outputFolder: "city"), as: whole)
        }
    }

    /// A city's merged return.json merges into a region's like a district's: its references are
    /// the districts' hashes, not hashes of hashes.
    @Test func aMergedReturnMergesAgain() throws {
        let whole = try runSmallFixture()
        let records = CountedRecord.all(of: whole)
        let parts = (0..<3).map { part in records.indices.filter { $0 % 3 == part }.map { records[$0] } }
        let districts = try parts.enumerated().map { index, part in
            try MergeSupport.district(part, of: whole, bureau: "第\(index)区", accounts: index == 0 ? whole.accounts : [])
        }
        let city = try ReturnMerger.merge(Array(districts[0...1]), outputFolder: "city")
        let cityJSON = try #require(try ReturnWriter.render(city).first { $0.name == "return.json" }?.bytes)
        let cityReturn = try DistrictReturn.decode(cityJSON, file: "city/2022/return.json")
        let region = try ReturnMerger.merge([cityReturn, districts[2]], bureau: whole.configuration.bureau, outputFolder: "region")
        Self.expectSame(region, as: whole)
        let direct = try ReturnMerger.merge(districts, bureau: whole.configuration.bureau, outputFolder: "region")
        #expect(MergeSupport.differences(region.figures, direct.figures) == [])
    }

    // MARK: The merged return's facts

    static func district(_ whole: RunResult, bureau: String, _ edit: (inout ReturnConfiguration) -> Void) throws -> DistrictReturn {
        var configuration = whole.configuration
        configuration.bureau = bureau
        edit(&configuration)
        let aggregate = MergeSupport.aggregate(CountedRecord.all(of: whole), configuration: configuration)
        return try MergeSupport.published(MergeSupport.run(aggregate, configuration: configuration), file: "\(bureau).json")
    }

    @Test func theMergedReturnTakesTheUnionOfLockdownMonthsTheNewestAsOfAndFinalOnlyWhenAllAre() throws {
        let whole = try runSmallFixture()
        let first = try Self.district(whole, bureau: Self.firstBureau) {
            $0.lockdownMonths = [YearMonth(year: 2022, month: 3)!]
            $0.asOf = CalendarDay(year: 2023, month: 1, day: 10)
            $0.isFinal = true
        }
        let second = try Self.district(whole, bureau: Self.secondBureau) {
            $0.lockdownMonths = [YearMonth(year: 2022, month: 10)!, YearMonth(year: 2022, month: 3)!]
            $0.asOf = CalendarDay(year: 2023, month: 1, day: 15)
            $0.isFinal = false
        }
        let merged = try ReturnMerger.merge([first, second], outputFolder: "city")
        #expect(merged.figures["meta.bureau"] == .text("合并：甲区应急管理局、乙区应急管理局"))
        #expect(merged.figures["meta.lockdown_months"] == .texts(["2022-03", "2022-10"]))
        #expect(merged.figures["meta.as_of"] == .text("2023-01-15"))
        #expect(merged.figures["meta.status"] == .text("provisional"))
        let finalSecond = try Self.district(whole, bureau: Self.secondBureau) { $0.isFinal = true }
        #expect(try ReturnMerger.merge([first, finalSecond], outputFolder: "city").configuration.isFinal)
        #expect(try ReturnMerger.merge([first, first.renamed("again.json", bureau: Self.firstBureau)], outputFolder: "city")
            .configuration.bureau == "合并：甲区应急管理局")
        #expect(try ReturnMerger.merge([first], bureau: "示例市应急管理局", outputFolder: "city").configuration.bureau == "示例市应急管理局")
    }

    @Test func periodsListedInAnotherOrderStillMerge() throws {
        let whole = try runSmallFixture()
        let extra = NamedPeriod(name: "second_half", from: CalendarDay(year: 2022, month: 7, day: 1)!,
                                to: CalendarDay(year: 2022, month: 12, day: 31)!)
        let first = try Self.district(whole, bureau: Self.firstBureau) { $0.periods = $0.periods + [extra] }
        let second = try Self.district(whole, bureau: Self.secondBureau) { $0.periods = [extra] + $0.periods }
        let merged = try ReturnMerger.merge([first, second], outputFolder: "city")
        #expect(merged.configuration.periods.map(\.name) == ["case_review", "second_half"])
        #expect(merged.figures["periods.second_half.penalties.cases"] == .integer(2 * (first.aggregate.periodTallies["second_half"]?.cases ?? -1)))
    }

    // MARK: Returns that cannot be merged

    @Test func returnsOfDifferentYearsAreRefusedNamingTheFile() throws {
        let whole = try runSmallFixture()
        let first = try Self.district(whole, bureau: Self.firstBureau) { _ in }
        let other = try Self.district(whole, bureau: Self.secondBureau) { $0.year = 2021 }
        #expect(throws: MergeError.yearMismatch(file: "乙区应急管理局.json", year: 2021, firstFile: "甲区应急管理局.json", firstYear: 2022)) {
            try ReturnMerger.merge([first, other], outputFolder: "city")
        }
    }

    @Test func returnsWithDifferentPeriodsAreRefused() throws {
        let whole = try runSmallFixture()
        let first = try Self.district(whole, bureau: Self.firstBureau) { _ in }
        let other = try Self.district(whole, bureau: Self.secondBureau) {
            $0.periods = [NamedPeriod(name: "case_review", from: CalendarDay(year: 2021, month: 12, day: 1)!,
                                      to: CalendarDay(year: 2022, month: 7, day: 31)!)]
        }
        do {
            _ = try ReturnMerger.merge([first, other], outputFolder: "city")
            Issue.record("merged returns with different periods")
        } catch {
            guard case .periodsMismatch(let file, _, _, _) = error else { Issue.record("\(error)"); return }
            #expect(file == "乙区应急管理局.json")
            #expect(error.description.contains("case_review 2021-12-01..2022-07-31"))
        }
    }

    @Test func theSameReturnTwiceIsRefused() throws {
        let whole = try runSmallFixture()
        let first = try MergeSupport.published(whole, file: "a/return.json")
        var again = first  // the same bytes under another name
        again.file = "b/return.json"
        #expect(throws: MergeError.namedTwice(file: "b/return.json", sameAs: "a/return.json")) {
            try ReturnMerger.merge([first, again], outputFolder: "city")
        }
        #expect(throws: MergeError.noReturns) { try ReturnMerger.merge([], outputFolder: "city") }
    }

    // MARK: The merged return's reports

    /// The data report of a merged return lists the returns merged, each with its bureau, as-of
    /// date, SHA-256 and row totals, where a district's lists its export files.
    @Test func theDataReportListsTheReturnsMerged() throws {
        let whole = try runSmallFixture()
        let records = CountedRecord.all(of: whole)
        let first = try MergeSupport.district(records.prefix(8), of: whole, bureau: Self.firstBureau, accounts: whole.accounts)
        let second = try MergeSupport.district(records.dropFirst(8), of: whole, bureau: Self.secondBureau)
        let merged = try ReturnMerger.merge([first, second], outputFolder: "city")
        let report = String(decoding: DataReportRenderer.render(merged), as: UTF8.self)
        for district in [first, second] {
            #expect(report.contains("\(district.file)（\(district.bureau)；数据截至 \(district.asOf!)；初步）"))
            #expect(report.contains("`\(district.sha256)`"))
        }
        #expect(report.contains("# 数据问题报告：合并：甲区应急管理局、乙区应急管理局 2022年"))
        #expect(merged.accounts.count == 2 * Dataset.allCases.count)  // each district once per dataset
        #expect(merged.accounts.allSatisfy { $0.reconciles })
        let files = try ReturnWriter.render(merged).map(\.name)
        #expect(Set(files).isSuperset(of: ["figures.json", "return.json", "return.md", "return.html", "return.csv",
                                           "return.xlsx", "data-report.md", "rejects.csv"]))
    }
}

extension DistrictReturn {
    /// The same return under another file name and bureau, with bytes of its own.
    func renamed(_ file: String, bureau: String) -> DistrictReturn {
        var copy = self
        copy.file = file
        copy.bureau = bureau
        copy.sha256 = String(copy.sha256.reversed())
        return copy
    }
}
