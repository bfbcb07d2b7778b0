/// Lays out the return's tables from a run's aggregate and figures.
public struct ReturnBuilder {
    let result: RunResult
    private var tally: Tally { result.aggregate.yearTally }
    private var figures: Figures { result.figures }
    private var year: Int { result.configuration.year }

    public init(result: RunResult) { self.result = result }

    public func build() -> ReturnDocument {
        let configuration = result.configuration
        var notes = [
            "统计口径：记录按决定性日期归入期间（行政处罚、行政强制按决定日期，检查按检查日期）；同一案件编号在多次导出中重复出现的只计一次，内容不同的以较新导出为准。",
            "执法巡查单独统计，不计入检查次数；检查企业数按统一社会信用代码去重，无代码的按名称去重。",
            "金额以分为单位精确累加，显示时四舍五入：元保留两位小数，万元保留两位小数。罚没金额 = 罚款金额 + 没收金额。",
        ]
        if !configuration.lockdownMonths.isEmpty {
            let months = configuration.lockdownMonths.sorted().map { "\($0.year)年\($0.month)月" }.joined(separator: "、")
            notes.append("停：\(months)为疫情防控停工月份，执法巡查暂停；该月份内发生的记录照常统计，并在数据问题报告中列出以供核查；月均数按其余 \(12 - Set(configuration.lockdownMonths.filter { $0.year == year }).count) 个正常月份计算。")
        }
        notes.append("数据截至：\(result.asOf.map(Self.chineseDate) ?? "无记录")；本表为\(configuration.isFinal ? "正式" : "初步")数据\(configuration.isFinal ? "" : "，正式数据以年报发布为准")。")

        return ReturnDocument(
            title: "\(configuration.bureau)\(year)年度行政执法统计年报",
            bureau: configuration.bureau, year: year, asOf: result.asOf, isFinal: configuration.isFinal,
            lockdownMonths: configuration.lockdownMonths.sorted(),
            tables: [inspections(), penaltySummary(), penaltiesByType(), penaltyMentions(), enforcement(),
                     licensing(), disputes(), threeSystems(), catalogue(), caseReviews(), byIndustry(), monthly(), quarterly()] + (configuration.periods.isEmpty ? [] : [periods()])
                + (configuration.previousYear.map { [yearOverYear($0)] } ?? []),
            notes: notes)
    }

    static func chineseDate(_ day: CalendarDay) -> String { "\(day.year)年\(day.month)月\(day.day)日" }

    private func count(_ id: String) -> Int { figures[id]?.integer ?? 0 }

    private func single(_ id: String, _ label: String, unit: String, level: Int = 0) -> ReturnRow {
        ReturnRow(id: id, label: label, cells: [.count(count(id))], level: level, unit: unit, figureIDs: [id])
    }

    /// A percentage figure as a row: its one-decimal text, or — when its base is 0.
    private func rate(_ id: String, _ label: String, level: Int = 1) -> ReturnRow {
        let text: String? = if case .text(let value)? = figures[id] { value } else { nil }
        return ReturnRow(id: id, label: label, cells: [.decimal(text)], level: level, unit: "%", figureIDs: [id])
    }

    /// The four monthly series, as the columns of the monthly and quarterly tables.
    static let seriesColumns = [
        ReturnColumn(id: "inspections", title: "检查", unit: "家次"),
        ReturnColumn(id: "patrols", title: "执法巡查", unit: "次"),
        ReturnColumn(id: "penalties", title: "行政处罚", unit: "件"),
        ReturnColumn(id: "enforcement", title: "行政强制", unit: "件"),
    ]

    // MARK: Tables

    private func inspections() -> ReturnTable {
        var rows = [single("inspections.count", "检查次数", unit: "家次")]
        for kind in Catalogue.categories(.inspectionKind) where kind.code != "patrol" {
            rows.append(single("inspections.by_kind.\(kind.code)", kind.name, unit: "家次", level: 1))
        }
        rows += [
            single("inspections.enterprises", "检查企业数", unit: "家"),
            single("hazards.general", "发现一般隐患", unit: "项"),
            single("hazards.major", "发现重大隐患", unit: "项"),
            single("hazards.rectified", "已整改隐患", unit: "项"),
            rate("hazards.rectification_rate", "隐患整改率（%）", level: 0),
            single("patrols.count", "执法巡查次数", unit: "次"),
            single("patrols.enterprises", "巡查企业数", unit: "家"),
            single("patrols.irregularities", "巡查发现不规范执法行为", unit: "个"),
        ]
        return ReturnTable(
            id: "inspections", title: "表1 行政检查情况",
            convention: "检查次数按家次统计（一次检查一家企业计1家次）；执法巡查单列，不计入检查次数。",
            columns: [ReturnColumn(id: "value", title: "数量", unit: "")], rows: rows,
            notes: ["单位：检查次数、各检查方式为家次；企业数为家；隐患为项；整改率为%；巡查为次。"])
    }

    private func penaltySummary() -> ReturnTable {
        let fines = tally.fines, confiscations = tally.confiscations
        let total = fines + confiscations
        let rows = [
            single("penalties.cases", "行政处罚案件总数（件）", unit: "件"),
            single("penalties.by_party.unit", "其中：单位", unit: "件", level: 1),
            single("penalties.by_party.individual", "个人", unit: "件", level: 1),
            single("penalties.by_procedure.simple", "简易程序", unit: "件", level: 1),
            single("penalties.by_procedure.ordinary", "普通程序", unit: "件", level: 1),
            single("penalties.hearings", "听证", unit: "件", level: 1),
            single("penalties.legal_reviews", "法制审核", unit: "件", level: 1),
            single("penalties.mitigated", "减轻处罚", unit: "件", level: 1),
            single("penalties.transferred", "涉嫌犯罪移送", unit: "件", level: 1),
            single("penalties.not_penalized", "不予处罚决定（不计入案件总数）", unit: "件"),
            ReturnRow(id: "penalties.fines_yuan", label: "罚款金额（元）", cells: [.money(fines)], unit: "元", figureIDs: ["penalties.fines_yuan"]),
            ReturnRow(id: "penalties.confiscations_yuan", label: "没收金额（元）", cells: [.money(confiscations)], unit: "元", figureIDs: ["penalties.confiscations_yuan"]),
            ReturnRow(id: "penalties.total_yuan", label: "罚没金额合计（元）", cells: [.money(total)], unit: "元", figureIDs: ["penalties.total_yuan"]),
            ReturnRow(id: "penalties.total_wanyuan", label: "罚没金额合计（万元）", cells: [.wanyuan(total)], unit: "万元", figureIDs: ["penalties.total_wanyuan"]),
        ]
        return ReturnTable(id: "penalties_summary", title: "表2 行政处罚概况",
                           convention: "一份处罚决定计一件。",
                           columns: [ReturnColumn(id: "value", title: "数量", unit: "")], rows: rows)
    }

    private func penaltiesByType() -> ReturnTable {
        var rows = Catalogue.categories(.penaltyType).map {
            single("penalties.by_type.\($0.code)", $0.name, unit: "件")
        }
        rows.append(single("penalties.cases", "合计", unit: "件"))
        return ReturnTable(
            id: "penalties_by_type", title: "表3 行政处罚案件（按最重处罚种类）",
            convention: "每件案件只计一次，计入其处罚种类中最重的一种（按《行政处罚法》第九条的排列，由轻到重）；各行之和等于案件总数。",
            columns: [ReturnColumn(id: "cases", title: "案件数", unit: "件")], rows: rows)
    }

    private func penaltyMentions() -> ReturnTable {
        let rows = Catalogue.categories(.penaltyType).map {
            single("penalties.mentions.\($0.code)", $0.name, unit: "件次")
        }
        return ReturnTable(
            id: "penalties_mentions", title: "表4 行政处罚种类（按涉及种类）",
            convention: "并处的，每种处罚种类各计一次；各行之和大于或等于案件总数。",
            columns: [ReturnColumn(id: "mentions", title: "件次", unit: "件次")], rows: rows)
    }

    private func enforcement() -> ReturnTable {
        var rows = [single("enforcement.measures", "行政强制措施", unit: "件")]
        rows += Catalogue.categories(.enforcementMeasure).map {
            single("enforcement.by_kind.\($0.code)", $0.name, unit: "件", level: 1)
        }
        rows.append(single("enforcement.executions", "行政强制执行", unit: "件"))
        rows += Catalogue.categories(.enforcementExecution).map {
            single("enforcement.by_kind.\($0.code)", $0.name, unit: "件", level: 1)
        }
        return ReturnTable(id: "enforcement", title: "表5 行政强制情况",
                           convention: "一项强制措施或一次强制执行计一件，按决定日期归期。",
                           columns: [ReturnColumn(id: "actions", title: "件数", unit: "件")], rows: rows)
    }

    /// The note of a table whose optional input is not configured: its figures are 0 because
    /// nothing was given, not because nothing happened.
    private func missingInputNote(_ dataset: Dataset, _ what: String) -> [String] {
        guard (result.configuration.inputs[dataset] ?? []).isEmpty else { return [] }
        return ["未提供\(what)（配置文件 inputs 的 \(dataset.rawValue)），各项为 0。"]
    }

    /// 行政许可: applications by the day they were made, acceptances by the day accepted,
    /// decisions by their day; grants include granted changes and renewals.
    private func licensing() -> ReturnTable {
        var rows = [
            single("licensing.applications", "申请", unit: "件"),
            single("licensing.accepted", "受理", unit: "件"),
            single("licensing.granted", "准予", unit: "件"),
        ]
        for code in ["grant", "change", "renew"] {
            let name = Catalogue.category(.licensingDecision, code: code)?.name ?? code
            rows.append(single("licensing.by_decision.\(code)", name, unit: "件", level: 1))
        }
        rows += [
            single("licensing.by_decision.refuse", "不予许可", unit: "件"),
            single("licensing.by_decision.not_accepted", "不予受理", unit: "件"),
            single("licensing.by_decision.revoke", "撤销许可", unit: "件"),
        ]
        let notes = missingInputNote(.licensing, "行政许可导出")
        return ReturnTable(
            id: "licensing", title: "表6 行政许可情况",
            convention: "申请按申请日期、受理按受理日期（未填的按受理后的决定日期）、其余按决定日期归期；准予含准予变更、准予延续。",
            columns: [ReturnColumn(id: "value", title: "件数", unit: "件")], rows: rows, notes: notes)
    }

    /// 行政复议和行政应诉: reviews and lawsuits closed in the year, by outcome, with 纠错率 and
    /// 败诉率.
    private func disputes() -> ReturnTable {
        var rows: [ReturnRow] = []
        for (prefix, kind, against, label) in [("administrative_review.", "review", "corrected", "纠错"),
                                               ("litigation.", "litigation", "lost", "败诉")] {
            let kindName = Catalogue.category(.disputeKind, code: kind)?.name ?? kind
            rows.append(single(prefix + "closed", "\(kindName)结案", unit: "件"))
            rows += DisputeRecord.outcomes(of: kind).map { outcome in
                single(prefix + "by_outcome.\(outcome)", Catalogue.category(.disputeOutcome, code: outcome)?.name ?? outcome,
                       unit: "件", level: 1)
            }
            rows.append(single(prefix + against, label, unit: "件", level: 1))
            rows.append(rate(prefix + against + "_pct", "\(label)率（%）"))
        }
        rows.append(single("litigation.head_in_court", "行政机关负责人出庭应诉", unit: "件"))
        let notes = missingInputNote(.disputes, "行政复议和行政应诉案件导出")
        return ReturnTable(
            id: "review_litigation", title: "表7 行政复议和行政应诉",
            convention: "按结案日期归期。纠错指复议决定撤销、变更、确认违法或责令履行；败诉指判决撤销、变更、确认违法或责令履行。",
            columns: [ReturnColumn(id: "value", title: "件数", unit: "件")], rows: rows, notes: notes)
    }

    /// 三项制度: publication in time (行政执法公示), legal review of major decisions (重大执法决定
    /// 法制审核) and hearings, over the year's penalty decisions.
    private func threeSystems() -> ReturnTable {
        let hasCalendar = result.configuration.calendarFolder != nil
        /// The decisions judged, on time, late and unpublished, and the rate: empty cells
        /// without a calendar, which judging needs.
        func publicationRows(_ prefix: String, _ noun: String, workingDays: Int) -> [ReturnRow] {
            let counts = [("decisions", "\(noun)（件）", 0), ("on_time", "\(workingDays)个工作日内公示", 1),
                          ("late", "逾期公示", 1), ("unpublished", "未公示", 1)].map { part, label, level in
                hasCalendar ? single(prefix + part, label, unit: "件", level: level)
                    : ReturnRow(id: prefix + part, label: label, cells: [.decimal(nil)], level: level, unit: "件",
                                figureIDs: [prefix + part])
            }
            return counts + [rate(prefix + "on_time_pct", "按时公示率（%）")]
        }
        let rows = publicationRows("three_systems.publication.", "行政处罚决定", workingDays: PublicationRule.penaltyWorkingDays)
            + [
                single("three_systems.legal_review.major_decisions", "重大执法决定（件）", unit: "件"),
                single("three_systems.legal_review.reviewed", "经法制审核", unit: "件", level: 1),
                rate("three_systems.legal_review.reviewed_pct", "法制审核率（%）"),
                single("three_systems.hearings.notified", "告知听证权利（件）", unit: "件"),
                single("three_systems.hearings.requested", "当事人申请听证", unit: "件", level: 1),
                single("three_systems.hearings.held", "举行听证", unit: "件", level: 1),
            ]
            + publicationRows("three_systems.licensing_publication.", "行政许可决定", workingDays: PublicationRule.penaltyWorkingDays)
            + publicationRows("three_systems.enforcement_publication.", "行政强制决定", workingDays: PublicationRule.otherWorkingDays)
        var notes = ["逾期公示和未公示的本年决定逐件列入数据问题报告（published-late、not-published）。"]
        if !hasCalendar {
            notes.insert("未配置工作日历（calendars），无法计算公示时限，公示各行不予统计。", at: 0)
        }
        return ReturnTable(
            id: "three_systems", title: "表8 行政执法三项制度",
            convention: "按本年行政处罚决定、行政许可决定（不含不予受理）和行政强制决定统计：行政处罚、行政许可决定自决定之日起 7 个工作日内、行政强制决定 20 个工作日内（按国务院公布的节假日及调休安排计算工作日）公示的为按时公示；重大执法决定以是否法制审核为准；申请听证的视为已告知，举行听证的视为已申请。",
            columns: [ReturnColumn(id: "value", title: "数量", unit: "")], rows: rows, notes: notes)
    }

    /// 综合行政执法事项清单: the items of the bureau's enforcement catalogue, by class.
    private func catalogue() -> ReturnTable {
        var rows = [single("catalogue.items", "事项总数", unit: "项")]
        rows += Catalogue.categories(.catalogueClass).map {
            single("catalogue.by_class.\($0.code)", "\($0.name)事项", unit: "项", level: 1)
        }
        let notes = missingInputNote(.catalogue, "综合行政执法事项清单")
        return ReturnTable(
            id: "catalogue", title: "表9 综合行政执法事项清单",
            convention: "清单现行事项每项计一项，按事项类别分列；清单不分年度，以生成本表时的清单为准。",
            columns: [ReturnColumn(id: "items", title: "事项数", unit: "项")], rows: rows, notes: notes)
    }

    /// 案卷评查: the case files reviewed, by the day their case was closed — for the year and
    /// for each named period, since a review window is usually one.
    private func caseReviews() -> ReturnTable {
        let periods = result.configuration.periods
        let prefixes = [""] + periods.map { "periods.\($0.name)." }
        let columns = [ReturnColumn(id: "year", title: "本年", unit: "")]
            + periods.map { ReturnColumn(id: $0.name, title: "\($0.name)（\($0.from)至\($0.to)）", unit: "") }
        func row(_ suffix: String, _ label: String, unit: String, level: Int = 0) -> ReturnRow {
            let ids = prefixes.map { $0 + suffix }
            return ReturnRow(id: suffix, label: label, cells: ids.map { .count(count($0)) }, level: level,
                             unit: unit, figureIDs: ids)
        }
        var rows = [row("case_reviews.files", "被评查案卷", unit: "宗")]
        rows += Catalogue.categories(.caseFileType).map {
            row("case_reviews.by_type.\($0.code)", $0.name, unit: "宗", level: 1)
        }
        rows.append(row("case_reviews.problems", "发现问题", unit: "项"))
        let notes = missingInputNote(.caseReviews, "案卷评查记录")
        return ReturnTable(
            id: "case_reviews", title: "表10 案卷评查",
            convention: "每宗被评查的案卷计一宗，按其案件办结日期归期；发现问题数为评查记录所列问题之和。",
            columns: columns, rows: rows, notes: notes)
    }

    private func byIndustry() -> ReturnTable {
        var rows: [ReturnRow] = []
        for industry in Catalogue.categories(.industry) {
            let ids = ["inspections.by_industry.\(industry.code)", "penalties.by_industry.\(industry.code)"]
            rows.append(ReturnRow(id: industry.code, label: industry.name, cells: ids.map { .count(count($0)) },
                                  level: industry.group == nil ? 0 : 1, figureIDs: ids))
        }
        let groupIDs = ["inspections.by_industry_group.industry_trade", "penalties.by_industry_group.industry_trade"]
        let firstTrade = rows.firstIndex { row in
            Catalogue.category(.industry, code: row.id)?.group == "industry_trade"
        } ?? rows.count
        rows.insert(ReturnRow(id: "industry_trade", label: "工贸行业小计", cells: groupIDs.map { .count(count($0)) },
                              figureIDs: groupIDs), at: firstTrade)
        return ReturnTable(
            id: "by_industry", title: "表11 分行业情况",
            convention: "行业领域为空或无法识别的计入“其他”。",
            columns: [ReturnColumn(id: "inspections", title: "检查次数", unit: "家次"),
                      ReturnColumn(id: "penalties", title: "处罚案件", unit: "件")],
            rows: rows)
    }

    private func monthly() -> ReturnTable {
        let lockdown = Set(result.configuration.lockdownMonths)
        let series = Self.seriesColumns.map(\.id)
        var rows: [ReturnRow] = []
        for month in 1...12 {
            let yearMonth = YearMonth(year: year, month: month)!
            let ids = series.map { "\($0).by_month.\(yearMonth)" }
            let isLockdown = lockdown.contains(yearMonth)
            let cells: [ReturnCell] = ids.map { isLockdown ? .suspended(count($0)) : .count(count($0)) }
            rows.append(ReturnRow(id: yearMonth.description, label: "\(month)月" + (isLockdown ? "（停）" : ""),
                                  cells: cells, figureIDs: ids))
        }
        rows.append(ReturnRow(id: "total", label: "全年合计",
                              cells: [.count(tally.inspections), .count(tally.patrols), .count(tally.cases),
                                      .count(tally.measures + tally.executions)],
                              figureIDs: ["inspections.count", "patrols.count", "penalties.cases", nil]))
        let averageIDs = series.map { "\($0).monthly_average" }
        rows.append(ReturnRow(id: "monthly_average", label: "月均（正常月份）",
                              cells: averageIDs.map { id in
                                  if case .text(let text) = figures[id] { return .decimal(text) }
                                  return .decimal(nil)
                              }, figureIDs: averageIDs))
        return ReturnTable(
            id: "monthly", title: "表12 分月情况",
            convention: "每月数字为该月实际发生的记录数，停工月份照实统计并标“停”；月均只按正常月份计算。",
            columns: Self.seriesColumns,
            rows: rows)
    }

    private func quarterly() -> ReturnTable {
        let series = Self.seriesColumns.map(\.id)
        let rows = (1...4).map { quarter -> ReturnRow in
            let ids = series.map { "\($0).by_quarter.\(year)-Q\(quarter)" }
            return ReturnRow(id: "\(year)-Q\(quarter)", label: "第\(["一", "二", "三", "四"][quarter - 1])季度",
                             cells: ids.map { .count(count($0)) }, figureIDs: ids)
        }
        return ReturnTable(
            id: "quarterly", title: "表13 分季度情况", convention: nil,
            columns: Self.seriesColumns,
            rows: rows)
    }

    /// The headline figures next to last year's, with the change.
    private func yearOverYear(_ previous: PreviousYear) -> ReturnTable {
        let labels: [String: (String, String)] = [
            "inspections.count": ("检查次数", "家次"), "inspections.enterprises": ("检查企业数", "家"),
            "hazards.general": ("发现一般隐患", "项"), "hazards.major": ("发现重大隐患", "项"),
            "hazards.rectified": ("已整改隐患", "项"), "patrols.count": ("执法巡查次数", "次"),
            "patrols.enterprises": ("巡查企业数", "家"), "penalties.cases": ("行政处罚案件", "件"),
            "penalties.fines_yuan": ("罚款金额", "元"), "penalties.confiscations_yuan": ("没收金额", "元"),
            "penalties.total_yuan": ("罚没金额合计", "元"), "enforcement.measures": ("行政强制措施", "件"),
            "enforcement.executions": ("行政强制执行", "件"),
        ]
        func cell(_ value: FigureValue?) -> ReturnCell {
            switch value {
            case .integer(let number)?: return .count(number)
            case .text(let text)?:
                if case .amount(let fen) = AmountParser.parse(text) { return .money(fen) }
                return .text(text)
            default: return .text("—")
            }
        }
        let rows = PreviousYear.headlineIDs.map { id -> ReturnRow in
            let (label, unit) = labels[id] ?? (id, "")
            let ids = [id, "\(id).previous", "\(id).change", "\(id).change_pct"]
            var percent: String?
            if case .text(let text)? = figures["\(id).change_pct"] { percent = text }
            return ReturnRow(id: id, label: "\(label)（\(unit)）",
                             cells: [cell(figures[id]), cell(figures[ids[1]]), cell(figures[ids[2]]), .decimal(percent)],
                             unit: unit, figureIDs: ids)
        }
        return ReturnTable(
            id: "year_over_year", title: "表\(configuration.periods.isEmpty ? 14 : 15) 与上年比较",
            convention: "上年数字取自\(previous.year)年度统计年报（\(previous.source)），按同一口径统计；增减% = 增减 ÷ 上年，上年为0时不计算。",
            columns: [ReturnColumn(id: "current", title: "\(year)年", unit: ""),
                      ReturnColumn(id: "previous", title: "\(previous.year)年", unit: ""),
                      ReturnColumn(id: "change", title: "增减", unit: ""),
                      ReturnColumn(id: "change_pct", title: "增减", unit: "%")],
            rows: rows)
    }

    private var configuration: ReturnConfiguration { result.configuration }

    private func periods() -> ReturnTable {
        let rows = result.configuration.periods.map { period -> ReturnRow in
            let tally = result.aggregate.periodTallies[period.name] ?? Tally()
            let prefix = "periods.\(period.name)."
            return ReturnRow(
                id: period.name, label: "\(period.name)（\(period.from)至\(period.to)）",
                cells: [.count(tally.inspections), .count(tally.patrols), .count(tally.cases),
                        .money(tally.fines + tally.confiscations), .count(tally.measures), .count(tally.executions)],
                figureIDs: ["inspections.count", "patrols.count", "penalties.cases", "penalties.total_yuan",
                            "enforcement.measures", "enforcement.executions"].map { prefix + $0 })
        }
        return ReturnTable(
            id: "periods", title: "表14 指定统计区间",
            convention: "区间含起止两日，可跨年度；按决定性日期归入。",
            columns: [ReturnColumn(id: "inspections", title: "检查", unit: "家次"),
                      ReturnColumn(id: "patrols", title: "执法巡查", unit: "次"),
                      ReturnColumn(id: "penalties", title: "处罚案件", unit: "件"),
                      ReturnColumn(id: "total_yuan", title: "罚没金额", unit: "元"),
                      ReturnColumn(id: "measures", title: "强制措施", unit: "件"),
                      ReturnColumn(id: "executions", title: "强制执行", unit: "件")],
            rows: rows)
    }
}
