import Testing
@testable import AnnualReturn

/// `FigureExplainer` on the hand-counted small district: what it lists behind a figure adds
/// up to the figure, and each entry says where it was read and why it counts.
struct FigureExplainerTests {
    /// Explains `id` in `result`, failing the test when it cannot.
    static func explain(_ id: String, in result: RunResult) throws -> FigureExplanation {
        switch FigureExplainer.explain(id, in: result) {
        case .success(let explanation): return explanation
        case .failure(let error): throw error
        }
    }

    /// An amount as figures.json writes it ("23200.50"), in fen.
    static func fen(_ value: FigureValue?) -> Fen? {
        guard case .text(let text)? = value, case .amount(let amount) = AmountParser.parse(text) else { return nil }
        return amount
    }

    /// Figures that sum a number per record (hazards, irregularities) rather than count
    /// records: their entries add their numbers instead of counting one each.
    static let quantityIDs: Set<String> = ["hazards.general", "hazards.major", "hazards.rectified", "patrols.irregularities"]

    @Test(arguments: [
        "inspections.count", "inspections.by_kind.routine", "inspections.enterprises", "patrols.count",
        "patrols.enterprises", "penalties.cases", "penalties.by_type.fine", "penalties.mentions.fine",
        "penalties.by_party.unit", "enforcement.measures", "enforcement.by_kind.other_measure",
        "inspections.by_month.2022-03", "inspections.by_industry_group.industry_trade",
        "periods.case_review.penalties.cases", "periods.case_review.enforcement.measures",
        "records.penalties.duplicates", "records.penalties.conflicts", "records.penalties.rejected",
    ])
    func listsAsManyEntriesAsTheFigureSays(_ id: String) throws {
        let result = try runSmallFixture()
        let explanation = try Self.explain(id, in: result)
        let figure = try #require(result.figures[id]?.integer)
        #expect(explanation.entries.count == figure, "\(id)")
        #expect(explanation.isConsistent, "\(id)")
        #expect(explanation.footer.hasSuffix("（相符）"), "\(explanation.footer)")
    }

    @Test(arguments: ["penalties.fines_yuan", "penalties.confiscations_yuan", "penalties.total_yuan",
                      "penalties.total_wanyuan", "periods.case_review.penalties.total_yuan"])
    func moneyEntriesSumToTheFigureToTheFen(_ id: String) throws {
        let result = try runSmallFixture()
        let explanation = try Self.explain(id, in: result)
        let amounts = explanation.entries.compactMap { entry -> Fen? in
            if case .money(let amount) = entry.contribution { return amount }
            return nil
        }
        #expect(amounts.count == explanation.entries.count, "every entry of a money figure shows its amount")
        #expect(amounts.allSatisfy { $0 != .zero })
        let sum = amounts.reduce(Fen.zero, +)
        if id == "penalties.total_wanyuan" {
            #expect(sum == Self.fen(result.figures["penalties.total_yuan"]))
            #expect(.text(sum.wanyuanString) == result.figures[id])
        } else {
            #expect(sum == Self.fen(result.figures[id]), "\(id)")
        }
        #expect(explanation.isConsistent)
    }

    @Test func fineCasesShowTheirAmountsAndTheirTotal() throws {
        let explanation = try Self.explain("penalties.total_yuan", in: try runSmallFixture())
        // CF-002 200.00, CF-003 20000 + 500 (the newer export's version), CF-006 3000.50 + 1200.
        #expect(explanation.entries.map(\.key) == ["CF-002", "CF-003", "CF-006"])
        let cf003 = try #require(explanation.entries.first { $0.key == "CF-003" })
        #expect(cf003.reason == "罚款 20,000.00 元 + 没收 500.00 元")
        #expect(cf003.location?.file == "exports/penalties-new.csv")
        #expect(explanation.footer == "合计：3 件，24,900.50 元 = penalties.total_yuan 24900.50（相符）")
    }

    /// For every count of the small district, the explanation's entries are what the figure
    /// counts: one entry per record (or per distinct enterprise), or, for the figures that sum
    /// a number per record, entries whose numbers add up to it.
    @Test func everyCountHasAsManyEntriesAsItSays() throws {
        let result = try runSmallFixture()
        let ids = result.figures.ids.filter { id in
            !id.hasPrefix("meta.") && !id.hasPrefix("records.") && result.figures[id]?.integer != nil
        }
        #expect(ids.count > 150)
        for id in ids {
            let figure = result.figures[id]!.integer!
            let explanation = try Self.explain(id, in: result)
            if Self.quantityIDs.contains(id) {
                #expect(explanation.entries.reduce(0) { $0 + $1.contribution.units } == figure, "\(id)")
            } else {
                #expect(explanation.entries.count == figure, "\(id)")
                #expect(explanation.entries.allSatisfy { $0.contribution == .one }, "\(id)")
            }
            #expect(explanation.isConsistent, "\(id)")
        }
    }

    /// Every figure, whatever its kind, is explained, and its entries give its value back.
    @Test func everyFigureIsExplainedConsistently() throws {
        let result = try runSmallFixture()
        for id in result.figures.ids {
            let explanation = try Self.explain(id, in: result)
            #expect(explanation.value == result.figures[id])
            #expect(explanation.isConsistent, "\(id): \(String(describing: explanation.recomputedValue)) vs \(explanation.value)")
            #expect(!explanation.ruleChinese.isEmpty && !explanation.ruleEnglish.isEmpty, "\(id)")
        }
    }

    /// The rule book is laid out as FigureBuilder is: neither has an id the other lacks.
    @Test func ruleBookCoversExactlyTheFigures() throws {
        let result = try runSmallFixture()
        let book = FigureRuleBook(configuration: result.configuration)
        #expect(Set(book.ids).subtracting(result.figures.ids) == [])
        #expect(Set(result.figures.ids).subtracting(book.ids) == [])
    }

    @Test func eachEntrySaysWhereItWasReadAndWhy() throws {
        let result = try runSmallFixture()
        let byType = try Self.explain("penalties.by_type.suspend_business", in: result)
        let entry = try #require(byType.entries.first)
        #expect(entry.key == "CF-003")
        #expect(entry.location == SourceLocation(file: "exports/penalties-new.csv", fileIndex: 1, row: 4, line: 4))
        #expect(entry.date == CalendarDay(year: 2022, month: 3, day: 10))
        #expect(entry.reason == "最重处罚种类 责令停产停业（罚款+责令停产停业）")

        let mentions = try Self.explain("penalties.mentions.fine", in: result)
        #expect(mentions.entries.map(\.key) == ["CF-002", "CF-003", "CF-006"])
        #expect(mentions.entries[2].reason == "涉及 罚款（罚款+没收违法所得）")

        let special = try Self.explain("inspections.by_kind.special", in: result)
        // JC-003's 备注 cell holds a line break, so the record's row and physical line differ
        // from the rows below it, not from its own: it is row 4, line 4.
        #expect(special.entries.map(\.key) == ["JC-003"])
        #expect(special.entries[0].reason == "检查 · 专项检查 · 检查方式为专项检查")
        #expect(special.entries[0].place == "exports/inspections.csv:4")

        let complaint = try Self.explain("inspections.by_kind.complaint", in: result)
        #expect(complaint.entries[0].place == "exports/inspections.csv:11 (line 12)")
    }

    @Test func patrolsAreListedApartFromInspections() throws {
        let result = try runSmallFixture()
        let inspections = try Self.explain("inspections.count", in: result)
        let patrols = try Self.explain("patrols.count", in: result)
        #expect(inspections.entries.map(\.key) == ["JC-001", "JC-002", "JC-003", "JC-005", "JC-010", "JC-011"])
        #expect(patrols.entries.map(\.key) == ["JC-004", "JC-008"])
        // JC-006 is dated 2021: a note says so, and the rejected rows are pointed at.
        #expect(inspections.notes.contains { $0.contains("JC-006（2021-12-01）") })
        #expect(inspections.notes.contains { $0.contains("2 行被拒绝") })
    }

    @Test func distinctEnterprisesAreListedOnceWithTheRecordsThatNameThem() throws {
        let result = try runSmallFixture()
        let explanation = try Self.explain("inspections.enterprises", in: result)
        #expect(explanation.entries.count == 4)
        #expect(Set(explanation.entries.map(\.key)).count == 4)
        let chemical = try #require(explanation.entries.first { $0.key == "91350100M000100Y43" })
        #expect(chemical.sources.map(\.key) == ["JC-001", "JC-003"])
        #expect(chemical.sources[0].reason.hasSuffix("信用代码 91350100M000100Y43"))
        #expect(chemical.sources[1].reason.contains("归入该企业"))
        #expect(chemical.reason.contains("其中 1 条无代码记录按名称归入"))
        let machinery = try #require(explanation.entries.first { $0.key == "乙机械厂" })
        #expect(machinery.sources.map(\.key) == ["JC-002", "JC-005"])
        #expect(machinery.sources.allSatisfy { $0.contribution == .none })
    }

    @Test func rateShowsNumeratorAndDenominatorOfEachRecord() throws {
        let result = try runSmallFixture()
        let explanation = try Self.explain("hazards.rectification_rate", in: result)
        var numerator = 0, denominator = 0
        for entry in explanation.entries {
            guard case .fraction(let part, let whole) = entry.contribution else {
                Issue.record("\(entry.key) has no numerator and denominator")
                continue
            }
            numerator += part
            denominator += whole
        }
        #expect(numerator == result.figures["hazards.rectified"]?.integer)
        #expect(denominator == (result.figures["hazards.general"]?.integer ?? 0) + (result.figures["hazards.major"]?.integer ?? 0))
        #expect(explanation.total == .rate(numerator: 7, denominator: 9))
        #expect(explanation.footer == "合计：7 项 / 9 项 = 77.8% = hazards.rectification_rate 77.8（相符）")
    }

    @Test func monthlyAverageListsTheActiveMonths() throws {
        let result = try runSmallFixture()
        let explanation = try Self.explain("inspections.monthly_average", in: result)
        #expect(explanation.entries.count == 10)
        #expect(!explanation.entries.map(\.key).contains("2022-03"))
        #expect(explanation.total == .average(total: 5, months: 10))
        #expect(explanation.notes == ["停工月份 2022-03（1 家次）、2022-10（0 家次）不计入月均；这些月份的记录仍计入全年及分月数字"])
    }

    @Test func fileAccountsExplainTheRecordsFigures() throws {
        let result = try runSmallFixture()
        let read = try Self.explain("records.penalties.read", in: result)
        #expect(read.entries.map(\.key) == ["exports/penalties-old.csv", "exports/penalties-new.csv"])
        #expect(read.entries.map(\.contribution) == [.units(5), .units(7)])
        #expect(read.isConsistent)

        let rejected = try Self.explain("records.penalties.rejected", in: result)
        #expect(rejected.entries.map(\.key) == ["unknown-category", "negative-amount"])
        #expect(rejected.entries.map { $0.location?.row } == [6, 8])

        let duplicates = try Self.explain("records.penalties.duplicates", in: result)
        #expect(duplicates.entries.map(\.key) == ["CF-001", "CF-002"])
        #expect(duplicates.entries[0].reason == "与 exports/penalties-old.csv:2 的记录编号相同、内容相同，只计一次")

        let conflicts = try Self.explain("records.penalties.conflicts", in: result)
        #expect(conflicts.entries.map(\.key) == ["CF-003"])
        #expect(conflicts.entries[0].reason.contains("fine_amount 15000.00 → 20000.00"))
    }

    @Test func namedPeriodsListTheRecordsInsideThem() throws {
        let result = try runSmallFixture()
        let explanation = try Self.explain("periods.case_review.penalties.cases", in: result)
        // 2021-11-20 counts in the review window though not in the year; 2022-08-08 does not.
        // Records are listed in the order they were read: CF-004 only in the older export,
        // CF-003 in its newer version.
        #expect(explanation.entries.map(\.key) == ["CF-001", "CF-002", "CF-004", "CF-003"])
        #expect(explanation.entries[0].reason.hasSuffix("决定日期在 case_review（2021-11-01 至 2022-07-31）内"))
    }

    @Test func metaFiguresSayWhereTheyComeFrom() throws {
        let result = try runSmallFixture()
        let year = try Self.explain("meta.year", in: result)
        #expect(year.entries.isEmpty)
        #expect(year.footer == "来源：配置文件的 year")
        let asOf = try Self.explain("meta.as_of", in: result)
        #expect(asOf.entries.map(\.key) == ["JC-011"])
        #expect(asOf.footer.contains("2022-12-31"))
    }

    @Test(arguments: [
        ("penalties.by_type.fines", "penalties.by_type.fine"),
        ("penalties.by_type", "penalties.by_type.warning"),
        ("Penalties.Cases", "penalties.cases"),
        ("inspections.by_month.2022-3", "inspections.by_month.2022-03"),
        ("fine", "penalties.by_type.fine"),
    ])
    func unknownIDsSuggestCloseOnes(typed: String, suggested: String) throws {
        let result = try runSmallFixture()
        guard case .failure(let error) = FigureExplainer.explain(typed, in: result),
              case .unknownFigure(let id, let suggestions) = error else {
            Issue.record("\(typed) was explained")
            return
        }
        #expect(id == typed)
        #expect(suggestions.contains(suggested), "\(suggestions)")
        #expect(error.description.contains(suggested))
    }
}

/// With last year's return configured, the year-over-year figures are explained too.
struct ExplainYearOverYearTests {
    @Test func ruleBookCoversTheYearOverYearFigures() throws {
        var result = try runSmallFixture()
        result.configuration.previousYear = PreviousYear(
            source: "2021/return.json", year: 2021,
            figures: ["penalties.cases": .integer(4), "penalties.fines_yuan": .text("20000.00")])
        result.figures = FigureBuilder(configuration: result.configuration, aggregate: result.aggregate,
                                       accounts: result.accounts).build()
        let book = FigureRuleBook(configuration: result.configuration)
        #expect(Set(book.ids) == Set(result.figures.ids))

        let change = try FigureExplainerTests.explain("penalties.cases.change", in: result)
        #expect(change.value == .integer(1))
        #expect(change.footer == "来源：本年 penalties.cases 5 − 上年 4（2021/return.json）")
    }
}
