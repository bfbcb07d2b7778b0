/// One penalty decision of the sample district, in clean canonical form; the two penalty
/// export writers render it in their own system's text forms.
struct SamplePenaltyCase: Sendable {
    /// The case's place among all cases (0-based), in decision-date order.
    let ordinal: Int
    /// The case's place among the cases decided after the June export (0-based); nil before.
    let lateOrdinal: Int?
    /// `AJ2022-0042`: the year of the decision and its number in that year.
    var caseID: String
    /// `示应急罚〔2022〕42号`.
    var decisionNumber: String
    var decisionDay: CalendarDay
    var party: SampleParty
    /// The industry's catalogue code.
    var industry: String
    /// Catalogue codes of the penalty types, lightest first.
    var penaltyTypes: [String]
    var fine: Fen
    var confiscation: Fen
    var isSimpleProcedure: Bool
    /// 日常监管 or 事故.
    var origin: String
    var hearing: Bool
    var legalReview: Bool
    /// 重大执法决定: heavy types or a large fine, decided after legal review.
    var majorDecision: Bool
    /// The party was told of the right to a hearing / asked for one (held: `hearing`).
    var hearingNotified: Bool
    var hearingRequested: Bool
    /// Nil when not yet published when the case first appeared in an export.
    var publishedDay: CalendarDay?
    /// Nil when not yet closed when the case first appeared in an export.
    var closedDay: CalendarDay?
    var unit: String
    /// What the sample plants on this case, if anything.
    var planting: PenaltyPlanting?

    /// Whether some export holds this case in a form the pipeline accepts, so that an
    /// enforcement action may name it without an unknown-case warning.
    var isEverAccepted: Bool {
        switch planting {
        case .negativeFine, .truncatedSuspendBusinessInDecember, .emptyIDInDecember: false
        default: true
        }
    }
}

/// What the sample plants on one penalty case (see the table in ``SampleExportGenerator``).
enum PenaltyPlanting: Sendable, Equatable {
    /// June writes 暂扣许可证 (a legacy alias); December writes 暂扣许可证件.
    case legacySuspendPermit
    /// June writes 吊销执照 (a legacy alias); December writes 吊销许可证件.
    case legacyRevokeLicence
    /// June writes 暂扣或者吊销许可证 (ambiguous, counted as 暂扣许可证件 with a warning).
    case legacySuspendOrRevoke
    /// June writes 罚歀 (rejected there); December writes 罚款 (accepted as a new record).
    case misspeltFineInJune
    /// Both exports write the fine with a minus sign: rejected in each file.
    case negativeFine
    /// December writes 责令停产 for 责令停产停业: rejected.
    case truncatedSuspendBusinessInDecember
    /// December leaves 案件编号 empty: rejected.
    case emptyIDInDecember
    /// December repeats the June record with changed content: a conflict the newer export wins.
    case correctedInDecember(Correction)

    /// How a conflicting December record differs from the June one.
    enum Correction: Sendable, Equatable {
        /// The fine was typed a zero short in June.
        case fineAmount
        /// 警告 added to the penalty types (the June record has none).
        case penaltyTypes
        /// The decision date was a day off in June.
        case decisionDate
        /// A hearing was held after all (the June record has none), and so a legal review.
        case hearingAndReview
    }
}

extension SamplePenaltyCase {
    /// The record as the newer system holds it after the correction, or unchanged.
    var decemberVersion: SamplePenaltyCase {
        guard case .correctedInDecember(let correction) = planting else { return self }
        var corrected = self
        switch correction {
        case .fineAmount:
            corrected.fine = Fen(fine.value * 10)
        case .penaltyTypes:
            corrected.penaltyTypes = ["warning"] + penaltyTypes.filter { $0 != "warning" }
        case .decisionDate:
            corrected.decisionDay = decisionDay.adding(days: -1)
        case .hearingAndReview:
            corrected.isSimpleProcedure = false
            corrected.hearing = true
            corrected.legalReview = true
        }
        return corrected
    }
}
