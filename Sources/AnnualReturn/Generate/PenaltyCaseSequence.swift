/// The penalty decisions of the sample district, drawn day by day in decision-date order.
///
/// Each day draws from its own random stream, so walking the sequence again gives the same
/// cases: the June export, the December export and the enforcement export each walk it and
/// nothing is kept in memory.
struct PenaltyCaseSequence {
    let options: SampleExportOptions
    let calendar: SampleCalendar
    let pool: SampleEnterprisePool

    /// Plantings by case ordinal. All fall well before 30 June at any seed (about 200 cases are
    /// decided by then at scale 1), so all are in the June export. The forced types make the
    /// planting meaningful (a fine to misspell, a permit to suspend).
    static let plantingsByOrdinal: [Int: (planting: PenaltyPlanting, types: [String]?)] = [
        5: (.legacySuspendPermit, ["fine", "suspend_permit"]),
        9: (.legacyRevokeLicence, ["revoke_permit"]),
        12: (.correctedInDecember(.fineAmount), ["fine"]),
        14: (.legacySuspendOrRevoke, ["suspend_permit"]),
        23: (.misspeltFineInJune, ["fine"]),
        41: (.correctedInDecember(.penaltyTypes), ["fine"]),
        57: (.negativeFine, ["fine"]),
        77: (.correctedInDecember(.decisionDate), nil),
        98: (.correctedInDecember(.hearingAndReview), ["fine"]),
    ]

    /// Plantings by ordinal among the cases decided after 30 June (about 200 at scale 1).
    static let plantingsByLateOrdinal: [Int: (planting: PenaltyPlanting, types: [String]?)] = [
        15: (.truncatedSuspendBusinessInDecember, ["fine", "suspend_business"]),
        40: (.emptyIDInDecember, nil),
    ]

    /// Calls `body` with every case decided from 1 November of the year before to 31 December.
    func forEachCase(_ body: (SamplePenaltyCase) -> Void) {
        var ordinal = 0
        var lateOrdinal = 0
        var numberingYear = calendar.firstDay.year
        var numberInYear = 0
        for day in calendar.days(through: calendar.lastDay) {
            var random = SplitMix64(seed: options.seed, stream: Streams.penaltyDay, index: calendar.dayIndex(day))
            for _ in 0..<caseCount(on: day, random: &random) {
                if day.year != numberingYear {
                    numberingYear = day.year
                    numberInYear = 0
                }
                numberInYear += 1
                let isLate = day > calendar.juneExportDay
                let planted = isLate ? Self.plantingsByLateOrdinal[lateOrdinal] : Self.plantingsByOrdinal[ordinal]
                body(drawCase(on: day, ordinal: ordinal, lateOrdinal: isLate ? lateOrdinal : nil,
                              numberInYear: numberInYear, planted: planted, random: &random))
                ordinal += 1
                if isLate { lateOrdinal += 1 }
            }
        }
    }

    /// Decisions on `day`: about 1.4 a working day, a third of that in lockdown months, none at
    /// weekends.
    private func caseCount(on day: CalendarDay, random: inout SplitMix64) -> Int {
        guard calendar.isWorkingDay(day) else { return 0 }
        let probability = calendar.isLockdown(day) ? 0.15 : 0.46
        var count = 0
        for _ in 0..<(3 * options.scale) where random.chance(probability) { count += 1 }
        return count
    }

    // MARK: - Drawing one case

    /// Penalty types of decisions against units, lightest first: mostly a fine, some 警告 or
    /// 警告、罚款, a few combined with heavier types, rare heavy ones on their own.
    private static let unitTypeWeights: [([String], Int)] = [
        (["fine"], 60), (["warning"], 7), (["warning", "fine"], 12), (["fine", "confiscate_gains"], 4),
        (["fine", "suspend_business"], 4), (["fine", "confiscate_property"], 2), (["fine", "suspend_permit"], 2),
        (["revoke_permit"], 1), (["close"], 1), (["fine", "restrict_business"], 1), (["criticism"], 1),
        (["fine", "confiscate_gains", "suspend_business"], 1),
    ]

    /// Penalty types of decisions against individuals (principal persons in charge, unlicensed
    /// fireworks sellers, uncertified special operators).
    private static let individualTypeWeights: [([String], Int)] = [
        (["fine"], 60), (["warning"], 10), (["warning", "fine"], 10), (["fine", "confiscate_property"], 12),
        (["fine", "bar_practice"], 5), (["fine", "confiscate_gains"], 3),
    ]

    /// Fines of the ordinary procedure against units, in yuan.
    private static let unitFineWeights: [(Int64, Int)] = [
        (2_000, 3), (5_000, 6), (8_000, 4), (10_000, 10), (15_000, 6), (20_000, 12), (30_000, 12), (40_000, 5),
        (50_000, 10), (60_000, 4), (80_000, 4), (100_000, 6), (150_000, 3), (200_000, 3), (300_000, 2),
    ]

    /// Types at or above which a party may ask for a hearing whatever the fine.
    private static let heavyTypes: Set<String> = [
        "suspend_permit", "restrict_business", "suspend_business", "close", "bar_practice", "revoke_permit",
    ]

    private func drawCase(on day: CalendarDay, ordinal: Int, lateOrdinal: Int?, numberInYear: Int,
                          planted: (planting: PenaltyPlanting, types: [String]?)?,
                          random: inout SplitMix64) -> SamplePenaltyCase {
        let isIndividual = planted == nil && random.chance(0.09)
        let party: SampleParty = isIndividual
            ? .individual(pool.drawIndividual(&random)) : .enterprise(pool.drawEnterprise(&random))
        let industry = party.enterprise?.industry
            ?? random.element(weighted: [("fireworks", 40), ("hazardous_chemicals", 30), ("other", 30)])
        let types = planted?.types
            ?? random.element(weighted: isIndividual ? Self.individualTypeWeights : Self.unitTypeWeights)

        let isSimple: Bool
        if types == ["warning"] { isSimple = random.chance(0.6) }
        else if types == ["fine"] && planted == nil { isSimple = random.chance(0.12) }
        else { isSimple = false }

        var fine = Fen.zero
        if types.contains("fine") {
            fine = isSimple
                ? Fen(100 * random.element(of: isIndividual ? [50, 100, 200] : [1_000, 2_000, 3_000]))
                : drawOrdinaryFine(isIndividual: isIndividual, random: &random)
        }
        var confiscation = Fen.zero
        if types.contains("confiscate_gains") {
            confiscation = Fen(Int64(random.int(in: 1_000...60_000)) * 100 + (random.chance(0.5) ? Int64(random.int(in: 1...99)) : 0))
        }
        if types.contains("confiscate_property") {
            confiscation = confiscation + Fen(Int64(random.int(in: 500...20_000)) * 100
                                              + (random.chance(0.4) ? Int64(random.int(in: 1...99)) : 0))
        }

        let hearingThreshold = Fen(isIndividual ? 1_000_000 : 5_000_000)
        let mayAskForHearing = !isSimple && (!Self.heavyTypes.isDisjoint(with: types) || fine >= hearingThreshold)
        var hearing = mayAskForHearing && random.chance(0.12)
        let legalReview = !isSimple && (mayAskForHearing || fine >= Fen(3_000_000) || random.chance(0.05))
        if case .correctedInDecember(.hearingAndReview) = planted?.planting { hearing = false }

        // A date is known only if it is not after the export the case first appears in, so that
        // the December export repeats June records unchanged.
        let firstExportDay = day <= calendar.juneExportDay ? calendar.juneExportDay : calendar.lastDay
        // Mostly within the 7 working days the law allows, some later.
        let publishedDay = day.adding(days: random.int(in: 1...12))
        let closedDay = isSimple ? day : day.adding(days: random.int(in: 10...75))
        let isPublished = random.chance(0.95)

        let year = String(day.year)
        return SamplePenaltyCase(
            ordinal: ordinal, lateOrdinal: lateOrdinal,
            caseID: "AJ" + year + "-" + SampleText.padded(numberInYear, width: 4),
            decisionNumber: "示应急罚〔" + year + "〕" + String(numberInYear) + "号",
            decisionDay: day, party: party, industry: industry, penaltyTypes: types,
            fine: fine, confiscation: confiscation, isSimpleProcedure: isSimple,
            origin: random.chance(0.06) ? "事故" : "日常监管",
            hearing: hearing, legalReview: legalReview,
            majorDecision: legalReview && mayAskForHearing, hearingNotified: mayAskForHearing,
            hearingRequested: hearing || (mayAskForHearing && fine >= hearingThreshold + hearingThreshold),
            publishedDay: isPublished && publishedDay <= firstExportDay ? publishedDay : nil,
            closedDay: closedDay <= firstExportDay ? closedDay : nil,
            unit: SampleDistrict.bureau, planting: planted?.planting)
    }

    /// A fine of the ordinary procedure. Individuals are often fined a share of last year's
    /// income (40% for a principal person in charge), which gives amounts with fen.
    private func drawOrdinaryFine(isIndividual: Bool, random: inout SplitMix64) -> Fen {
        if isIndividual {
            if random.chance(0.55) {
                let incomeFen = Int64(random.int(in: 60_000...240_000)) * 100 + Int64(random.int(in: 0...99))
                return Fen(incomeFen * 2 / 5)
            }
            return Fen(100 * random.element(weighted: [(500, 2), (1_000, 3), (2_000, 3), (5_000, 2), (10_000, 1)]))
        }
        var yuan = random.element(weighted: Self.unitFineWeights)
        // Some fines are set between the round steps (23,600 rather than 20,000).
        if yuan >= 10_000 && random.chance(0.1) { yuan += Int64(random.int(in: 1...49)) * 100 }
        return Fen(yuan * 100)
    }
}
