import PropertyBased
import Testing
@testable import AnnualReturn

/// Staging reads rows from their bytes; on any row that must give what the general,
/// `String`-based normalisation gives.
struct StagingFastPathTests {
    // MARK: Summary rows

    /// `SummaryRow.label` by its definition: the first cell that is not empty after NFKC and
    /// trimming, if it starts with a label.
    static func referenceLabel(_ fields: [String]) -> String? {
        for field in fields {
            let cell = TextNormalizer.trimmingWhitespace(TextNormalizer.generalNFKC(field))
            if cell.isEmpty { continue }
            return SummaryRow.prefixes.first { cell.hasPrefix($0) }
        }
        return nil
    }

    static let labelCell = TrickyText.oneOf(Self.labelCells)

    static let labelCells: [String] = [
        "", " ", "\u{3000}", "\u{FEFF}", "\t", "1", "合计", "小计：", "总计", "说明", "填表说明：单位为元", "注：本表",
        "合\u{0301}计", "合计\u{0301}", "注\u{3099}", "\u{3000}合计", " 合计 ", "合　计", "合", "计", "ＡＢ", "（注）", "注意",
        "\u{F900}", "JC-001", "2022-03-05",
    ]

    @Test func labelsAreWhatTheirDefinitionSays() async {
        await propertyCheck(count: 4000, input: Self.labelCell.array(of: 0...5)) { fields in
            let record = CSVRecord(row: 2, line: 2, fields: fields)
            #expect(SummaryRow.label(of: record) == Self.referenceLabel(fields), "\(fields)")
        }
        await propertyCheck(count: 2000, input: TrickyText.text.array(of: 0...4)) { fields in
            let record = CSVRecord(row: 2, line: 2, fields: fields)
            #expect(SummaryRow.label(of: record) == Self.referenceLabel(fields), "\(fields)")
        }
    }

    // MARK: Columns

    static let headers = Gen.shuffled(
        Dataset.allCases.flatMap { $0.columns.flatMap { [$0.key, $0.header] } } + ["序号", "备注", "", "CASE_ID", "罚款金额（元）"]
    ).map { Array($0.prefix(14)) }

    @Test func columnIndexesAreTheDictionarysIndexes() async {
        await propertyCheck(count: 300, input: Self.headers) { header in
            for dataset in Dataset.allCases {
                guard case .success(let mapping) = HeaderMapping.build(dataset: dataset, header: header, extra: [:]) else { continue }
                for column in Dataset.allCases.flatMap(\.columns) {
                    #expect(mapping.fieldIndex(of: column) == mapping.fieldIndex[column.key], "\(dataset) \(column)")
                }
            }
        }
    }

    /// A mapping finds a field by its key's number alone, so different keys must never share
    /// one.
    @Test func differentKeysHaveDifferentNumbers() {
        var keysByNumber: [UInt64: Set<String>] = [:]
        for column in Dataset.allCases.flatMap(\.columns) {
            keysByNumber[column.keyNumber, default: []].insert(column.key)
            #expect(column.keyNumber == CanonicalColumn.keyNumber(of: column.key))
        }
        #expect(keysByNumber.values.allSatisfy { $0.count == 1 }, "\(keysByNumber.values.filter { $0.count > 1 })")
        #expect(keysByNumber.count > 40)
    }

    @Test func configuredColumnsAreFound() throws {
        let extra = [TextNormalizer.headerKey("处罚决定书日期"): "decision_date"]
        let mapping = try HeaderMapping.build(dataset: .penalties, header: ["案件编号", "处罚决定书日期", "处罚种类"],
                                              extra: extra).get()
        #expect(mapping.fieldIndex(of: .decisionDate) == 1)
        #expect(mapping.fieldIndex(of: .fineAmount) == nil)
    }

    // MARK: Rows

    static let inspectionHeader = Dataset.inspections.columns.map(\.header)

    /// Cells for the inspection columns, each drawn from tricky text and the values exports hold.
    static let inspectionRow = TrickyText.text.array(of: inspectionHeader.count)

    @Test func rowValuesAreTheGeneralPathsValues() async throws {
        let mapping = try HeaderMapping.build(dataset: .inspections, header: Self.inspectionHeader, extra: [:]).get()
        await propertyCheck(count: 1500, input: Self.inspectionRow) { fields in
            let record = CSVRecord(row: 2, line: 2, fields: fields)
            var check = RowCheck(record: record, mapping: mapping, file: "f.csv")
            let raw = { (column: CanonicalColumn) in fields[mapping.fieldIndex[column.key]!] }

            #expect(TrickyText.utf8(check.identifier(.inspectionID, required: false))
                == TrickyText.utf8(TrickyText.compact(raw(.inspectionID))))
            #expect(TrickyText.utf8(check.text(.unit))
                == TrickyText.utf8(TextNormalizer.trimmingWhitespace(TextNormalizer.generalNFKC(raw(.unit)))))
            let enterprise = check.enterprise(name: .enterprise)
            #expect(TrickyText.utf8(enterprise.creditCode ?? "") == TrickyText.utf8(TrickyText.compact(raw(.creditCode)).uppercased()))
            #expect(TrickyText.utf8(enterprise.name) == TrickyText.utf8(TrickyText.compact(raw(.enterprise))))
            let date = check.requiredDate(.date)
            #expect(date == DateParser.parse(raw(.date)).day)

            let trimmedCount = TextNormalizer.trimmingWhitespace(TextNormalizer.generalNFKC(raw(.hazardsMajor)))
            let expectedCount = trimmedCount.isEmpty ? 0 : max(0, Int(trimmedCount) ?? 0)
            #expect(check.count(.hazardsMajor) == expectedCount)

            let industryKey = TrickyText.compact(raw(.industry))
            let expectedIndustry = industryKey.isEmpty
                ? "other" : CategoryNameTableTests.reference[.industry]?[industryKey]?.category?.code ?? "other"
            #expect(check.industry() == expectedIndustry)

            // Every problem names its own field and quotes it as written.
            for problem in check.errors + check.warnings {
                #expect(problem.column > 0 && problem.raw == fields[problem.column - 1], "\(problem)")
            }
        }
    }
}

private extension DateParseResult {
    var day: CalendarDay? {
        if case .date(let day) = self { return day }
        return nil
    }
}
