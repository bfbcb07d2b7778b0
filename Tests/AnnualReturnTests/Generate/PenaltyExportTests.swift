import Testing
@testable import AnnualReturn

/// The two penalty exports: the older system's June export and the newer system's cumulative
/// December export, their planted problems, duplicates, conflicts and 合计 rows.
struct PenaltyExportTests {
    let june: SampleTable
    let december: SampleTable

    init() throws {
        june = try GeneratedSample.table(GeneratedSample.junePenalties)
        december = try GeneratedSample.table(GeneratedSample.decemberPenalties)
    }

    /// A penalty record reduced to normalised canonical values, for comparing the two systems.
    struct CanonicalPenalty: Equatable {
        var decisionNumber: String
        var decisionDate: DateParseResult
        var party: String
        var partyType: String?
        var creditCode: String
        var industry: String?
        var penaltyTypes: [String?]
        var fine: AmountParseResult
        var confiscation: AmountParseResult
        var procedure: String?
        var origin: String
        var hearing: Bool?
        var legalReview: Bool?
        var publishedDate: DateParseResult
        var closedDate: DateParseResult
        var unit: String
    }

    /// Case id -> canonical record, for the rows of `table` (headers of either system).
    func canonicalRecords(_ table: SampleTable) throws -> [String: CanonicalPenalty] {
        func index(_ names: String...) throws -> Int {
            try #require(names.lazy.compactMap { table.header.firstIndex(of: $0) }.first)
        }
        let columns = (
            id: try index("案件编号"), number: try index("处罚决定书文号"),
            date: try index("处罚决定日期", "处罚决定书日期"), party: try index("当事人"),
            partyType: try index("当事人类型"), code: try index("统一社会信用代码"), industry: try index("行业领域"),
            types: try index("处罚种类"), fine: try index("罚款金额(元)", "罚款金额（元）"),
            confiscation: try index("没收金额(元)"), procedure: try index("程序类型"), origin: try index("案件来源"),
            hearing: try index("是否听证"), review: try index("是否法制审核"), published: try index("公示日期"),
            closed: try index("结案日期"), unit: try index("执法单位"))
        var records: [String: CanonicalPenalty] = [:]
        for record in table.dataRecords {
            records[record[columns.id]] = CanonicalPenalty(
                decisionNumber: record[columns.number], decisionDate: DateParser.parse(record[columns.date]),
                party: TextNormalizer.compact(record[columns.party]),
                partyType: Catalogue.lookup(.partyType, record[columns.partyType]).category?.code,
                creditCode: TextNormalizer.creditCode(record[columns.code]),
                industry: Catalogue.lookup(.industry, record[columns.industry]).category?.code,
                penaltyTypes: PenaltyTypeList.split(record[columns.types])
                    .map { Catalogue.lookup(.penaltyType, $0).category?.code },
                fine: AmountParser.parse(record[columns.fine]),
                confiscation: AmountParser.parse(record[columns.confiscation]),
                procedure: Catalogue.lookup(.procedure, record[columns.procedure]).category?.code,
                origin: record[columns.origin], hearing: YesNo.parse(record[columns.hearing]),
                legalReview: YesNo.parse(record[columns.review]),
                publishedDate: DateParser.parse(record[columns.published]),
                closedDate: DateParser.parse(record[columns.closed]), unit: record[columns.unit])
        }
        return records
    }

    @Test func headersAreThoseOfEachSystem() throws {
        #expect(june.header.contains("罚款金额（元）"))
        #expect(june.header.contains("处罚决定书日期"))
        #expect(!june.header.contains("处罚决定日期"))
        #expect(december.header == PenaltyExportWriter.newerHeader)
        #expect(december.header.contains("序号") && december.header.contains("备注"))
    }

    @Test func theJuneExportHasTheOlderSystemsForms() throws {
        #expect(Set(try june.values("当事人类型")) == ["法人", "自然人"])
        let types = try june.values("处罚种类")
        #expect(types.contains { $0.contains("暂扣许可证") && !$0.contains("暂扣许可证件") })
        #expect(types.contains { $0.contains("吊销执照") })
        #expect(types.filter { $0.contains("暂扣或者吊销许可证") }.count == 1)
        #expect(types.filter { $0.contains("罚歀") }.count == 1)
        #expect(types.contains { $0.contains("+") })
        #expect(try june.values("程序类型").contains("一般程序"))

        let fines = try june.values("罚款金额（元）")
        for (form, pattern) in [
            ("grouped", #"^\d{1,3}(,\d{3})+\.\d{2}$"#), ("yuan sign", #"^￥\d+$"#), ("yuan suffix", #"^\d+元$"#),
            ("wanyuan", #"^\d+(\.\d{1,2})?万元$"#), ("full-width", #"^[０-９]+$"#),
        ] {
            let regex = try Regex(pattern)
            #expect(fines.contains { $0.wholeMatch(of: regex) != nil }, "no fine in the \(form) form")
        }
        #expect(fines.filter { $0.hasPrefix("-") }.count == 1)
        #expect(fines.contains { $0.wholeMatch(of: #/\d+\.\d[1-9]|\d+\.[1-9]\d/#) != nil }, "no fine with fen")

        let yesNo = Set(try june.values("是否听证") + june.values("是否法制审核"))
        #expect(yesNo.isSuperset(of: ["是", "否", "Y", "N", "1", "0", "√", ""]))
        let dates = try june.values("处罚决定书日期")
        #expect(dates.contains { $0.contains("/") } && dates.contains { $0.contains("年") })
    }

    @Test func theJuneTotalMatchesItsValidRows() throws {
        let total = try #require(june.records.last)
        #expect(total[0] == "合计")
        var sum = Fen.zero
        for fine in try june.values("罚款金额（元）") {
            if case .amount(let amount) = AmountParser.parse(fine), amount >= .zero { sum = sum + amount }
        }
        // The row with 罚歀 is rejected, so its fine is not in the total.
        let typeColumn = try june.column("处罚种类")
        let fineColumn = try june.column("罚款金额（元）")
        for record in june.dataRecords where record[typeColumn].contains("罚歀") {
            if case .amount(let amount) = AmountParser.parse(record[fineColumn]) { sum = sum - amount }
        }
        #expect(AmountParser.parse(total[fineColumn]) == .amount(sum))
    }

    @Test func theDecemberExportEndsWithAWrongTotalAndANote() throws {
        let rows = december.records.suffix(2).map(\.fields)
        #expect(rows.first?.first == "合计")
        #expect(rows.last?.first?.hasPrefix("填表说明") == true)
        let fineColumn = try december.column("罚款金额(元)")
        let idColumn = try december.column("案件编号")
        let typeColumn = try december.column("处罚种类")
        // The sum of the rows the pipeline accepts: an id, known types, no negative fine.
        var sum = Fen.zero
        for record in december.dataRecords where !record[idColumn].isEmpty {
            let typesKnown = PenaltyTypeList.split(record[typeColumn])
                .allSatisfy { Catalogue.lookup(.penaltyType, $0).category != nil }
            if typesKnown, case .amount(let amount) = AmountParser.parse(record[fineColumn]), amount >= .zero {
                sum = sum + amount
            }
        }
        guard case .amount(let printed) = AmountParser.parse(rows[0][fineColumn]) else {
            Issue.record("the 合计 fine is not an amount")
            return
        }
        #expect(printed != sum)
        #expect(printed - sum == PenaltyExportWriter.newerTotalDiscrepancy)
    }

    @Test func theDecemberExportHasItsOwnPlantedProblems() throws {
        let types = try december.values("处罚种类")
        #expect(types.filter { PenaltyTypeList.split($0).contains("责令停产") }.count == 1)
        #expect(try december.values("案件编号").filter(\.isEmpty).count == 1)
        #expect(try december.values("罚款金额(元)").filter { $0.hasPrefix("-") }.count == 1)
        #expect(Set(try december.values("当事人类型")) == ["单位", "个人"])
        for name in Set(types.flatMap(PenaltyTypeList.split)) where name != "责令停产" {
            guard case .found = Catalogue.lookup(.penaltyType, name) else {
                Issue.record("\(name) is not an official name")
                continue
            }
        }
    }

    @Test func juneRecordsReappearInDecemberMostlyUnchanged() throws {
        let juneRecords = try canonicalRecords(june)
        let decemberRecords = try canonicalRecords(december)
        let typeColumn = try june.column("处罚种类")
        let misspelt = Set(june.dataRecords.filter { $0[typeColumn].contains("罚歀") }.map { $0[1] })
        var changed: [String] = []
        for (caseID, juneRecord) in juneRecords {
            let decemberRecord = try #require(decemberRecords[caseID], "\(caseID) is missing in December")
            if juneRecord != decemberRecord && !misspelt.contains(caseID) { changed.append(caseID) }
        }
        #expect(changed.count == 4, "changed: \(changed.sorted())")
        // Later cases are only in December.
        let juneDay = CalendarDay(year: 2022, month: 6, day: 30)!
        let late = decemberRecords.filter { _, record in
            if case .date(let day) = record.decisionDate { return day > juneDay }
            return false
        }
        #expect(late.count > 100)
        #expect(late.keys.allSatisfy { juneRecords[$0] == nil })
    }
}
