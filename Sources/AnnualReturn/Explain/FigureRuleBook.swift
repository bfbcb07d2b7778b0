/// The rule of every figure `FigureBuilder` makes, by id.
///
/// The book is laid out as `FigureBuilder.build()` is, loop for loop (the same catalogue
/// categories, months, quarters, datasets and periods), so that no id is left without a rule;
/// a test checks that the ids of the book and of a run's figures are the same set.
struct FigureRuleBook {
    private(set) var rules: [String: FigureRule] = [:]
    private let configuration: ReturnConfiguration
    private let lockdown: Set<YearMonth>

    init(configuration: ReturnConfiguration) {
        self.configuration = configuration
        self.lockdown = Set(configuration.lockdownMonths)
        meta()
        inspections()
        penalties()
        enforcement()
        threeSystems()
        caseReviews(prefix: "", scope: yearScope, when: "办结日期在本年")
        catalogue()
        licensing()
        disputes()
        records()
        if let previous = configuration.previousYear { yearOverYear(previous) }
        for period in configuration.periods { namedPeriod(period) }
    }

    /// The ids the book has a rule for, sorted.
    var ids: [String] { rules.keys.sorted() }

    private var year: Int { configuration.year }
    private var yearScope: FigureScope { .year(year) }
    private var months: [YearMonth] { (1...12).map { YearMonth(year: year, month: $0)! } }

    private mutating func add(_ id: String, _ chinese: String, _ english: String, unit: String,
                              _ method: FigureRule.Method) {
        rules[id] = FigureRule(chinese: chinese, english: english, unit: unit, method: method)
    }

    // MARK: meta.*

    private mutating func meta() {
        add("meta.year", "统计年度，取自配置文件的 year", "The year of the return, from the configuration's `year`.",
            unit: "", .statement(source: "配置文件的 year"))
        add("meta.bureau", "填报单位，取自配置文件的 bureau", "The bureau, from the configuration's `bureau`.",
            unit: "", .statement(source: "配置文件的 bureau"))
        add("meta.as_of", "数据截至日期：配置文件的 as_of；未配置时为本年记录中最新的决定性日期",
            "The as-of date: the configuration's `as_of`, else the newest decisive date among the year's records.",
            unit: "", .asOf)
        add("meta.lockdown_months", "停工月份，取自配置文件的 lockdown_months",
            "The lockdown months, from the configuration's `lockdown_months`.",
            unit: "", .statement(source: "配置文件的 lockdown_months（按月份排序）"))
        add("meta.status", "数据状态：配置文件 final: true（或 report --final）为正式 final，否则为初步 provisional",
            "final when the configuration says `final: true` (or report runs with --final), else provisional.",
            unit: "", .statement(source: configuration.isFinal ? "配置文件的 final: true" : "配置文件未设 final: true，故为初步数据"))
    }

    // MARK: inspections.*, hazards.*, patrols.*

    private mutating func inspections() {
        let scope = yearScope
        add("inspections.count", "检查次数：检查日期在本年的检查记录，每条计 1 家次；执法巡查不计入",
            "Inspections dated in the year, one 家次 per record; patrols are not inspections.", unit: "家次",
            .records(.over(.inspections, \.inspections, scope: scope) { record in
                record.isPatrol ? nil : (.one, "\(ExplanationWording.inspection(record)) · 计入检查次数")
            }))
        add("inspections.enterprises",
            "检查企业数：本年检查（不含巡查）涉及的不同企业；按统一社会信用代码识别，无代码的按名称，名称在检查记录中只对应一个代码的归入该代码",
            "Distinct enterprises the year's inspections name: by credit code, else by name, a name joining the single credit code it appears with.",
            unit: "家", .enterprises(patrols: false))
        for kind in Catalogue.categories(.inspectionKind) where kind.code != "patrol" {
            add("inspections.by_kind.\(kind.code)", "检查方式为\(kind.name)的本年检查次数",
                "Inspections of the year made as \(kind.code) (\(kind.name)).", unit: "家次",
                .records(.over(.inspections, \.inspections, scope: scope) { record in
                    !record.isPatrol && record.kind == kind.code
                        ? (.one, "\(ExplanationWording.inspection(record)) · 检查方式为\(kind.name)") : nil
                }))
        }
        industries(prefix: "inspections", noun: "检查次数", englishNoun: "inspections", unit: "家次",
                   query: { matches in
                       .over(.inspections, \.inspections, scope: scope) { record in
                           guard !record.isPatrol, let clause = matches(record.industry) else { return nil }
                           return (.one, "\(ExplanationWording.inspection(record)) · \(clause)")
                       }
                   })
        monthly(prefix: "inspections", noun: "检查", englishNoun: "inspections", unit: "家次", dataset: .inspections,
                \.inspections, belongs: { !$0.isPatrol }, describe: ExplanationWording.inspection)

        // Hazards are summed over every inspection-export record of the year, patrols included.
        add("hazards.general", "本年检查记录（含巡查）发现的一般隐患数之和",
            "General hazards found, summed over the year's inspection records (patrols included).", unit: "项",
            .records(.over(.inspections, \.inspections, scope: scope) { record in
                record.hazardsGeneral == 0 ? nil
                    : (.units(record.hazardsGeneral), "\(ExplanationWording.inspection(record)) · 一般隐患 \(record.hazardsGeneral) 项")
            }))
        add("hazards.major", "本年检查记录（含巡查）发现的重大隐患数之和",
            "Major hazards found, summed over the year's inspection records (patrols included).", unit: "项",
            .records(.over(.inspections, \.inspections, scope: scope) { record in
                record.hazardsMajor == 0 ? nil
                    : (.units(record.hazardsMajor), "\(ExplanationWording.inspection(record)) · 重大隐患 \(record.hazardsMajor) 项")
            }))
        add("hazards.rectified", "本年检查记录（含巡查）已整改隐患数之和",
            "Hazards rectified, summed over the year's inspection records (patrols included).", unit: "项",
            .records(.over(.inspections, \.inspections, scope: scope) { record in
                record.hazardsRectified == 0 ? nil
                    : (.units(record.hazardsRectified), "\(ExplanationWording.inspection(record)) · 已整改 \(record.hazardsRectified) 项")
            }))
        add("hazards.rectification_rate", "隐患整改率 = 已整改隐患数 ÷（一般隐患数 + 重大隐患数），百分数保留一位小数，四舍五入",
            "Rectified hazards over general plus major hazards found, in percent with one decimal, rounded half-up.",
            unit: "项",
            .records(.over(.inspections, \.inspections, scope: scope, tallying: .rate) { record in
                let found = record.hazardsGeneral + record.hazardsMajor
                guard found != 0 || record.hazardsRectified != 0 else { return nil }
                return (.fraction(numerator: record.hazardsRectified, denominator: found),
                        "\(ExplanationWording.inspection(record)) · 已整改 \(record.hazardsRectified) 项 / 发现 \(found) 项（一般 \(record.hazardsGeneral) + 重大 \(record.hazardsMajor)）")
            }))

        add("patrols.count", "执法巡查次数：巡查日期在本年的巡查记录，每条计 1 次；单列，不计入检查次数",
            "Patrols dated in the year, one per record; counted apart from inspections.", unit: "次",
            .records(.over(.inspections, \.inspections, scope: scope) { record in
                record.isPatrol ? (.one, "执法巡查 · 单列，不计入检查次数") : nil
            }))
        add("patrols.enterprises",
            "巡查企业数：本年巡查涉及的不同企业；按统一社会信用代码识别，无代码的按名称，名称在检查记录中只对应一个代码的归入该代码",
            "Distinct enterprises the year's patrols name: by credit code, else by name, a name joining the single credit code it appears with.",
            unit: "家", .enterprises(patrols: true))
        add("patrols.irregularities", "本年巡查发现的不规范执法行为数之和",
            "Irregularities found, summed over the year's patrols.", unit: "个",
            .records(.over(.inspections, \.inspections, scope: scope) { record in
                record.isPatrol && record.irregularities != 0
                    ? (.units(record.irregularities), "执法巡查 · 不规范执法行为 \(record.irregularities) 个") : nil
            }))
        monthly(prefix: "patrols", noun: "执法巡查", englishNoun: "patrols", unit: "次", dataset: .inspections,
                \.inspections, belongs: { $0.isPatrol }, describe: ExplanationWording.inspection)
    }

    // MARK: penalties.*

    private mutating func penalties() {
        let scope = yearScope
        add("penalties.cases", "行政处罚案件数：决定日期在本年的处罚决定，一份决定计一件",
            "Penalty decisions dated in the year; one decision is one case.", unit: "件",
            .records(.over(.penalties, \.penalties, scope: scope) { record in
                (.one, "\(ExplanationWording.penalty(record)) · 一份决定计一件")
            }))
        for type in Catalogue.categories(.penaltyType) {
            add("penalties.by_type.\(type.code)",
                "按最重处罚种类：最重处罚种类为\(type.name)的本年案件数（每件只计一次，按《行政处罚法》第九条由轻到重排列）",
                "Cases of the year whose heaviest penalty type is \(type.code) (\(type.name)); each case counts once, under its heaviest type.",
                unit: "件",
                .records(.over(.penalties, \.penalties, scope: scope) { record in
                    record.heaviestType == type.code
                        ? (.one, "最重处罚种类 \(type.name)（\(ExplanationWording.penaltyTypes(record))）") : nil
                }))
            add("penalties.mentions.\(type.code)",
                "按涉及种类：处罚种类中含\(type.name)的本年案件数（并处的每种各计一次）",
                "Cases of the year naming \(type.code) (\(type.name)) among their types; a combined penalty counts under each type.",
                unit: "件次",
                .records(.over(.penalties, \.penalties, scope: scope) { record in
                    record.penaltyTypes.contains(type.code)
                        ? (.one, "涉及 \(type.name)（\(ExplanationWording.penaltyTypes(record))）") : nil
                }))
        }
        add("penalties.fines_yuan", "罚款金额：本年案件的罚款金额之和（以分精确累加，显示为元，两位小数）",
            "Fines of the year's cases, summed exactly in fen, shown in yuan with two decimals.", unit: "元",
            .records(.over(.penalties, \.penalties, scope: scope, tallying: .money(wanyuan: false)) { record in
                record.fine == .zero ? nil : (.money(record.fine), "罚款 \(ExplanationWording.yuan(record.fine))")
            }))
        add("penalties.confiscations_yuan", "没收金额：本年案件的没收金额之和（以分精确累加，显示为元，两位小数）",
            "Confiscations of the year's cases, summed exactly in fen, shown in yuan with two decimals.", unit: "元",
            .records(.over(.penalties, \.penalties, scope: scope, tallying: .money(wanyuan: false)) { record in
                record.confiscation == .zero ? nil
                    : (.money(record.confiscation), "没收 \(ExplanationWording.yuan(record.confiscation))")
            }))
        for wanyuan in [false, true] {
            add(wanyuan ? "penalties.total_wanyuan" : "penalties.total_yuan",
                "罚没金额 = 本年案件的罚款金额 + 没收金额（以分精确累加，显示为\(wanyuan ? "万元，两位小数，四舍五入" : "元，两位小数")）",
                "Fines plus confiscations of the year's cases, summed exactly in fen, shown in \(wanyuan ? "10,000 yuan with two decimals, rounded half-up" : "yuan with two decimals").",
                unit: "元",
                .records(.over(.penalties, \.penalties, scope: scope, tallying: .money(wanyuan: wanyuan), select: Self.fineAndConfiscation)))
        }
        for party in ["unit", "individual"] {
            let name = ExplanationWording.name(.partyType, party)
            add("penalties.by_party.\(party)", "当事人类型为\(name)的本年案件数",
                "Cases of the year whose party is a\(party == "unit" ? " unit" : "n individual") (\(name)).", unit: "件",
                .records(.over(.penalties, \.penalties, scope: scope) { record in
                    record.partyType == party ? (.one, "当事人类型 \(name)") : nil
                }))
        }
        for procedure in ["simple", "ordinary"] {
            let name = ExplanationWording.name(.procedure, procedure)
            add("penalties.by_procedure.\(procedure)", "程序类型为\(name)的本年案件数（未写程序类型的不计入）",
                "Cases of the year decided under the \(procedure) procedure (\(name)); cases that do not say are not counted.",
                unit: "件",
                .records(.over(.penalties, \.penalties, scope: scope) { record in
                    record.procedure == procedure ? (.one, "程序类型 \(name)") : nil
                }))
        }
        add("penalties.hearings", "经听证的本年案件数（是否听证为是）", "Cases of the year with a hearing.", unit: "件",
            .records(.over(.penalties, \.penalties, scope: scope) { record in
                record.hearing ? (.one, "是否听证：是") : nil
            }))
        add("penalties.legal_reviews", "经法制审核的本年案件数（是否法制审核为是）",
            "Cases of the year that went through legal review.", unit: "件",
            .records(.over(.penalties, \.penalties, scope: scope) { record in
                record.legalReview ? (.one, "是否法制审核：是") : nil
            }))
        add("penalties.mitigated", "减轻处罚的本年案件数（是否减轻处罚为是）", "Cases of the year with a reduced penalty.",
            unit: "件", .records(.over(.penalties, \.penalties, scope: scope) { record in
                record.mitigated ? (.one, "是否减轻处罚：是") : nil
            }))
        add("penalties.transferred", "涉嫌犯罪移送司法机关的本年案件数（是否涉嫌犯罪移送为是）",
            "Cases of the year also handed to the judicial authorities as a suspected crime.", unit: "件",
            .records(.over(.penalties, \.penalties, scope: scope) { record in
                record.transferred ? (.one, "是否涉嫌犯罪移送：是") : nil
            }))
        add("penalties.not_penalized", "决定日期在本年的不予处罚决定数（处罚种类为不予处罚；不计入行政处罚案件）",
            "Decisions of the year not to penalise (处罚种类 不予处罚); never counted as penalty cases.", unit: "件",
            .records(.over(.penalties, \.notPenalized, scope: scope) { _ in (.one, "不予处罚决定") }))
        industries(prefix: "penalties", noun: "处罚案件数", englishNoun: "penalty cases", unit: "件",
                   query: { matches in
                       .over(.penalties, \.penalties, scope: scope) { record in
                           matches(record.industry).map { (.one, "\(ExplanationWording.penalty(record)) · \($0)") }
                       }
                   })
        monthly(prefix: "penalties", noun: "行政处罚", englishNoun: "penalty cases", unit: "件", dataset: .penalties,
                \.penalties, belongs: { _ in true }, describe: ExplanationWording.penalty)
    }

    /// A case's fine and confiscation together, for 罚没金额.
    private static func fineAndConfiscation(_ record: PenaltyRecord) -> (Contribution, String)? {
        let total = record.fine + record.confiscation
        guard total != .zero else { return nil }
        return (.money(total), "罚款 \(ExplanationWording.yuan(record.fine)) + 没收 \(ExplanationWording.yuan(record.confiscation))")
    }

    // MARK: three_systems.*

    private mutating func threeSystems() {
        let scope = yearScope
        let penalties = { (belongs: @escaping @Sendable (PenaltyRecord) -> String?) -> FigureRule.Method in
            .records(.over(.penalties, \.penalties, scope: scope) { record in
                belongs(record).map { (.one, "\(ExplanationWording.penalty(record)) · \($0)") }
            })
        }
        publication(prefix: "three_systems.publication.", noun: "行政处罚决定", english: "Penalty decisions",
                    workingDays: PublicationRule.penaltyWorkingDays, .penalties, \.penalties,
                    dated: { $0.decisionDate }, status: { $0.publication }, published: { $0.publishedDate },
                    describe: ExplanationWording.penalty)
        add("three_systems.legal_review.major_decisions", "本年重大执法决定件数（是否重大执法决定为是）",
            "Major decisions of the year.", unit: "件", penalties { $0.majorDecision ? "重大执法决定" : nil })
        add("three_systems.legal_review.reviewed", "本年重大执法决定中经法制审核的件数",
            "Major decisions of the year that went through legal review.", unit: "件",
            penalties { $0.majorDecision && $0.legalReview ? "重大执法决定 · 经法制审核" : nil })
        add("three_systems.legal_review.reviewed_pct", "法制审核率 = 经法制审核的重大执法决定 ÷ 重大执法决定，百分数保留一位小数，四舍五入",
            "Reviewed major decisions over major decisions, in percent with one decimal, rounded half-up.",
            unit: "件", .records(.over(.penalties, \.penalties, scope: scope, tallying: .rate) { record in
                guard record.majorDecision else { return nil }
                return (.fraction(numerator: record.legalReview ? 1 : 0, denominator: 1),
                        "\(ExplanationWording.penalty(record)) · \(record.legalReview ? "经法制审核" : "未经法制审核")")
            }))
        add("three_systems.hearings.notified", "本年告知听证权利的处罚决定件数（申请或举行了听证的也计入）",
            "Decisions of the year whose party was told of the right to a hearing (or asked for or had one).",
            unit: "件", penalties { $0.hearingNotified ? "告知听证" : nil })
        add("three_systems.hearings.requested", "本年当事人申请听证的处罚决定件数（举行了听证的也计入）",
            "Decisions of the year whose party asked for a hearing (or had one).",
            unit: "件", penalties { $0.hearingRequested ? "申请听证" : nil })
        publication(prefix: "three_systems.enforcement_publication.", noun: "行政强制决定",
                    english: "Compulsory measures and executions", workingDays: PublicationRule.otherWorkingDays,
                    .enforcement, \.actions, dated: { $0.date }, status: { $0.publication },
                    published: { $0.publishedDate }, describe: ExplanationWording.action)
        add("three_systems.hearings.held", "本年举行听证的处罚决定件数（是否听证为是）",
            "Decisions of the year with a hearing held.", unit: "件", penalties { $0.hearing ? "举行听证" : nil })
    }

    // MARK: enforcement.*

    private mutating func enforcement() {
        let scope = yearScope
        add("enforcement.measures", "行政强制措施件数：决定日期在本年的强制措施，每项计一件",
            "Compulsory measures decided in the year, one per action.", unit: "件",
            .records(.over(.enforcement, \.actions, scope: scope) { record in
                record.isMeasure ? (.one, ExplanationWording.action(record)) : nil
            }))
        add("enforcement.executions", "行政强制执行件数：决定日期在本年的强制执行，每次计一件",
            "Compulsory executions decided in the year, one per action.", unit: "件",
            .records(.over(.enforcement, \.actions, scope: scope) { record in
                record.isMeasure ? nil : (.one, ExplanationWording.action(record))
            }))
        let kinds = Catalogue.categories(.enforcementMeasure) + Catalogue.categories(.enforcementExecution)
        for kind in kinds {
            let isMeasure = kind.kind == .enforcementMeasure
            add("enforcement.by_kind.\(kind.code)",
                "强制种类为\(kind.name)（\(isMeasure ? "行政强制措施" : "行政强制执行")）的本年件数",
                "Actions of the year of kind \(kind.code) (\(kind.name)).", unit: "件",
                .records(.over(.enforcement, \.actions, scope: scope) { record in
                    record.kind == kind.code
                        ? (.one, "强制种类 \(ExplanationWording.action(record))") : nil
                }))
        }
        monthly(prefix: "enforcement", noun: "行政强制", englishNoun: "enforcement actions", unit: "件",
                dataset: .enforcement, \.actions, belongs: { _ in true }, describe: ExplanationWording.action)
    }

    // MARK: records.*

    private mutating func records() {
        for dataset in Dataset.allCases {
            let prefix = "records.\(dataset.rawValue)."
            let title = dataset.title
            add(prefix + "read", "\(title)导出文件读取的记录行数之和（不含表头、空行和合计等汇总行）；读取 = 接受 + 拒绝 + 重复",
                "Records read from the \(dataset.rawValue) exports (not the header, blank lines or summary rows); read = accepted + rejected + duplicates.",
                unit: "行", .fileCounts(dataset, .read))
            add(prefix + "accepted", "\(title)导出文件中被接受的记录行数之和（含以新版本替换旧版本的行）",
                "Records accepted from the \(dataset.rawValue) exports, rows that replaced an older version included.",
                unit: "行", .fileCounts(dataset, .accepted))
            add(prefix + "rejected", "\(title)导出文件中被拒绝的行数（每行至少一个错误，不计入任何统计数字）",
                "Rows of the \(dataset.rawValue) exports rejected with at least one error; they count in no figure.",
                unit: "行", .rejectedRows(dataset))
            add(prefix + "duplicates", "\(title)导出文件中与已接受记录编号相同、内容相同的重复行（只计一次）",
                "Rows of the \(dataset.rawValue) exports repeating an accepted record with the same key and content; counted once.",
                unit: "行", .duplicates(dataset))
            add(prefix + "conflicts", "\(title)导出文件中编号相同、内容不同的行：以较新导出为准，替换旧版本",
                "Rows of the \(dataset.rawValue) exports with a known key but different content; the newer export wins.",
                unit: "行", .conflicts(dataset))
        }
    }

    // MARK: year over year

    /// Last year's values and the changes, as `FigureBuilder.yearOverYear` makes them.
    private mutating func yearOverYear(_ previous: PreviousYear) {
        add("meta.previous_year", "上年年度，取自上年的 return.json", "Last year, from last year's return.json.",
            unit: "", .statement(source: "上年的 return.json（\(previous.source)）"))
        for id in PreviousYear.headlineIDs {
            add("\(id).previous", "\(id) 的上年数值，取自上年的 return.json", "Last year's \(id), from last year's return.json.",
                unit: "", .yearOverYear(id: id, .previous))
            add("\(id).change", "\(id) 的增减 = 本年数值 − 上年数值", "This year's \(id) minus last year's.",
                unit: "", .yearOverYear(id: id, .change))
            add("\(id).change_pct", "\(id) 的增减率 = 增减 ÷ 上年数值，百分数保留一位小数；上年为 0 时为空",
                "The change of \(id) over last year's value, in percent with one decimal; null when last year's was 0.",
                unit: "", .yearOverYear(id: id, .changePercent))
        }
    }

    // MARK: periods.<name>.*

    private mutating func namedPeriod(_ period: NamedPeriod) {
        let scope = FigureScope.period(period)
        let prefix = "periods.\(period.name)."
        let range = "\(period.from) 至 \(period.to)"
        let inside = "在 \(scope.chineseName)内"
        add(prefix + "inspections.count", "检查日期在 \(range)（含两端）的检查次数，执法巡查不计入",
            "Inspections dated \(period.from)..\(period.to), both ends included; patrols not counted.", unit: "家次",
            .records(.over(.inspections, \.inspections, scope: scope) { record in
                record.isPatrol ? nil : (.one, "\(ExplanationWording.inspection(record)) · 检查日期\(inside)")
            }))
        add(prefix + "patrols.count", "巡查日期在 \(range)（含两端）的执法巡查次数",
            "Patrols dated \(period.from)..\(period.to), both ends included.", unit: "次",
            .records(.over(.inspections, \.inspections, scope: scope) { record in
                record.isPatrol ? (.one, "执法巡查 · 巡查日期\(inside)") : nil
            }))
        add(prefix + "penalties.cases", "决定日期在 \(range)（含两端）的行政处罚案件数",
            "Penalty decisions dated \(period.from)..\(period.to), both ends included.", unit: "件",
            .records(.over(.penalties, \.penalties, scope: scope) { record in
                (.one, "\(ExplanationWording.penalty(record)) · 决定日期\(inside)")
            }))
        add(prefix + "penalties.total_yuan", "决定日期在 \(range)（含两端）的案件罚款金额 + 没收金额（元）",
            "Fines plus confiscations of the cases decided \(period.from)..\(period.to), in yuan.", unit: "元",
            .records(.over(.penalties, \.penalties, scope: scope, tallying: .money(wanyuan: false),
                           select: Self.fineAndConfiscation)))
        add(prefix + "enforcement.measures", "决定日期在 \(range)（含两端）的行政强制措施件数",
            "Compulsory measures decided \(period.from)..\(period.to), both ends included.", unit: "件",
            .records(.over(.enforcement, \.actions, scope: scope) { record in
                record.isMeasure ? (.one, "\(ExplanationWording.action(record)) · 决定日期\(inside)") : nil
            }))
        add(prefix + "enforcement.executions", "决定日期在 \(range)（含两端）的行政强制执行件数",
            "Compulsory executions decided \(period.from)..\(period.to), both ends included.", unit: "件",
            .records(.over(.enforcement, \.actions, scope: scope) { record in
                record.isMeasure ? nil : (.one, "\(ExplanationWording.action(record)) · 决定日期\(inside)")
            }))
        caseReviews(prefix: prefix, scope: scope, when: "办结日期在 \(range)（含两端）")
    }

    /// The publication figures under `publicationPrefix`, null without a working-day calendar:
    /// each explained as a statement of why.
    private mutating func addUncounted(publicationPrefix prefix: String, workingDays: Int) {
        let none = FigureRule.Method.statement(
            source: "未配置工作日历（配置文件的 calendars），无法计算 \(workingDays) 个工作日公示时限，故为空")
        for part in ["decisions", "on_time", "late", "unpublished", "on_time_pct"] {
            add(prefix + part, "公示时限指标：需配置工作日历（calendars）",
                "Publication within \(workingDays) working days: needs a working-day calendar (`calendars`).", unit: "件", none)
        }
    }

    /// `<prefix>decisions`, `on_time`, `late`, `unpublished` and `on_time_pct` over the year's
    /// `noun`: the decisions whose 公示日期 was judged against `workingDays`. Without a calendar,
    /// statements of why they are empty.
    private mutating func publication<Record: ExplainableRecord>(
        prefix: String, noun: String, english: String, workingDays: Int,
        _ dataset: Dataset, _ records: KeyPath<CountedRecords, [Located<Record>]>,
        dated day: @escaping @Sendable (Record) -> CalendarDay?,
        status: @escaping @Sendable (Record) -> Publication?,
        published: @escaping @Sendable (Record) -> CalendarDay?,
        describe: @escaping @Sendable (Record) -> String
    ) {
        guard configuration.calendarFolder != nil else {
            addUncounted(publicationPrefix: prefix, workingDays: workingDays)
            return
        }
        let scope = yearScope
        let reason: @Sendable (Record) -> String = { record in
            "\(describe(record)) · \(published(record).map { "公示日期 \($0)" } ?? "未公示")"
        }
        let rule = "自决定之日起 \(workingDays) 个工作日内公示为按时，按工作日历（配置文件的 calendars）计算"
        add(prefix + "decisions", "本年\(noun)中判断了公示时限的件数（\(rule)）",
            "\(english) of the year judged against the \(workingDays)-working-day deadline.", unit: "件",
            .records(.over(dataset, records, scope: scope, dated: day) { record in
                status(record) == nil ? nil : (.one, reason(record))
            }))
        for (judged, label) in [(Publication.onTime, "\(workingDays) 个工作日内公示"), (.late, "逾期公示"),
                                (.unpublished, "未公示（无公示日期）")] {
            add(prefix + judged.rawValue, "本年\(noun)中\(label)的件数（\(rule)）",
                "\(english) of the year: \(judged.rawValue).", unit: "件",
                .records(.over(dataset, records, scope: scope, dated: day) { record in
                    status(record) == judged ? (.one, reason(record)) : nil
                }))
        }
        add(prefix + "on_time_pct", "按时公示率 = \(workingDays) 个工作日内公示件数 ÷ 判断了公示时限的件数，百分数保留一位小数，四舍五入",
            "\(english) made public on time over those judged, in percent with one decimal, rounded half-up.", unit: "件",
            .records(.over(dataset, records, scope: scope, tallying: .rate, dated: day) { record in
                guard let judged = status(record) else { return nil }
                return (.fraction(numerator: judged == .onTime ? 1 : 0, denominator: 1), reason(record))
            }))
    }

    // MARK: licensing.*

    private mutating func licensing() {
        let scope = yearScope
        let describe: @Sendable (LicensingRecord) -> String = { record in
            "行政许可 · \(record.item.isEmpty ? "许可事项未填" : record.item)"
        }
        add("licensing.applications", "申请日期在本年的行政许可申请件数", "Licensing applications made in the year.",
            unit: "件", .records(.over(.licensing, \.licensing, scope: scope, dated: { $0.appliedDate }) { record in
                (.one, "\(describe(record)) · 申请日期 \(record.appliedDate)")
            }))
        add("licensing.accepted", "受理日期在本年的件数（未填受理日期的，以受理后作出的决定日期计）",
            "Applications accepted in the year (by the acceptance day, else the day of a decision other than 不予受理).",
            unit: "件", .records(.over(.licensing, \.licensing, scope: scope, dated: \.acceptedOn) { record in
                (.one, describe(record))
            }))
        add("licensing.granted", "决定日期在本年的准予件数（准予许可、准予变更、准予延续）",
            "Grants decided in the year, changes and renewals included.", unit: "件",
            .records(.over(.licensing, \.licensing, scope: scope, dated: \.decisionDate) { record in
                record.isGranted ? (.one, "\(describe(record)) · \(ExplanationWording.name(.licensingDecision, record.decision ?? ""))") : nil
            }))
        for decision in Catalogue.categories(.licensingDecision) {
            let code = decision.code
            add("licensing.by_decision.\(code)", "决定日期在本年、决定结果为\(decision.name)的件数",
                "Decisions of the year that were \(code).", unit: "件",
                .records(.over(.licensing, \.licensing, scope: scope, dated: \.decisionDate) { record in
                    record.decision == code ? (.one, describe(record)) : nil
                }))
        }
        publication(prefix: "three_systems.licensing_publication.", noun: "行政许可决定（不含不予受理）",
                    english: "Licensing decisions", workingDays: PublicationRule.penaltyWorkingDays,
                    .licensing, \.licensing, dated: { $0.decisionDate }, status: { $0.publication },
                    published: { $0.publishedDate }, describe: describe)
    }

    // MARK: administrative_review.*, litigation.*

    private mutating func disputes() {
        let scope = yearScope
        let describe: @Sendable (DisputeRecord) -> String = { record in
            "\(ExplanationWording.name(.disputeKind, record.kind)) · \(ExplanationWording.name(.disputeOutcome, record.outcome)) · 结案日期 \(record.closedDate)"
        }
        for (prefix, kind, against, label) in [("administrative_review.", "review", "corrected", "纠错"),
                                               ("litigation.", "litigation", "lost", "败诉")] {
            let kindName = ExplanationWording.name(.disputeKind, kind)
            add(prefix + "closed", "结案日期在本年的\(kindName)案件数", "\(kind) cases closed in the year.", unit: "件",
                .records(.over(.disputes, \.disputes, scope: scope) { $0.kind == kind ? (.one, describe($0)) : nil }))
            for outcome in DisputeRecord.outcomes(of: kind) {
                let name = ExplanationWording.name(.disputeOutcome, outcome)
                add(prefix + "by_outcome.\(outcome)", "结案日期在本年、结果为\(name)的\(kindName)案件数",
                    "\(kind) cases closed in the year as \(outcome).", unit: "件",
                    .records(.over(.disputes, \.disputes, scope: scope) { record in
                        record.kind == kind && record.outcome == outcome ? (.one, describe(record)) : nil
                    }))
            }
            add(prefix + against, "本年\(kindName)\(label)件数：结果为撤销、变更、确认违法或责令履行",
                "\(kind) cases of the year ending revoked, changed, confirmed illegal or ordered.", unit: "件",
                .records(.over(.disputes, \.disputes, scope: scope) { record in
                    record.kind == kind && record.isAgainstTheBureau ? (.one, describe(record)) : nil
                }))
            add(prefix + against + "_pct", "\(label)率 = \(label)件数 ÷ 结案件数，百分数保留一位小数，四舍五入",
                "\(against) over closed \(kind) cases, in percent with one decimal, rounded half-up.", unit: "件",
                .records(.over(.disputes, \.disputes, scope: scope, tallying: .rate) { record in
                    record.kind == kind ? (.fraction(numerator: record.isAgainstTheBureau ? 1 : 0, denominator: 1), describe(record)) : nil
                }))
        }
        add("litigation.head_in_court", "本年结案的行政诉讼中行政机关负责人出庭应诉的件数",
            "Lawsuits closed in the year in which the bureau's head appeared in court.", unit: "件",
            .records(.over(.disputes, \.disputes, scope: scope) { record in
                record.headAppeared ? (.one, "\(describe(record)) · 负责人出庭应诉") : nil
            }))
    }

    // MARK: catalogue.*

    private mutating func catalogue() {
        let scope = yearScope
        add("catalogue.items", "综合行政执法事项清单所列事项数（清单导出，每行一项，不分日期）",
            "Items of the enforcement item catalogue, one per row of its export, undated.", unit: "项",
            .records(.overCatalogue(scope: scope) { item in
                (.one, "\(ExplanationWording.name(.catalogueClass, item.itemClass)) · \(item.name)")
            }))
        for itemClass in Catalogue.categories(.catalogueClass) {
            let code = itemClass.code
            add("catalogue.by_class.\(code)", "事项类别为\(itemClass.name)的清单事项数",
                "Catalogue items of the class \(code).", unit: "项",
                .records(.overCatalogue(scope: scope) { item in
                    item.itemClass == code ? (.one, item.name) : nil
                }))
        }
    }

    // MARK: case_reviews.*

    /// `<prefix>case_reviews.files`, `.by_type.<type>` and `.problems` over `scope`.
    private mutating func caseReviews(prefix: String, scope: FigureScope, when: String) {
        let describe: @Sendable (CaseFileReview) -> String = { record in
            "\(ExplanationWording.name(.caseFileType, record.caseType))案卷 · 办结日期 \(record.closedDate)"
        }
        add(prefix + "case_reviews.files", "\(when)的被评查案卷数（案卷评查导出，每行一宗）",
            "Case files reviewed whose case was closed in the scope, one per row of the case-review export.", unit: "宗",
            .records(.over(.caseReviews, \.caseReviews, scope: scope) { (.one, describe($0)) }))
        for type in Catalogue.categories(.caseFileType) {
            let code = type.code
            add(prefix + "case_reviews.by_type.\(code)", "\(when)的被评查\(type.name)案卷数",
                "Reviewed case files of type \(code) whose case was closed in the scope.", unit: "宗",
                .records(.over(.caseReviews, \.caseReviews, scope: scope) { record in
                    record.caseType == code ? (.one, describe(record)) : nil
                }))
        }
        add(prefix + "case_reviews.problems", "\(when)的被评查案卷中发现的问题数之和",
            "Problems the review found, summed over the case files closed in the scope.", unit: "项",
            .records(.over(.caseReviews, \.caseReviews, scope: scope) { record in
                record.problems == 0 ? nil : (.units(record.problems), "\(describe(record)) · 发现问题 \(record.problems) 项")
            }))
    }

    // MARK: Shared families

    /// `<prefix>.by_industry.<industry>` and the 工贸 group. `query` makes the record query from
    /// a matcher that gives the reason clause for an industry code that counts, or nil.
    private mutating func industries(prefix: String, noun: String, englishNoun: String, unit: String,
                                     query: (@escaping (String) -> String?) -> RecordQuery) {
        for industry in Catalogue.categories(.industry) {
            let note = industry.code == "other" ? "（行业领域为空或无法识别的也计入其他）" : ""
            add("\(prefix).by_industry.\(industry.code)", "行业领域为\(industry.name)的本年\(noun)\(note)",
                "The year's \(englishNoun) in industry \(industry.code) (\(industry.name))\(industry.code == "other" ? ", empty or unknown industries included" : "").",
                unit: unit, .records(query { code in code == industry.code ? "行业领域 \(industry.name)" : nil }))
        }
        let trade = Catalogue.categories(.industry).filter { $0.group == "industry_trade" }
        let names = trade.map(\.name).joined(separator: "、")
        add("\(prefix).by_industry_group.industry_trade", "行业领域属工贸（\(names)）的本年\(noun)",
            "The year's \(englishNoun) in the 工贸 industries (\(trade.map(\.code).joined(separator: ", "))).", unit: unit,
            .records(query { code in
                trade.first { $0.code == code }.map { "行业领域 \($0.name)，属工贸" }
            }))
    }

    /// `<prefix>.by_month.*`, `.by_quarter.*` and `.monthly_average` of one series.
    private mutating func monthly<Record: ExplainableRecord>(
        prefix: String, noun: String, englishNoun: String, unit: String, dataset: Dataset,
        _ records: KeyPath<CountedRecords, [Located<Record>]>, belongs: @escaping (Record) -> Bool,
        describe: @escaping (Record) -> String
    ) {
        let scope = yearScope
        let lockdown = self.lockdown
        let year = self.year
        for month in months {
            let stopped = lockdown.contains(month) ? "（停工月份：照实统计，并列入数据问题报告以供核查）" : ""
            add("\(prefix).by_month.\(month)", "日期在 \(month) 的\(noun)记录数\(stopped)",
                "The \(englishNoun) dated in \(month)\(lockdown.contains(month) ? " (a lockdown month: the real count)" : "").",
                unit: unit,
                .records(.over(dataset, records, scope: scope) { record in
                    belongs(record) && record.decisiveDate.yearMonth == month
                        ? (.one, "\(describe(record)) · 日期在 \(ExplanationWording.month(month, lockdown: lockdown))") : nil
                }))
        }
        for quarter in 1...4 {
            add("\(prefix).by_quarter.\(year)-Q\(quarter)", "日期在 \(ExplanationWording.quarter(quarter, of: year)) 的\(noun)记录数",
                "The \(englishNoun) dated in quarter \(quarter) of \(year).", unit: unit,
                .records(.over(dataset, records, scope: scope) { record in
                    belongs(record) && record.decisiveDate.quarter == quarter
                        ? (.one, "\(describe(record)) · 日期在 \(ExplanationWording.quarter(quarter, of: year))") : nil
                }))
        }
        add("\(prefix).monthly_average", "\(noun)月均数 = 正常月份（停工月份除外）的记录数 ÷ 正常月份数，保留一位小数，四舍五入",
            "The \(englishNoun) of the active months (lockdown months left out) over their number, one decimal, rounded half-up.",
            unit: unit,
            .monthlyAverage(countsByMonth: { counted in
                var counts: [YearMonth: Int] = [:]
                for located in counted[keyPath: records] where belongs(located.record) {
                    let date = located.record.decisiveDate
                    if date.year == year { counts[date.yearMonth, default: 0] += 1 }
                }
                return counts
            }))
    }
}
