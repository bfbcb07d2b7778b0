/// Writes the sample enforcement export, `enforcement.csv`: UTF-8, LF line ends and the English
/// canonical headers, one row per compulsory measure or execution.
///
/// Actions follow the penalty cases: a measure (查封, 扣押) some weeks before a decision, an
/// execution (加处罚款, 申请人民法院强制执行) some weeks or months after one whose fine was not
/// paid. A few measures name no case. The planted problems are listed in
/// ``SampleExportGenerator``.
struct EnforcementExportWriter {
    let options: SampleExportOptions
    let calendar: SampleCalendar
    let pool: SampleEnterprisePool
    let cases: PenaltyCaseSequence

    static let fileName = "enforcement.csv"
    static let header = ["action_id", "date", "kind", "class", "case_id", "party", "unit"]

    /// A planted row, written after the normal action with this ordinal (0-based), or at the
    /// end if there are fewer actions.
    enum Planting: CaseIterable {
        /// 其他 with 强制类别 行政强制措施: accepted as `other_measure`.
        case bareOtherWithClass
        /// 其他 with an empty 强制类别: rejected as ambiguous.
        case bareOtherWithoutClass
        /// A case id with the letter O for a zero (AJ2O22-…): a warning, no such case.
        case misspeltCaseID
        /// An empty 决定日期: rejected, the date is required.
        case emptyDate
        /// A case id from a year no export covers: a warning, no such case.
        case caseFromUncoveredYear

        var afterAction: Int {
            switch self {
            case .bareOtherWithClass: 12
            case .bareOtherWithoutClass: 16
            case .misspeltCaseID: 20
            case .emptyDate: 24
            case .caseFromUncoveredYear: 28
            }
        }
    }

    private static let measureWeights: [(String, Int)] = [("seal_up", 50), ("seize", 40), ("freeze", 10)]
    private static let executionWeights: [(String, Int)] = [
        ("surcharge", 55), ("court_enforcement", 35), ("substitute", 5), ("remove_obstruction", 3), ("auction", 2),
    ]

    /// One action in clean form.
    private struct Action {
        var day: CalendarDay
        var kind: String
        var isMeasure: Bool
        var caseID: String
        var party: String
    }

    /// Writes the file into `directory`; returns its path and the number of records written.
    func write(to directory: String) throws(GenerateError) -> SampleFileReport {
        let file = try SampleFileWriter(directory: directory, fileName: Self.fileName, encoding: .utf8, lineEnding: "\n")
        file.writeRecord(Self.header)
        var written = 0
        var normalActions = 0
        var pending = Planting.allCases
        var lastCase: SamplePenaltyCase?

        func emit(_ action: Action, random: inout SplitMix64, kindText: String? = nil, classText: String? = nil,
                  dateText: String? = nil) {
            written += 1
            let date = dateText ?? (random.chance(0.15)
                ? MessyVariants.date(action.day, .slashes, calendar: calendar, random: &random) : action.day.description)
            let officialName = OfficialName.of(action.isMeasure ? .enforcementMeasure : .enforcementExecution, action.kind)
            let shortName = MessyVariants.shortEnforcementNames[action.kind]
            let kind = kindText ?? (shortName != nil && random.chance(0.5) ? shortName! : officialName)
            let actionClass = classText
                ?? (random.chance(0.85) ? (action.isMeasure ? MessyVariants.measureClass : MessyVariants.executionClass) : "")
            file.writeRecord([
                "QZ" + SampleText.padded(written, width: 5),
                date, kind, actionClass, action.caseID, action.party, SampleDistrict.bureau,
            ])
        }

        func emitPlanting(_ planting: Planting, near penaltyCase: SamplePenaltyCase, random: inout SplitMix64) {
            let record = penaltyCase.decemberVersion
            var action = Action(day: min(record.decisionDay.adding(days: 3), calendar.lastDay), kind: "other_measure",
                                isMeasure: true, caseID: record.caseID, party: record.party.name)
            switch planting {
            case .bareOtherWithClass:
                emit(action, random: &random, kindText: "其他", classText: MessyVariants.measureClass)
            case .bareOtherWithoutClass:
                emit(action, random: &random, kindText: "其他", classText: "")
            case .misspeltCaseID:
                action.kind = "seal_up"
                action.caseID = String(record.caseID.prefix(3)) + "O" + String(record.caseID.dropFirst(4))
                emit(action, random: &random)
            case .emptyDate:
                action.kind = "seize"
                emit(action, random: &random, kindText: OfficialName.of(.enforcementMeasure, "seize"),
                     classText: MessyVariants.measureClass, dateText: "")
            case .caseFromUncoveredYear:
                action.kind = "court_enforcement"
                action.isMeasure = false
                action.caseID = "AJ" + String(calendar.year - 2) + "-0131"
                emit(action, random: &random)
            }
        }

        cases.forEachCase { penaltyCase in
            guard penaltyCase.isEverAccepted else { return }
            var random = SplitMix64(seed: options.seed, stream: Streams.enforcementCase, index: UInt64(penaltyCase.ordinal))
            lastCase = penaltyCase
            if let action = action(for: penaltyCase.decemberVersion, random: &random) {
                emit(action, random: &random)
                while let planting = pending.first, planting.afterAction <= normalActions {
                    pending.removeFirst()
                    emitPlanting(planting, near: penaltyCase, random: &random)
                }
                normalActions += 1
            }
            // Now and then a measure against someone no penalty case names (seized illegal
            // fireworks whose owner is unknown, a site sealed pending investigation).
            if random.chance(0.012) {
                let day = penaltyCase.decisionDay
                emit(Action(day: day, kind: random.element(of: ["seize", "seal_up"]), isMeasure: true, caseID: "",
                            party: pool.drawIndividual(&random).name), random: &random)
            }
        }
        if let lastCase {
            var random = SplitMix64(seed: options.seed, stream: Streams.enforcementExtra, index: 0)
            for planting in pending { emitPlanting(planting, near: lastCase, random: &random) }
        }
        try file.commit()
        return SampleFileReport(path: file.path, rows: written)
    }

    /// The action taken on a case, if any: about one case in eight.
    private func action(for penaltyCase: SamplePenaltyCase, random: inout SplitMix64) -> Action? {
        guard random.chance(0.12) else { return nil }
        let isExecution = penaltyCase.fine.value > 0 && random.chance(0.6)
        let kind: String
        let day: CalendarDay
        if isExecution {
            kind = random.element(weighted: Self.executionWeights)
            let delay = kind == "surcharge" ? random.int(in: 20...120)
                : (kind == "court_enforcement" ? random.int(in: 95...200) : random.int(in: 30...90))
            day = penaltyCase.decisionDay.adding(days: delay)
        } else {
            kind = random.element(weighted: Self.measureWeights)
            day = penaltyCase.decisionDay.adding(days: -random.int(in: 5...40))
        }
        // An action after the export was taken cannot be in it.
        guard day <= calendar.lastDay else { return nil }
        return Action(day: day, kind: kind, isMeasure: !isExecution, caseID: penaltyCase.caseID,
                      party: penaltyCase.party.name)
    }
}
