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

    /// The heaviest of the case's types (行政处罚法 art. 9 order; `other` ranks lowest).
    public var heaviestType: String {
        Catalogue.heaviest(penaltyTypes.compactMap { Catalogue.category(.penaltyType, code: $0) })?.code
            ?? "other"
    }
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
