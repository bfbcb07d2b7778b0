import Testing
@testable import AnnualReturn

/// Header matching and row staging, on single rows.
struct StagingTests {
    static func stager(_ dataset: Dataset, header: [String], extra: [String: String] = [:]) throws -> RecordStager {
        let mapping = try HeaderMapping.build(dataset: dataset, header: header, extra: extra).get()
        return RecordStager(mapping: mapping, file: "f.csv", fileIndex: 0,
                            lockdownMonths: [YearMonth(year: 2022, month: 3)!])
    }

    @Test(arguments: [
        ["案件编号", "处罚决定日期", "处罚种类", "罚款金额（元）"],
        ["CASE_ID", " Decision_Date ", "penalty_types", "Fine_Amount"],
        ["案件编号 ", "处罚决定日期", "处罚种类", "罚款金额(元)"],
    ])
    func headerVariantsMatch(header: [String]) throws {
        let mapping = try HeaderMapping.build(dataset: .penalties, header: header, extra: [:]).get()
        #expect(mapping.fieldIndex["case_id"] == 0)
        #expect(mapping.fieldIndex["decision_date"] == 1)
        #expect(mapping.fieldIndex["fine_amount"] == 3)
    }

    @Test func configuredHeaderMapsToItsKey() throws {
        let extra = [TextNormalizer.headerKey("处罚决定书日期"): "decision_date"]
        let mapping = try HeaderMapping.build(dataset: .penalties, header: ["案件编号", "处罚决定书日期", "处罚种类"],
                                              extra: extra).get()
        #expect(mapping.fieldIndex["decision_date"] == 1)
    }

    @Test func missingRequiredColumnListsTheHeadersFound() {
        guard case .failure(let missing) = HeaderMapping.build(dataset: .penalties, header: ["编号", "日期", "处罚种类"], extra: [:]) else {
            Issue.record("a header without 案件编号 and 处罚决定日期 must not map")
            return
        }
        #expect(missing.columns.map(\.key) == ["case_id", "decision_date"])
        #expect(missing.message.contains("\"编号\", \"日期\", \"处罚种类\""))
    }

    static let penaltyHeader = ["案件编号", "处罚决定日期", "当事人", "处罚种类", "罚款金额(元)", "程序类型"]

    func penalty(_ fields: [String]) throws -> RecordStager.Outcome<PenaltyRecord> {
        try Self.stager(.penalties, header: Self.penaltyHeader).penalty(CSVRecord(row: 2, line: 2, fields: fields))
    }

    @Test func reorderedTypesAndAnotherAmountFormAreTheSameRecord() throws {
        guard case .record(let first, _) = try penalty(["CF-1", "2022-05-01", "甲公司", "警告、罚款", "1,000.00", "一般程序"]),
              case .record(let second, _) = try penalty(["CF-1", "2022/5/1", "甲公司 ", "罚款+警告", "￥1000", "普通程序"]) else {
            Issue.record("both rows should stage")
            return
        }
        #expect(first == second)
        #expect(first.penaltyTypes == ["warning", "fine"])
    }

    @Test(arguments: [
        (["CF-1", "2022-05-01", "甲公司", "", "100", ""], "missing-required", 4),
        (["", "2022-05-01", "甲公司", "罚款", "100", ""], "missing-required", 1),
        (["CF-1", "2022-05-01", "甲公司", "罚款、罚金", "100", ""], "unknown-category", 4),
        (["CF-1", "20220532", "甲公司", "罚款", "100", ""], "bad-date", 2),
        (["CF-1", "2022-05-01", "甲公司", "罚款", "一百元", ""], "bad-amount", 5),
        (["CF-1", "2022-05-01", "甲公司", "罚款", "-1", ""], "negative-amount", 5),
    ] as [([String], String, Int)])
    func badPenaltyRowsAreRejectedAtTheirField(fields: [String], code: String, column: Int) throws {
        guard case .rejected(let problems) = try penalty(fields) else {
            Issue.record("the row should be rejected")
            return
        }
        #expect(problems.first.map { "\($0.code)@\($0.column)" } == "\(code)@\(column)")
    }

    @Test func legacyAmbiguousNameIsKeptWithAWarning() throws {
        guard case .record(let record, let warnings) = try penalty(["CF-1", "2022-05-01", "甲公司", "暂扣或者吊销许可证", "", ""]) else {
            Issue.record("the row should stage")
            return
        }
        #expect(record.penaltyTypes == ["suspend_permit"])
        #expect(warnings.map(\.code) == [.legacyCategory])
    }

    @Test(arguments: [
        ("其他", "行政强制措施", "other_measure", true),
        ("其他", "行政强制执行", "other_execution", false),
        ("查封", "", "seal_up", true),
        ("加处罚款", "", "surcharge", false),
        ("申请法院强制执行", "", "court_enforcement", false),
    ])
    func enforcementKinds(kind: String, enforcementClass: String, code: String, isMeasure: Bool) throws {
        let stager = try Self.stager(.enforcement, header: ["action_id", "date", "kind", "class"])
        guard case .record(let record, _) = stager.enforcement(CSVRecord(row: 2, line: 2, fields: ["QZ-1", "2022-05-01", kind, enforcementClass])) else {
            Issue.record("\(kind) should stage")
            return
        }
        #expect(record.kind == code)
        #expect(record.isMeasure == isMeasure)
    }

    @Test(arguments: ["合计", "小计", "总计：", "说明", "填表说明：单位为元", "注：本表"])
    func summaryRowsAreNotRecords(label: String) throws {
        guard case .summary = try penalty(["", label, "", "", "100", ""]) else {
            Issue.record("\(label) should be a summary row")
            return
        }
    }

    @Test func lockdownMonthRecordIsKeptWithAWarning() throws {
        guard case .record(_, let warnings) = try penalty(["CF-1", "2022-03-15", "甲公司", "罚款", "100", ""]) else {
            Issue.record("the row should stage")
            return
        }
        #expect(warnings.map(\.code) == [.lockdownActivity])
    }
}

/// An enterprise seen before is found from the row's bytes, without the strings the general
/// path makes: it must be the same reference, with the same warnings, however the row spells
/// it.
struct SeenEnterpriseTests {
    static let header = ["检查编号", "检查日期", "检查方式", "被检查单位", "统一社会信用代码"]

    static func stage(name: String, code: String) throws -> (EnterpriseRef?, [String]) {
        let stager = try StagingTests.stager(.inspections, header: header)
        let outcome = stager.inspection(CSVRecord(row: 2, line: 2, fields: ["JC-1", "2022-05-01", "日常检查", name, code]))
        guard case .record(let record, let warnings) = outcome else { return (nil, []) }
        return (record.enterprise, warnings.map { "\($0.code): \($0.message)" })
    }

    @Test func everySpellingOfAnEnterpriseSeenBeforeIsTheSameReference() throws {
        // A name no other test uses: the table of references lives as long as the process.
        let name = "华东化工有限公司\(UInt32.random(in: 0...UInt32.max))"
        let code = "91310000MA1K4Q2X1" + String(CreditCodeCheck.checkCharacter(for: "91310000MA1K4Q2X1")!)
        #expect(CreditCodeCheck.check(code) == .valid)
        let expected = EnterpriseRef(creditCode: code, name: name)
        for (spelledName, spelledCode) in [(name, code), (" \(name) ", code.lowercased()), (name, " \(code)\t"),
                                           (name.replacingOccurrences(of: "有限", with: "有 限"), code),
                                           ("\u{3000}\(name)", "９１" + code.dropFirst(2))] {
            let (first, firstWarnings) = try Self.stage(name: spelledName, code: spelledCode)
            let (again, againWarnings) = try Self.stage(name: spelledName, code: spelledCode)
            #expect(first == expected && again == expected, "\(spelledName) \(spelledCode)")
            #expect(firstWarnings == againWarnings)
        }
        let nameOnly = EnterpriseRef(creditCode: nil, name: name)
        #expect(try Self.stage(name: name, code: " ").0 == nameOnly)
        #expect(try Self.stage(name: " ", code: "").0 == EnterpriseRef(creditCode: nil, name: ""))
    }

    /// A row naming an enterprise for the first time interns it from the row's bytes: the
    /// reference must then be the one the strings give, with the same texts and digests.
    @Test func anEnterpriseFirstSeenInARowIsInternedWithItsTexts() throws {
        let unique = UInt32.random(in: 0...UInt32.max)
        let body = "91310000MA1K4Q2X2"
        let code = body + String(CreditCodeCheck.checkCharacter(for: body)!)
        for (spelledName, spelledCode, name, expectedCode) in [
            (" 首见化工有限公司\(unique) ", code.lowercased(), "首见化工有限公司\(unique)", Optional(code)),
            ("首见 加油站\(unique)", "", "首见加油站\(unique)", nil),
            ("", " \(code)", "", Optional(code)),
        ] {
            // Staged first: nothing has made this reference from strings yet.
            let (staged, warnings) = try Self.stage(name: spelledName, code: spelledCode)
            #expect(warnings.isEmpty)
            let reference = try #require(staged)
            #expect(reference.name == name && reference.creditCode == expectedCode)
            #expect(reference.partDigests.name == KeyDigest(name))
            #expect(reference.partDigests.code == expectedCode.map { KeyDigest($0) })
            #expect(EnterpriseRef(creditCode: expectedCode, name: name) == reference)
        }
    }

    @Test func aBadCreditCodeIsWarnedAboutEveryTimeItIsSeen() throws {
        let name = "西郊加油站\(UInt32.random(in: 0...UInt32.max))"
        let valid = "91310000MA1K4Q2X1" + String(CreditCodeCheck.checkCharacter(for: "91310000MA1K4Q2X1")!)
        let wrongCheck = String(valid.dropLast()) + (valid.last == "0" ? "1" : "0")
        for code in [wrongCheck, String(valid.dropLast()), "91310000MA1K4Q2XI" + String(valid.last!)] {
            let (first, firstWarnings) = try Self.stage(name: name, code: code)
            let (again, againWarnings) = try Self.stage(name: name, code: code)
            #expect(first == again)
            #expect(firstWarnings.count == 1 && againWarnings == firstWarnings, "\(code)")
        }
    }
}
