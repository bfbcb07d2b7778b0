/// One inspection of one enterprise, or one patrol: a row of the inspections export, typed.
public struct InspectionRecord: Hashable, Sendable {
    public var id: String
    public var date: CalendarDay
    /// An inspection-kind code (`routine`, `random`, …, `patrol`).
    public var kind: String
    public var enterprise: EnterpriseRef
    /// An industry code; `other` when the export leaves it empty or names no known industry.
    public var industry: String
    public var hazardsGeneral: Int
    public var hazardsMajor: Int
    public var hazardsRectified: Int
    public var irregularities: Int
    public var unit: String
    public var officers: String

    /// Patrols are counted on their own line, never in 检查次数.
    public var isPatrol: Bool { kind == "patrol" }
}

/// One penalty decision (决定): a row of the penalties export, typed. One decision is one case.
public struct PenaltyRecord: Hashable, Sendable {
    public var caseID: String
    public var decisionNo: String
    public var decisionDate: CalendarDay
    public var party: EnterpriseRef
    /// `unit` or `individual`.
    public var partyType: String
    public var industry: String
    /// Penalty-type codes, each once, lightest first (the order does not carry meaning).
    public var penaltyTypes: [String]
    public var fine: Fen
    public var confiscation: Fen
    /// `simple`, `ordinary`, or nil when the export does not say.
    public var procedure: String?
    public var origin: String
    public var hearing: Bool
    public var legalReview: Bool
    public var publishedDate: CalendarDay?
    public var closedDate: CalendarDay?
    public var unit: String
    /// 重大执法决定: a major decision, which needs legal review (法制审核) before it is made.
    public var majorDecision = false
    /// The party was told of the right to a hearing (告知听证); true too when one was asked
    /// for or held.
    public var hearingNotified = false
    /// The party asked for a hearing (申请听证); true too when one was held (`hearing`).
    public var hearingRequested = false
    /// Whether the decision was made public within 7 working days of it (行政执法公示): nil
    /// when no working-day calendar is configured.
    public var publication: Publication? = nil
    /// 减轻处罚: the penalty was reduced below the usual range.
    public var mitigated = false
    /// 涉嫌犯罪移送: the case was also handed to the judicial authorities as a suspected crime.
    public var transferred = false
    /// 不予处罚: a decision not to penalise (`penaltyTypes` is empty). Not a penalty case: it is
    /// counted on its own line only.
    public var notPenalized = false

    /// The heaviest of the case's types (行政处罚法 art. 9 order; `other` ranks lowest).
    public var heaviestType: String {
        // `Catalogue.heaviest` of the types' categories, found by rank alone: this runs for
        // every case in every tally it counts in.
        var heaviest: (code: String, order: Int)?
        for code in penaltyTypes {
            guard let order = Catalogue.penaltyTypeOrder(code) else { continue }
            if heaviest == nil || heaviest!.order < order { heaviest = (code, order) }
        }
        return heaviest?.code ?? "other"
    }
}

/// Whether a decision was made public (公示) in time: within the deadline, counted in working
/// days from the decision date (7 for penalty decisions).
public enum Publication: String, Hashable, Sendable {
    case onTime = "on_time"
    case late
    case unpublished
}

/// One compulsory measure or execution: a row of the enforcement export, typed.
public struct EnforcementRecord: Hashable, Sendable {
    public var id: String
    public var date: CalendarDay
    /// A measure code (`seal_up`, …) or an execution code (`surcharge`, …).
    public var kind: String
    /// True for a compulsory measure (行政强制措施), false for an execution (行政强制执行).
    public var isMeasure: Bool
    /// The penalty case the action belongs to, when the export names one.
    public var caseID: String?
    public var party: String
    public var unit: String
    public var publishedDate: CalendarDay? = nil
    /// Whether the decision was made public within 20 working days of it (行政执法公示 for
    /// decisions other than penalties and licences); nil without a calendar.
    public var publication: Publication? = nil
}

/// One case file a case-file review (案卷评查) looked at: a row of the case-review export.
public struct CaseFileReview: Hashable, Sendable {
    public var fileID: String
    /// A case-file type code (`penalty`, `licensing`, …).
    public var caseType: String
    /// The day the case was closed (办结): the review window counts files by it.
    public var closedDate: CalendarDay
    public var caseID: String
    /// Problems the review found in the file.
    public var problems: Int
    public var reviewDate: CalendarDay?
    public var unit: String
}

/// One licensing application and what came of it: a row of the licensing export.
public struct LicensingRecord: Hashable, Sendable {
    public var licenceID: String
    public var item: String
    public var applicant: EnterpriseRef
    /// 申请: counted by this day.
    public var appliedDate: CalendarDay
    public var acceptedDate: CalendarDay?
    /// The decision and its day, nil while the application is pending.
    public var decisionDate: CalendarDay?
    /// A licensing-decision code (`grant`, `change`, `renew`, `refuse`, `not_accepted`, `revoke`).
    public var decision: String?
    public var publishedDate: CalendarDay?
    public var unit: String
    /// Whether the decision was made public within 7 working days; nil without a calendar, for
    /// a pending application, or for 不予受理 (not a decision on the licence).
    public var publication: Publication? = nil

    /// 准予: a grant, including a granted change (变更) or renewal (延续).
    public var isGranted: Bool { decision == "grant" || decision == "change" || decision == "renew" }

    /// 受理: the day the application was accepted — the 受理日期, or else the decision day of an
    /// application that was decided other than by 不予受理.
    public var acceptedOn: CalendarDay? {
        if let acceptedDate { return acceptedDate }
        guard let decision, decision != "not_accepted" else { return nil }
        return decisionDate
    }
}

/// One administrative review (行政复议) or lawsuit (行政诉讼) against the bureau, closed: a row of
/// the review-and-litigation export.
public struct DisputeRecord: Hashable, Sendable {
    public var disputeID: String
    /// `review` or `litigation`.
    public var kind: String
    public var receivedDate: CalendarDay?
    /// Counted by this day.
    public var closedDate: CalendarDay
    /// A dispute-outcome code allowed for `kind` (``outcomes(of:)``).
    public var outcome: String
    /// Whether the bureau's head appeared in court (行政机关负责人出庭应诉); lawsuits only.
    public var headAppeared: Bool
    public var claimant: String
    public var unit: String

    /// The outcomes each kind can have: 《行政复议法》 for a review, 《行政诉讼法》 for a lawsuit.
    public static func outcomes(of kind: String) -> [String] {
        kind == "review"
            ? ["upheld", "dismissed", "revoked", "changed", "confirmed_illegal", "ordered", "mediated", "terminated"]
            : ["dismissed", "withdrawn", "revoked", "changed", "confirmed_illegal", "ordered"]
    }

    /// The outcomes that found the bureau wrong: 纠错 for a review, 败诉 for a lawsuit.
    public static let againstTheBureau: Set<String> = ["revoked", "changed", "confirmed_illegal", "ordered"]

    public var isAgainstTheBureau: Bool { Self.againstTheBureau.contains(outcome) }
}

/// One item of the enforcement item catalogue (综合行政执法事项清单): a row of its export.
public struct CatalogueItem: Hashable, Sendable {
    public var itemID: String
    public var name: String
    /// A catalogue-class code (`penalty`, `inspection`, `measure`, `execution`, …).
    public var itemClass: String
    public var basis: String
    public var unit: String
}

/// A typed record and where it came from.
public struct Located<Record: Hashable & Sendable>: Sendable {
    public var record: Record
    public var location: SourceLocation

    public init(_ record: Record, at location: SourceLocation) {
        self.record = record
        self.location = location
    }
}
