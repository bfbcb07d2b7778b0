/// Writes the two sample penalty exports.
///
/// - `penalties-YYYY-06-30.csv`, from the older system: GB18030, LF line ends, variant headers
///   (罚款金额（元）, 处罚决定书日期), 法人/自然人, legacy penalty names, every amount, date and
///   yes/no form, ending with a 合计 row that matches the valid rows.
/// - `penalties-YYYY-12-31.csv`, from the newer system: UTF-8 without a byte order mark,
///   standard headers and clean forms, cumulative (it repeats the June records, a few of them
///   corrected), ending with a 合计 row that does not match and a 填表说明 row.
///
/// The planted problems are listed in ``SampleExportGenerator``.
struct PenaltyExportWriter {
    /// Which enforcement system made the export.
    enum System {
        /// The older system, exported on 30 June.
        case older
        /// The newer system, exported on 31 December.
        case newer
    }

    let options: SampleExportOptions
    let calendar: SampleCalendar
    let cases: PenaltyCaseSequence

    static let olderHeader = [
        "序号", "案件编号", "当事人", "当事人类型", "统一社会信用代码", "行业领域", "处罚决定书文号", "处罚决定书日期",
        "处罚种类", "罚款金额（元）", "没收金额(元)", "程序类型", "案件来源", "是否法制审核", "是否听证", "公示日期",
        "结案日期", "执法单位", "重大执法决定", "告知听证", "申请听证", "备注",
    ]

    static let newerHeader = [
        "序号", "案件编号", "处罚决定书文号", "处罚决定日期", "当事人", "当事人类型", "统一社会信用代码", "行业领域",
        "处罚种类", "罚款金额(元)", "没收金额(元)", "程序类型", "案件来源", "是否听证", "是否法制审核", "公示日期",
        "结案日期", "执法单位", "是否重大执法决定", "是否告知听证", "是否申请听证", "备注",
    ]

    /// How far the December 合计 is off: it was typed before a late correction.
    static let newerTotalDiscrepancy = Fen(300_000)

    func fileName(_ system: System) -> String {
        switch system {
        case .older: "penalties-\(options.year)-06-30.csv"
        case .newer: "penalties-\(options.year)-12-31.csv"
        }
    }

    /// Writes one export into `directory`; returns its path and the number of records (the
    /// 合计 and 填表说明 rows are not records).
    func write(_ system: System, to directory: String) throws(GenerateError) -> SampleFileReport {
        let file = try SampleFileWriter(
            directory: directory, fileName: fileName(system),
            encoding: system == .older ? .gb18030 : .utf8, lineEnding: "\n")
        let header = system == .older ? Self.olderHeader : Self.newerHeader
        file.writeRecord(header)
        var state = OlderFormState()
        var rowNumber = 0
        var fines = Fen.zero
        var confiscations = Fen.zero
        cases.forEachCase { penaltyCase in
            if system == .older && penaltyCase.decisionDay > calendar.juneExportDay { return }
            rowNumber += 1
            let record: SamplePenaltyCase
            let isValid: Bool
            switch system {
            case .older:
                record = penaltyCase
                file.writeRecord(olderRow(record, rowNumber: rowNumber, state: &state))
                isValid = record.planting != .misspeltFineInJune && record.planting != .negativeFine
            case .newer:
                record = penaltyCase.decemberVersion
                file.writeRecord(newerRow(record, rowNumber: rowNumber))
                isValid = record.isEverAccepted
            }
            if isValid {
                fines = fines + record.fine
                confiscations = confiscations + record.confiscation
            }
        }
        var total = [String](repeating: "", count: header.count)
        total[0] = "合计"
        let fineColumn = 9
        let confiscationColumn = 10
        switch system {
        case .older:
            total[fineColumn] = MessyVariants.grouped(fines.yuanString)
            total[confiscationColumn] = MessyVariants.grouped(confiscations.yuanString)
            file.writeRecord(total)
        case .newer:
            total[fineColumn] = (fines + Self.newerTotalDiscrepancy).yuanString
            total[confiscationColumn] = confiscations.yuanString
            file.writeRecord(total)
            var note = [String](repeating: "", count: header.count)
            note[0] = "填表说明：1.金额单位为元；2.本表含往年结转案件及原系统迁移数据；3.数据截至\(options.year)年12月31日。"
            file.writeRecord(note)
        }
        try file.commit()
        return SampleFileReport(path: file.path, rows: rowNumber)
    }

    // MARK: - The older system (June)

    /// Counters that make the first rows show every form once, in order.
    struct OlderFormState {
        var forcedAmountForms = 0
        var rowsWithSeveralTypes = 0
        var rows = 0
    }

    private static let olderDateForms: [(MessyVariants.DateForm, Int)] = [
        (.slashes, 40), (.chinese, 25), (.iso, 20), (.dots, 15),
    ]

    private static let olderAmountForms: [(MessyVariants.AmountForm, Int)] = [
        (.grouped, 25), (.plain, 20), (.yuanSign, 15), (.yuanSuffix, 15), (.wanyuan, 15), (.fullWidth, 10),
    ]

    private static let olderRemarks = ["已缴纳罚款", "申请分期缴纳", "当事人未申请复议", "文书已送达"]

    private func olderRow(_ penaltyCase: SamplePenaltyCase, rowNumber: Int, state: inout OlderFormState) -> [String] {
        var random = SplitMix64(seed: options.seed, stream: Streams.penaltyRendering, index: UInt64(penaltyCase.ordinal))
        state.rows += 1
        let dateForm = random.element(weighted: Self.olderDateForms)
        func date(_ day: CalendarDay?) -> String {
            day.map { MessyVariants.date($0, dateForm, calendar: calendar, random: &random) } ?? ""
        }

        var typeNames = penaltyCase.penaltyTypes.map { code in
            MessyVariants.legacyPenaltyNames[code] ?? OfficialName.of(.penaltyType, code)
        }
        switch penaltyCase.planting {
        case .legacySuspendOrRevoke:
            typeNames = penaltyCase.penaltyTypes.map {
                $0 == "suspend_permit" ? MessyVariants.legacySuspendOrRevoke : OfficialName.of(.penaltyType, $0)
            }
        case .misspeltFineInJune:
            typeNames = penaltyCase.penaltyTypes.map {
                $0 == "fine" ? MessyVariants.misspeltFine : OfficialName.of(.penaltyType, $0)
            }
        default:
            break
        }
        var separator = "、"
        if typeNames.count > 1 {
            let separators = MessyVariants.olderSystemTypeSeparators
            separator = state.rowsWithSeveralTypes < separators.count
                ? separators[state.rowsWithSeveralTypes] : random.element(of: separators)
            state.rowsWithSeveralTypes += 1
        }

        var fineText = ""
        if penaltyCase.planting == .negativeFine {
            fineText = "-" + penaltyCase.fine.yuanString
        } else if penaltyCase.fine.value > 0 {
            // The first fines take each form in turn; a form that cannot write this amount
            // waits for the next fine, so every form certainly appears.
            let forms = MessyVariants.AmountForm.allCases
            if state.forcedAmountForms < forms.count,
               let text = MessyVariants.amount(penaltyCase.fine, forms[state.forcedAmountForms]) {
                fineText = text
                state.forcedAmountForms += 1
            } else {
                fineText = MessyVariants.amount(penaltyCase.fine, random.element(weighted: Self.olderAmountForms))
                    ?? MessyVariants.grouped(penaltyCase.fine.yuanString)
            }
        }
        let confiscationText = penaltyCase.confiscation.value > 0
            ? MessyVariants.amount(penaltyCase.confiscation, random.element(weighted: Self.olderAmountForms))
                ?? penaltyCase.confiscation.yuanString
            : ""

        let yesNoStyles = MessyVariants.olderSystemYesNo
        let yesNo = state.rows <= yesNoStyles.count ? yesNoStyles[state.rows - 1] : random.element(of: yesNoStyles)
        let procedure = penaltyCase.isSimpleProcedure
            ? OfficialName.of(.procedure, "simple")
            : (random.chance(0.5) ? MessyVariants.olderOrdinaryProcedure : OfficialName.of(.procedure, "ordinary"))

        return [
            String(rowNumber), penaltyCase.caseID, penaltyCase.party.name,
            MessyVariants.olderSystemPartyType(isIndividual: penaltyCase.party.isIndividual),
            penaltyCase.party.creditCode, OfficialName.of(.industry, penaltyCase.industry),
            penaltyCase.decisionNumber, date(penaltyCase.decisionDay),
            typeNames.joined(separator: separator), fineText, confiscationText, procedure, penaltyCase.origin,
            yesNo.text(penaltyCase.legalReview), yesNo.text(penaltyCase.hearing),
            date(penaltyCase.publishedDay), date(penaltyCase.closedDay), penaltyCase.unit,
            yesNo.text(penaltyCase.majorDecision), yesNo.text(penaltyCase.hearingNotified),
            yesNo.text(penaltyCase.hearingRequested),
            random.chance(0.1) ? random.element(of: Self.olderRemarks) : "",
        ]
    }

    // MARK: - The newer system (December)

    private func newerRow(_ penaltyCase: SamplePenaltyCase, rowNumber: Int) -> [String] {
        var random = SplitMix64(seed: options.seed, stream: Streams.penaltyRendering,
                                index: UInt64(penaltyCase.ordinal) + (1 << 40))
        var typeNames = penaltyCase.penaltyTypes.map { OfficialName.of(.penaltyType, $0) }
        if penaltyCase.planting == .truncatedSuspendBusinessInDecember {
            typeNames = penaltyCase.penaltyTypes.map {
                $0 == "suspend_business" ? MessyVariants.truncatedSuspendBusiness : OfficialName.of(.penaltyType, $0)
            }
        }
        var fineText = penaltyCase.fine.value > 0 ? penaltyCase.fine.yuanString : ""
        if penaltyCase.planting == .negativeFine { fineText = "-" + fineText }
        let yesNo = MessyVariants.standardYesNo
        // Records carried over from the older system carry a migration note in 备注, an
        // unmapped column: they must still count as duplicates of the June records.
        let remark = penaltyCase.decisionDay <= calendar.juneExportDay && random.chance(0.5)
            ? "原系统迁移数据" : (random.chance(0.05) ? "已结案归档" : "")
        return [
            String(rowNumber),
            penaltyCase.planting == .emptyIDInDecember ? "" : penaltyCase.caseID,
            penaltyCase.decisionNumber, penaltyCase.decisionDay.description, penaltyCase.party.name,
            OfficialName.of(.partyType, penaltyCase.party.isIndividual ? "individual" : "unit"),
            penaltyCase.party.creditCode, OfficialName.of(.industry, penaltyCase.industry),
            typeNames.joined(separator: "、"), fineText,
            penaltyCase.confiscation.value > 0 ? penaltyCase.confiscation.yuanString : "",
            OfficialName.of(.procedure, penaltyCase.isSimpleProcedure ? "simple" : "ordinary"), penaltyCase.origin,
            yesNo.text(penaltyCase.hearing), yesNo.text(penaltyCase.legalReview),
            penaltyCase.publishedDay?.description ?? "", penaltyCase.closedDay?.description ?? "",
            penaltyCase.unit, yesNo.text(penaltyCase.majorDecision), yesNo.text(penaltyCase.hearingNotified),
            yesNo.text(penaltyCase.hearingRequested), remark,
        ]
    }
}
