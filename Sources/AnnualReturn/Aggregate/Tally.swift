/// The counts of one scope (the year, or one named period), built record by record.
///
/// A tally is a mergeable value: `a.merged(with: b)` is the tally of the records of both, so
/// exports can be counted in parts and district returns rolled up. Distinct enterprises are
/// carried as sets of what the records say, and resolved only when a figure is made.
public struct Tally: Sendable, Equatable {
    // Inspections: patrols are not inspections and are kept apart.
    public var inspections = 0
    public var inspectionsByKind: [String: Int] = [:]
    public var inspectionsByIndustry: [String: Int] = [:]
    public var inspectionsByMonth: [YearMonth: Int] = [:]
    public var inspectedEnterprises: Set<EnterpriseRef> = []
    public var hazardsGeneral = 0
    public var hazardsMajor = 0
    public var hazardsRectified = 0

    public var patrols = 0
    public var patrolsByMonth: [YearMonth: Int] = [:]
    public var patrolledEnterprises: Set<EnterpriseRef> = []
    public var patrolIrregularities = 0

    // Penalties: one decision is one case.
    public var cases = 0
    /// Each case once, under its heaviest type.
    public var casesByHeaviestType: [String: Int] = [:]
    /// Each case under every type it names (并处 counted under each).
    public var typeMentions: [String: Int] = [:]
    public var fines = Fen.zero
    public var confiscations = Fen.zero
    public var casesByPartyType: [String: Int] = [:]
    public var casesByProcedure: [String: Int] = [:]
    public var hearings = 0
    public var legalReviews = 0
    public var casesByIndustry: [String: Int] = [:]
    public var casesByMonth: [YearMonth: Int] = [:]

    // Enforcement actions.
    public var measures = 0
    public var executions = 0
    public var actionsByKind: [String: Int] = [:]
    public var actionsByMonth: [YearMonth: Int] = [:]

    public init() {}

    public mutating func add(_ record: InspectionRecord) {
        let month = record.date.yearMonth
        hazardsGeneral += record.hazardsGeneral
        hazardsMajor += record.hazardsMajor
        hazardsRectified += record.hazardsRectified
        if record.isPatrol {
            patrols += 1
            patrolsByMonth[month, default: 0] += 1
            patrolIrregularities += record.irregularities
            if !record.enterprise.isEmpty { patrolledEnterprises.insert(record.enterprise) }
        } else {
            inspections += 1
            inspectionsByKind[record.kind, default: 0] += 1
            inspectionsByIndustry[record.industry, default: 0] += 1
            inspectionsByMonth[month, default: 0] += 1
            if !record.enterprise.isEmpty { inspectedEnterprises.insert(record.enterprise) }
        }
    }

    public mutating func add(_ record: PenaltyRecord) {
        cases += 1
        casesByHeaviestType[record.heaviestType, default: 0] += 1
        for type in record.penaltyTypes { typeMentions[type, default: 0] += 1 }
        fines += record.fine
        confiscations += record.confiscation
        casesByPartyType[record.partyType, default: 0] += 1
        if let procedure = record.procedure { casesByProcedure[procedure, default: 0] += 1 }
        if record.hearing { hearings += 1 }
        if record.legalReview { legalReviews += 1 }
        casesByIndustry[record.industry, default: 0] += 1
        casesByMonth[record.decisionDate.yearMonth, default: 0] += 1
    }

    public mutating func add(_ record: EnforcementRecord) {
        if record.isMeasure { measures += 1 } else { executions += 1 }
        actionsByKind[record.kind, default: 0] += 1
        actionsByMonth[record.date.yearMonth, default: 0] += 1
    }

    /// The tally of the records of both.
    public func merged(with other: Tally) -> Tally {
        var result = self
        result.inspections += other.inspections
        result.inspectionsByKind.merge(other.inspectionsByKind, uniquingKeysWith: +)
        result.inspectionsByIndustry.merge(other.inspectionsByIndustry, uniquingKeysWith: +)
        result.inspectionsByMonth.merge(other.inspectionsByMonth, uniquingKeysWith: +)
        result.inspectedEnterprises.formUnion(other.inspectedEnterprises)
        result.hazardsGeneral += other.hazardsGeneral
        result.hazardsMajor += other.hazardsMajor
        result.hazardsRectified += other.hazardsRectified
        result.patrols += other.patrols
        result.patrolsByMonth.merge(other.patrolsByMonth, uniquingKeysWith: +)
        result.patrolledEnterprises.formUnion(other.patrolledEnterprises)
        result.patrolIrregularities += other.patrolIrregularities
        result.cases += other.cases
        result.casesByHeaviestType.merge(other.casesByHeaviestType, uniquingKeysWith: +)
        result.typeMentions.merge(other.typeMentions, uniquingKeysWith: +)
        result.fines += other.fines
        result.confiscations += other.confiscations
        result.casesByPartyType.merge(other.casesByPartyType, uniquingKeysWith: +)
        result.casesByProcedure.merge(other.casesByProcedure, uniquingKeysWith: +)
        result.hearings += other.hearings
        result.legalReviews += other.legalReviews
        result.casesByIndustry.merge(other.casesByIndustry, uniquingKeysWith: +)
        result.casesByMonth.merge(other.casesByMonth, uniquingKeysWith: +)
        result.measures += other.measures
        result.executions += other.executions
        result.actionsByKind.merge(other.actionsByKind, uniquingKeysWith: +)
        result.actionsByMonth.merge(other.actionsByMonth, uniquingKeysWith: +)
        return result
    }
}
