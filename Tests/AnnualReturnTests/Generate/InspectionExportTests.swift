import Testing
@testable import AnnualReturn

/// The planted untidiness and problems of `inspections.csv`, each found where the generator's
/// table says.
struct InspectionExportTests {
    let table: SampleTable

    init() throws {
        table = try GeneratedSample.table(GeneratedSample.inspections)
    }

    @Test func headersAreTheChineseOnesPlusUnmappedColumns() {
        #expect(table.header == [
            "序号", "检查编号", "检查日期", "检查方式", "被检查单位", "统一社会信用代码", "行业领域",
            "一般隐患数", "重大隐患数", "已整改隐患数", "不规范执法行为数", "执法单位", "执法人员", "备注",
        ])
    }

    @Test func exactlyOneImpossibleDate() throws {
        let dates = try table.values("检查日期")
        #expect(dates.filter { $0 == "2022-02-30" }.count == 1)
        #expect(dates.filter { DateParser.parse($0) == .invalid }.count == 1)
    }

    @Test func everyDateFormIsPresent() throws {
        let dates = try table.values("检查日期")
        let patterns: [String: String] = [
            "ISO": #"^\d{4}-\d{2}-\d{2}$"#, "slashes": #"^\d{4}/\d{1,2}/\d{1,2}$"#,
            "dots": #"^\d{4}\.\d{1,2}\.\d{1,2}$"#, "Chinese": #"^\d{4}年\d{1,2}月\d{1,2}日$"#,
            "compact": #"^\d{8}$"#, "date-time": #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"#,
            "Excel serial": #"^4\d{4}$"#, "Excel serial with time": #"^4\d{4}\.\d+$"#,
        ]
        for (form, pattern) in patterns {
            let regex = try Regex(pattern)
            #expect(dates.contains { $0.wholeMatch(of: regex) != nil }, "no date in the \(form) form")
        }
    }

    @Test func exactlyOneEmptyIDAndOneOverRectifiedRow() throws {
        #expect(try table.values("检查编号").filter(\.isEmpty).count == 1)
        let general = try table.column("一般隐患数")
        let major = try table.column("重大隐患数")
        let rectified = try table.column("已整改隐患数")
        let overRectified = table.dataRecords.filter { record in
            (Int(record[rectified]) ?? 0) > (Int(record[general]) ?? 0) + (Int(record[major]) ?? 0)
        }
        #expect(overRectified.count == 1)
    }

    @Test func theStrayQuoteAndTheExtraCellAreRejectedByIngest() {
        let errors = table.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code).sorted() == [.extraCell, .strayQuote])
    }

    @Test func oneRemarkHoldsALineBreak() throws {
        #expect(try table.values("备注").filter { $0.contains("\n") }.count == 1)
    }

    @Test func creditCodesAreUntidyButOnlyThreeHaveAWrongCheckCharacter() throws {
        let codes = try table.values("统一社会信用代码").filter { !$0.isEmpty }
        #expect(codes.contains { $0.unicodeScalars.contains { (0xFF10...0xFF5A).contains($0.value) } },
                "no full-width code")
        #expect(codes.contains { $0.contains(" ") || $0.contains("\u{3000}") }, "no code with a space")
        #expect(codes.contains { $0.contains(where: \.isLowercase) }, "no lower-case code")
        let outcomes = codes.map { CreditCodeCheck.check(TextNormalizer.creditCode($0)) }
        #expect(outcomes.filter { $0 != .valid }.count == 3)
        #expect(outcomes.allSatisfy { outcome in
            if case .wrongCheckCharacter = outcome { return true }
            return outcome == .valid
        })
    }

    @Test func namesAreUntidyAndNameOnlyRowsResolveToOneCode() throws {
        let names = try table.values("被检查单位")
        #expect(names.contains { $0.hasSuffix(" ") }, "no trailing space")
        #expect(names.contains { $0.unicodeScalars.contains { (0xFF21...0xFF3A).contains($0.value) } },
                "no full-width letter in a name")

        let nameColumn = try table.column("被检查单位")
        let codeColumn = try table.column("统一社会信用代码")
        let kindColumn = try table.column("检查方式")
        var codesByName: [String: Set<String>] = [:]
        var nameOnly: [String] = []
        for record in table.dataRecords where !record[nameColumn].isEmpty {
            let name = TextNormalizer.compact(record[nameColumn])
            let code = TextNormalizer.creditCode(record[codeColumn])
            if !code.isEmpty { codesByName[name, default: []].insert(code) }
            else if name.hasSuffix("公司") && record[kindColumn] != "执法巡查" { nameOnly.append(name) }
        }
        #expect(!nameOnly.isEmpty)
        for name in nameOnly {
            #expect(codesByName[name]?.count == 1, "\(name) has codes \(codesByName[name] ?? [])")
        }
    }

    @Test func theFileEndsWithDelimiterOnlyRowsAndBlankLines() throws {
        let bytes = try GeneratedSample.bytes(GeneratedSample.inspections)
        let tail = String(decoding: bytes.suffix(40), as: UTF8.self)
        #expect(tail.hasSuffix("\r\n,,,,,,,,,,,,,\r\n,,,,\r\n\r\n\r\n"))
        #expect(table.summary.blankRows == 4)
    }

    @Test func everyKindIndustryAndCountIsReadable() throws {
        for kind in Set(try table.values("检查方式")) {
            #expect(Catalogue.lookup(.inspectionKind, kind).category != nil, "\(kind)")
        }
        for industry in Set(try table.values("行业领域")) where !industry.isEmpty {
            #expect(Catalogue.lookup(.industry, industry).category != nil, "\(industry)")
        }
        for column in ["一般隐患数", "重大隐患数", "已整改隐患数", "不规范执法行为数"] {
            #expect(try table.values(column).allSatisfy { $0.isEmpty || Int($0) != nil }, "\(column)")
        }
    }
}
