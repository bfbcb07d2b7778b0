/// Writes the sample inspections export, `inspections.csv`, as the current enforcement system
/// saves it: UTF-8 with a byte order mark, CRLF line ends, Chinese headers plus the unmapped
/// 序号 and 备注 columns.
///
/// Rows run day by day from 1 November of the year before to 4 January of the year after.
/// Each day draws from its own random stream, so the file streams out with constant memory.
/// The planted problems are listed in ``SampleExportGenerator``.
struct InspectionExportWriter {
    let options: SampleExportOptions
    let calendar: SampleCalendar
    let pool: SampleEnterprisePool

    static let fileName = "inspections.csv"

    static let header = [
        "序号", "检查编号", "检查日期", "检查方式", "被检查单位", "统一社会信用代码", "行业领域",
        "一般隐患数", "重大隐患数", "已整改隐患数", "不规范执法行为数", "执法单位", "执法人员", "备注",
    ]

    /// One row, every cell already as text.
    struct Row {
        var id = ""
        var date = ""
        var kind = ""
        var enterprise = ""
        var creditCode = ""
        var industry = ""
        var hazardsGeneral = ""
        var hazardsMajor = ""
        var hazardsRectified = ""
        var irregularities = ""
        var unit = ""
        var officers = ""
        var remark = ""

        func fields(rowNumber: Int) -> [String] {
            [String(rowNumber), id, date, kind, enterprise, creditCode, industry, hazardsGeneral,
             hazardsMajor, hazardsRectified, irregularities, unit, officers, remark]
        }
    }

    /// A planted oddity, applied once, on the first suitable row on or after `day`.
    struct Planting {
        enum Kind {
            // Valid rows written untidily: they change the first inspection of the day.
            case trailingSpacesInName, fullWidthCode, spacedCode, fullWidthLettersInCode, lowerCaseCode
            case nameOnly, wrongCheckCharacter, fullWidthLatinName, lineBreakInRemark
            // Rows the pipeline rejects: added after the day's other rows.
            case impossibleDate, emptyID, rectifiedExceedsHazards, strayQuote, extraCell
        }

        let day: CalendarDay
        let kind: Kind

        var isExtraRow: Bool {
            switch kind {
            case .impossibleDate, .emptyID, .rectifiedExceedsHazards, .strayQuote, .extraCell: true
            default: false
            }
        }
    }

    /// Where each planted oddity goes (see the table in ``SampleExportGenerator``).
    var plantings: [Planting] {
        let year = calendar.year
        func on(_ year: Int, _ month: Int, _ day: Int, _ kind: Planting.Kind) -> Planting {
            Planting(day: CalendarDay(year: year, month: month, day: day)!, kind: kind)
        }
        return [
            on(year - 1, 11, 2, .trailingSpacesInName),
            on(year - 1, 11, 3, .fullWidthCode),
            on(year - 1, 12, 6, .wrongCheckCharacter),
            on(year, 1, 11, .spacedCode),
            on(year, 1, 18, .nameOnly),
            on(year, 2, 16, .lowerCaseCode),
            on(year, 2, 28, .impossibleDate),
            on(year, 4, 12, .lineBreakInRemark),
            on(year, 4, 20, .fullWidthLatinName),
            on(year, 5, 10, .emptyID),
            on(year, 5, 23, .wrongCheckCharacter),
            on(year, 6, 14, .rectifiedExceedsHazards),
            on(year, 7, 19, .fullWidthLettersInCode),
            on(year, 8, 9, .strayQuote),
            on(year, 9, 6, .extraCell),
            on(year, 11, 15, .wrongCheckCharacter),
        ]
    }

    /// Writes the file into `directory`; returns its path and the number of records written.
    func write(to directory: String) throws(GenerateError) -> SampleFileReport {
        let file = try SampleFileWriter(directory: directory, fileName: Self.fileName,
                                        encoding: .utf8WithByteOrderMark, lineEnding: "\r\n")
        file.writeRecord(Self.header)
        var rowNumber = 0
        var pending = plantings.filter { !$0.isExtraRow }
        let extraRows = plantings.filter(\.isExtraRow)
        var patrolPlan: [CalendarDay: Int] = [:]
        var plannedMonth: YearMonth?
        // A few inspections of early January of the next year: the export was taken then.
        for day in calendar.days(through: calendar.lastDay.adding(days: 4)) {
            if day.yearMonth != plannedMonth {
                plannedMonth = day.yearMonth
                patrolPlan = patrolDays(in: day.yearMonth)
            }
            var random = SplitMix64(seed: options.seed, stream: Streams.inspectionDay, index: calendar.dayIndex(day))
            var sequence = 0
            for _ in 0..<inspectionCount(on: day, random: &random) {
                sequence += 1
                rowNumber += 1
                var planting: Planting.Kind?
                if let first = pending.first, first.day <= day {
                    planting = first.kind
                    pending.removeFirst()
                }
                let row = inspection(on: day, sequence: sequence, rowNumber: rowNumber,
                                     planting: planting, random: &random)
                file.writeRecord(row.fields(rowNumber: rowNumber))
            }
            for _ in 0..<(patrolPlan[day] ?? 0) {
                sequence += 1
                rowNumber += 1
                file.writeRecord(patrol(on: day, sequence: sequence, random: &random).fields(rowNumber: rowNumber))
            }
            for planting in extraRows where planting.day == day {
                sequence += 1
                rowNumber += 1
                writeRejectedRow(planting.kind, on: day, sequence: sequence, rowNumber: rowNumber,
                                 random: &random, to: file)
            }
        }
        // What Excel leaves after the last record when rows were deleted: delimiter-only rows
        // (one as wide as the header, one shorter) and blank lines. None of them is a record.
        file.writeLine(String(repeating: ",", count: Self.header.count - 1))
        file.writeLine(",,,,")
        file.writeLine("")
        file.writeLine("")
        try file.commit()
        return SampleFileReport(path: file.path, rows: rowNumber)
    }

    // MARK: - How many

    /// Inspections on `day`: 8 to 15 per squad-day on working days, almost none at weekends, and
    /// in lockdown months only the odd one (at least one, on the first working day from the 15th,
    /// so the lockdown-activity warning always has a case).
    private func inspectionCount(on day: CalendarDay, random: inout SplitMix64) -> Int {
        if day > calendar.lastDay { return calendar.isWorkingDay(day) ? options.scale : 0 }
        let isLockdown = calendar.isLockdown(day)
        var count = 0
        for _ in 0..<options.scale {
            if !calendar.isWorkingDay(day) {
                if !isLockdown && random.chance(0.04) { count += 1 }
            } else if isLockdown {
                if random.chance(0.12) { count += 1 }
            } else {
                count += random.int(in: 8...15)
            }
        }
        if isLockdown && isFirstWorkingDayFromThe15th(day) { count = max(count, 1) }
        return count
    }

    private func isFirstWorkingDayFromThe15th(_ day: CalendarDay) -> Bool {
        guard day.day >= 15, calendar.isWorkingDay(day) else { return false }
        return (15..<day.day).allSatisfy { earlier in
            !calendar.isWorkingDay(CalendarDay(year: day.year, month: day.month, day: earlier)!)
        }
    }

    /// The patrol days of `month`: four or five patrols per unit of scale on random working
    /// days, none in a lockdown month and none after the year.
    private func patrolDays(in month: YearMonth) -> [CalendarDay: Int] {
        guard month <= calendar.lastDay.yearMonth, !calendar.lockdownMonths.contains(month) else { return [:] }
        var random = SplitMix64(seed: options.seed, stream: Streams.patrolMonth,
                                index: UInt64(month.year * 12 + month.month))
        let workingDays = (1...month.dayCount)
            .map { CalendarDay(year: month.year, month: month.month, day: $0)! }
            .filter(calendar.isWorkingDay)
        var plan: [CalendarDay: Int] = [:]
        for _ in 0..<options.scale {
            for _ in 0..<random.int(in: 4...5) {
                plan[random.element(of: workingDays), default: 0] += 1
            }
        }
        return plan
    }

    // MARK: - Rows

    private static let kindWeights: [(String, Int)] = [
        ("routine", 45), ("random", 15), ("special", 20), ("complaint", 5), ("review", 15),
    ]

    private static let generalHazardWeights: [(Int, Int)] = [
        (0, 20), (1, 15), (2, 15), (3, 13), (4, 10), (5, 8), (6, 6), (7, 4), (8, 3), (10, 3), (12, 2), (15, 1),
    ]

    private static let remarks = [
        "企业主要负责人不在场", "已下达责令限期整改指令书", "复查合格", "隐患已当场整改", "企业已停产", "现场检查记录已签字",
    ]

    /// One inspection (not a patrol). `planting` forces the party and the untidy form it needs.
    private func inspection(on day: CalendarDay, sequence: Int, rowNumber: Int, planting: Planting.Kind?,
                            random: inout SplitMix64) -> Row {
        var row = Row()
        row.id = "JC" + SampleText.compactDate(day) + "-" + SampleText.padded(sequence, width: 3)
        row.date = dateText(day, rowNumber: rowNumber, random: &random)
        let kind = random.element(weighted: Self.kindWeights)
        row.kind = OfficialName.of(.inspectionKind, kind)

        let party = party(for: planting, random: &random)
        fillParty(party, into: &row, random: &random)

        // Hazards: mostly a few general ones, rarely a major one. Older inspections are mostly
        // fully rectified; recent ones are still in progress.
        let general = kind == "review" ? random.int(in: 0...2) : random.element(weighted: Self.generalHazardWeights)
        let major = random.element(weighted: [(0, 93), (1, 5), (2, 2)])
        let total = general + major
        let rectified = day.days(until: calendar.lastDay) > 45 && random.chance(0.9)
            ? total : total - random.int(in: 0...total)
        row.hazardsGeneral = String(general)
        row.hazardsMajor = major == 0 && random.chance(0.3) ? "" : String(major)
        row.hazardsRectified = String(rectified)
        let irregularities = random.chance(0.02) ? 1 : 0
        row.irregularities = irregularities == 0 && random.chance(0.4) ? "" : String(irregularities)

        let squad = SampleDistrict.drawSquad(&random)
        row.unit = squad.unit
        row.officers = random.chance(0.02) ? squad.officers + " " : squad.officers
        if random.chance(0.05) { row.remark = random.element(of: Self.remarks) }

        if let planting { apply(planting, party: party, to: &row) }
        return row
    }

    /// One patrol (执法巡查): often at an enterprise, sometimes of an area; no hazard counts,
    /// but the irregular enforcement acts the patrol found.
    private func patrol(on day: CalendarDay, sequence: Int, random: inout SplitMix64) -> Row {
        var row = Row()
        row.id = "XC" + SampleText.compactDate(day) + "-" + SampleText.padded(sequence, width: 3)
        row.date = day.description
        row.kind = OfficialName.of(.inspectionKind, "patrol")
        if random.chance(0.7) {
            fillParty(.enterprise(pool.drawEnterprise(&random)), into: &row, random: &random)
        } else {
            row.remark = random.element(of: ["工业园区巡查", "夜间巡查", "节前巡查", "沿街商铺巡查"])
        }
        row.irregularities = String(random.element(weighted: [(0, 50), (1, 30), (2, 15), (3, 5)]))
        let squad = SampleDistrict.drawSquad(&random)
        row.unit = squad.unit
        row.officers = squad.officers
        return row
    }

    /// The party of an inspection: the one a planting needs, else mostly an enterprise.
    private func party(for planting: Planting.Kind?, random: inout SplitMix64) -> SampleParty {
        switch planting {
        case .nameOnly:
            return .enterprise(pool.drawFrequentEnterprise(&random))
        case .wrongCheckCharacter, .trailingSpacesInName, .fullWidthCode, .spacedCode:
            return .enterprise(pool.drawOrdinaryEnterprise(&random))
        case .fullWidthLettersInCode, .lowerCaseCode:
            // Any enterprise whose code holds a letter (about half of them).
            var enterprise = pool.drawOrdinaryEnterprise(&random)
            while !enterprise.creditCode.contains(where: \.isLetter) {
                enterprise = pool.drawOrdinaryEnterprise(&random)
            }
            return .enterprise(enterprise)
        case .fullWidthLatinName:
            // The first enterprise with a Latin trade name outside the frequent ones.
            let index = pool.frequentCount + (7 - pool.frequentCount % 53 + 53) % 53
            return .enterprise(pool.enterprise(at: index))
        default:
            return random.chance(0.015)
                ? .individual(pool.drawIndividual(&random)) : .enterprise(pool.drawEnterprise(&random))
        }
    }

    /// Fills name, code and industry, with the random untidiness of real exports.
    private func fillParty(_ party: SampleParty, into row: inout Row, random: inout SplitMix64) {
        switch party {
        case .individual(let person):
            row.enterprise = person.name
            row.industry = OfficialName.of(.industry, random.element(of: ["fireworks", "other", "hazardous_chemicals"]))
        case .enterprise(let enterprise):
            row.enterprise = enterprise.name
            if random.chance(0.03) {
                let hasLatin = enterprise.name.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }
                row.enterprise = MessyVariants.name(
                    enterprise.name,
                    hasLatin ? .fullWidthLatin : random.element(of: [.trailingSpaces, .spaceAfterCity, .trailingIdeographicSpace]))
            }
            row.creditCode = enterprise.creditCode
            if enterprise.isFrequentlyInspected && random.chance(0.04) {
                row.creditCode = ""  // name only; the same name appears elsewhere with its code
            } else if random.chance(0.02) {
                let hasLetter = enterprise.creditCode.contains(where: \.isLetter)
                let forms: [MessyVariants.CodeForm] = hasLetter
                    ? MessyVariants.CodeForm.allCases : [.fullWidth, .spaced, .trailingSpaces]
                row.creditCode = MessyVariants.creditCode(enterprise.creditCode, random.element(of: forms))
            }
            row.industry = enterprise.industry == "hazardous_chemicals" && random.chance(0.1)
                ? "危化品"  // an alias the catalogue knows
                : OfficialName.of(.industry, enterprise.industry)
        }
    }

    /// Makes the planted untidiness visible in the row.
    private func apply(_ planting: Planting.Kind, party: SampleParty, to row: inout Row) {
        if planting == .lineBreakInRemark {
            row.remark = "企业主要负责人不在场，\n由安全管理员陪同检查"
            return
        }
        guard let enterprise = party.enterprise else { return }
        switch planting {
        case .trailingSpacesInName: row.enterprise = MessyVariants.name(enterprise.name, .trailingSpaces)
        case .fullWidthCode: row.creditCode = MessyVariants.creditCode(enterprise.creditCode, .fullWidth)
        case .spacedCode: row.creditCode = MessyVariants.creditCode(enterprise.creditCode, .spaced)
        case .fullWidthLettersInCode:
            row.creditCode = MessyVariants.creditCode(enterprise.creditCode, .fullWidthLetters)
        case .lowerCaseCode: row.creditCode = MessyVariants.creditCode(enterprise.creditCode, .lowerCase)
        case .nameOnly:
            row.enterprise = enterprise.name
            row.creditCode = ""
        case .wrongCheckCharacter:
            row.creditCode = SampleCreditCode.withWrongCheckCharacter(enterprise.creditCode)
        case .fullWidthLatinName:
            row.enterprise = MessyVariants.name(enterprise.name, .fullWidthLatin)
            row.creditCode = enterprise.creditCode
        case .lineBreakInRemark, .impossibleDate, .emptyID, .rectifiedExceedsHazards, .strayQuote, .extraCell:
            break
        }
    }

    /// Writes one of the rows the pipeline must reject, built from an ordinary inspection.
    private func writeRejectedRow(_ kind: Planting.Kind, on day: CalendarDay, sequence: Int, rowNumber: Int,
                                  random: inout SplitMix64, to file: SampleFileWriter) {
        var row = inspection(on: day, sequence: sequence, rowNumber: rowNumber, planting: nil, random: &random)
        row.date = day.description
        switch kind {
        case .impossibleDate:
            // Typed by hand as the 30th of February; the system built the id from it.
            row.date = MessyVariants.impossibleFebruaryDay(year: day.year)
            row.id = "JC\(day.year)0230-001"
        case .emptyID:
            row.id = ""
        case .rectifiedExceedsHazards:
            row.hazardsGeneral = "2"
            row.hazardsMajor = "0"
            row.hazardsRectified = "5"
        case .strayQuote:
            // Quotes typed around the trade name in a field the export did not quote.
            row.enterprise = "示例市\"宏达\"化工有限公司"
            row.creditCode = ""
            file.writeUnquotedRecord(row.fields(rowNumber: rowNumber))
            return
        case .extraCell:
            // An ASCII comma typed in the remark, which the export did not quote.
            row.remark = "已下达整改指令书,限期10日内整改"
            file.writeUnquotedRecord(row.fields(rowNumber: rowNumber))
            return
        default:
            break
        }
        file.writeRecord(row.fields(rowNumber: rowNumber))
    }

    // MARK: - Text forms

    private static let dateFormWeights: [(MessyVariants.DateForm, Int)] = [
        (.iso, 60), (.slashes, 10), (.dots, 5), (.chinese, 8), (.compact, 5), (.dateTime, 7), (.excelSerial, 5),
    ]

    /// The first rows show every date form once, in order, so each is certainly present; later
    /// rows mix them, mostly ISO.
    private func dateText(_ day: CalendarDay, rowNumber: Int, random: inout SplitMix64) -> String {
        let forms = MessyVariants.DateForm.allCases
        let form = rowNumber <= forms.count ? forms[rowNumber - 1] : random.element(weighted: Self.dateFormWeights)
        return MessyVariants.date(day, form, calendar: calendar, random: &random)
    }
}
