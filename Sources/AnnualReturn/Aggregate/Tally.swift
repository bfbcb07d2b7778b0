/// The counts of one scope (the year, or one named period), built record by record.
///
/// A tally is a mergeable value: `a.merged(with: b)` is the tally of the records of both, so
/// exports can be counted in parts and district returns rolled up. Distinct enterprises are
/// carried as the references the records give, and resolved only when a figure is made. A
/// record can be removed again (`remove`), which is how a newer export's version
/// replaces an older one without the pipeline keeping every record.
public struct Tally: Sendable, Equatable {
    // Inspections: patrols are not inspections and are kept apart.
    public var inspections = 0
    public var inspectionsByKind: [String: Int] = [:]
    public var inspectionsByIndustry: [String: Int] = [:]
    public var inspectionsByMonth: [YearMonth: Int] = [:]
    public var inspectedEnterprises = EnterpriseReferences()
    public var hazardsGeneral = 0
    public var hazardsMajor = 0
    public var hazardsRectified = 0

    public var patrols = 0
    public var patrolsByMonth: [YearMonth: Int] = [:]
    public var patrolledEnterprises = EnterpriseReferences()
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
    // The three systems (三项制度) over penalty decisions: publication within 7 working days
    // (only when a working-day calendar is configured), legal review of major decisions,
    // hearings (held = `hearings`).
    public var publishedOnTime = 0
    public var publishedLate = 0
    public var unpublished = 0
    public var majorDecisions = 0
    public var majorDecisionsReviewed = 0
    public var hearingsNotified = 0
    public var hearingsRequested = 0
    public var casesMitigated = 0
    public var casesTransferred = 0
    /// Decisions not to penalise (不予处罚): counted here and nowhere else.
    public var decisionsNotPenalized = 0

    // Licensing (行政许可): applications by the day they were made, acceptances by the day
    // they were accepted, decisions by their day (see `Aggregate.add(_:)`).
    public var licensingApplications = 0
    public var licensingAccepted = 0
    public var licensingDecisions: [String: Int] = [:]
    public var licensingPublishedOnTime = 0
    public var licensingPublishedLate = 0
    public var licensingUnpublished = 0

    // Administrative reviews and lawsuits against the bureau, by the day each was closed.
    public var reviewsByOutcome: [String: Int] = [:]
    public var lawsuitsByOutcome: [String: Int] = [:]
    public var lawsuitsWithHeadInCourt = 0

    // Case-file reviews (案卷评查), by the day each case was closed.
    public var reviewedFiles = 0
    public var reviewedFilesByType: [String: Int] = [:]
    public var reviewProblems = 0

    // The enforcement item catalogue (事项清单): undated, so only the year's tally counts it —
    // the list in force when the return is made.
    public var catalogueItems = 0
    public var catalogueItemsByClass: [String: Int] = [:]

    // Enforcement actions.
    public var measures = 0
    public var executions = 0
    public var actionsByKind: [String: Int] = [:]
    public var actionsByMonth: [YearMonth: Int] = [:]
    public var actionsPublishedOnTime = 0
    public var actionsPublishedLate = 0
    public var actionsUnpublished = 0

    public init() {}

    public mutating func add(_ record: InspectionRecord) { count(record, by: 1) }
    public mutating func add(_ record: PenaltyRecord) { count(record, by: 1) }
    public mutating func add(_ record: EnforcementRecord) { count(record, by: 1) }
    public mutating func add(_ record: CaseFileReview) { count(record, by: 1) }
    public mutating func add(_ record: CatalogueItem) { count(record, by: 1) }
    public mutating func add(_ record: DisputeRecord) { count(record, by: 1) }

    /// Takes out a record added before (an older version a newer export replaced): the tally is
    /// then exactly what it would be had the record never been added.
    public mutating func remove(_ record: InspectionRecord) { count(record, by: -1) }
    public mutating func remove(_ record: PenaltyRecord) { count(record, by: -1) }
    public mutating func remove(_ record: EnforcementRecord) { count(record, by: -1) }
    public mutating func remove(_ record: CaseFileReview) { count(record, by: -1) }
    public mutating func remove(_ record: CatalogueItem) { count(record, by: -1) }
    public mutating func remove(_ record: DisputeRecord) { count(record, by: -1) }

    /// Adds (`sign` 1) or removes (`sign` -1) one record.
    private mutating func count(_ record: InspectionRecord, by sign: Int) {
        let month = record.date.yearMonth
        hazardsGeneral += sign * record.hazardsGeneral
        hazardsMajor += sign * record.hazardsMajor
        hazardsRectified += sign * record.hazardsRectified
        if record.isPatrol {
            patrols += sign
            Self.bump(&patrolsByMonth, month, by: sign)
            patrolIrregularities += sign * record.irregularities
            if !record.enterprise.isEmpty { Self.bump(&patrolledEnterprises, record.enterprise, by: sign) }
        } else {
            inspections += sign
            Self.bump(&inspectionsByKind, record.kind, by: sign)
            Self.bump(&inspectionsByIndustry, record.industry, by: sign)
            Self.bump(&inspectionsByMonth, month, by: sign)
            if !record.enterprise.isEmpty { Self.bump(&inspectedEnterprises, record.enterprise, by: sign) }
        }
    }

    private mutating func count(_ record: PenaltyRecord, by sign: Int) {
        if record.notPenalized {
            decisionsNotPenalized += sign
            return
        }
        cases += sign
        Self.bump(&casesByHeaviestType, record.heaviestType, by: sign)
        for type in record.penaltyTypes { Self.bump(&typeMentions, type, by: sign) }
        fines += Fen(Int64(sign) * record.fine.value)
        confiscations += Fen(Int64(sign) * record.confiscation.value)
        Self.bump(&casesByPartyType, record.partyType, by: sign)
        if let procedure = record.procedure { Self.bump(&casesByProcedure, procedure, by: sign) }
        if record.hearing { hearings += sign }
        if record.legalReview { legalReviews += sign }
        Self.bump(&casesByIndustry, record.industry, by: sign)
        Self.bump(&casesByMonth, record.decisionDate.yearMonth, by: sign)
        switch record.publication {
        case .onTime?: publishedOnTime += sign
        case .late?: publishedLate += sign
        case .unpublished?: unpublished += sign
        case nil: break
        }
        if record.majorDecision {
            majorDecisions += sign
            if record.legalReview { majorDecisionsReviewed += sign }
        }
        if record.hearingNotified { hearingsNotified += sign }
        if record.hearingRequested { hearingsRequested += sign }
        if record.mitigated { casesMitigated += sign }
        if record.transferred { casesTransferred += sign }
    }

    private mutating func count(_ record: EnforcementRecord, by sign: Int) {
        if record.isMeasure { measures += sign } else { executions += sign }
        Self.bump(&actionsByKind, record.kind, by: sign)
        Self.bump(&actionsByMonth, record.date.yearMonth, by: sign)
        switch record.publication {
        case .onTime?: actionsPublishedOnTime += sign
        case .late?: actionsPublishedLate += sign
        case .unpublished?: actionsUnpublished += sign
        case nil: break
        }
    }

    private mutating func count(_ record: CaseFileReview, by sign: Int) {
        reviewedFiles += sign
        Self.bump(&reviewedFilesByType, record.caseType, by: sign)
        reviewProblems += sign * record.problems
    }

    /// The parts of a licensing record, each counted in the period of its own day.
    mutating func countApplication(by sign: Int) { licensingApplications += sign }
    mutating func countAcceptance(by sign: Int) { licensingAccepted += sign }
    mutating func countLicensingDecision(_ record: LicensingRecord, by sign: Int) {
        guard let decision = record.decision else { return }
        Self.bump(&licensingDecisions, decision, by: sign)
        switch record.publication {
        case .onTime?: licensingPublishedOnTime += sign
        case .late?: licensingPublishedLate += sign
        case .unpublished?: licensingUnpublished += sign
        case nil: break
        }
    }

    private mutating func count(_ record: DisputeRecord, by sign: Int) {
        if record.kind == "review" {
            Self.bump(&reviewsByOutcome, record.outcome, by: sign)
        } else {
            Self.bump(&lawsuitsByOutcome, record.outcome, by: sign)
            if record.headAppeared { lawsuitsWithHeadInCourt += sign }
        }
    }

    private mutating func count(_ record: CatalogueItem, by sign: Int) {
        catalogueItems += sign
        Self.bump(&catalogueItemsByClass, record.itemClass, by: sign)
    }

    /// Moves one count; a key whose count comes back to 0 is dropped, so a tally after a removal
    /// equals one that never saw the record.
    private static func bump<Key: Hashable>(_ counts: inout [Key: Int], _ key: Key, by sign: Int) {
        // One hash for a key already counted (nearly every time); a new key is hashed again
        // to insert it.
        guard let index = counts.index(forKey: key) else {
            counts[key] = sign
            return
        }
        counts.values[index] += sign
        if counts.values[index] == 0 { counts.remove(at: index) }
    }

    private static func bump(_ references: inout EnterpriseReferences, _ reference: EnterpriseRef, by sign: Int) {
        if sign > 0 { references.insert(reference) } else { references.remove(reference) }
    }

    /// The tally of the records of both.
    public func merged(with other: Tally) -> Tally {
        var result = self
        result.merge(other)
        return result
    }

    /// Adds the records `other` counted, in place (no copy of this tally's sets).
    public mutating func merge(_ other: Tally) {
        inspections += other.inspections
        inspectionsByKind.merge(other.inspectionsByKind, uniquingKeysWith: +)
        inspectionsByIndustry.merge(other.inspectionsByIndustry, uniquingKeysWith: +)
        inspectionsByMonth.merge(other.inspectionsByMonth, uniquingKeysWith: +)
        inspectedEnterprises.formUnion(other.inspectedEnterprises)
        hazardsGeneral += other.hazardsGeneral
        hazardsMajor += other.hazardsMajor
        hazardsRectified += other.hazardsRectified
        patrols += other.patrols
        patrolsByMonth.merge(other.patrolsByMonth, uniquingKeysWith: +)
        patrolledEnterprises.formUnion(other.patrolledEnterprises)
        patrolIrregularities += other.patrolIrregularities
        cases += other.cases
        casesByHeaviestType.merge(other.casesByHeaviestType, uniquingKeysWith: +)
        typeMentions.merge(other.typeMentions, uniquingKeysWith: +)
        fines += other.fines
        confiscations += other.confiscations
        casesByPartyType.merge(other.casesByPartyType, uniquingKeysWith: +)
        casesByProcedure.merge(other.casesByProcedure, uniquingKeysWith: +)
        hearings += other.hearings
        legalReviews += other.legalReviews
        casesByIndustry.merge(other.casesByIndustry, uniquingKeysWith: +)
        casesByMonth.merge(other.casesByMonth, uniquingKeysWith: +)
        publishedOnTime += other.publishedOnTime
        publishedLate += other.publishedLate
        unpublished += other.unpublished
        majorDecisions += other.majorDecisions
        majorDecisionsReviewed += other.majorDecisionsReviewed
        hearingsNotified += other.hearingsNotified
        hearingsRequested += other.hearingsRequested
        casesMitigated += other.casesMitigated
        casesTransferred += other.casesTransferred
        decisionsNotPenalized += other.decisionsNotPenalized
        licensingApplications += other.licensingApplications
        licensingAccepted += other.licensingAccepted
        licensingDecisions.merge(other.licensingDecisions, uniquingKeysWith: +)
        licensingPublishedOnTime += other.licensingPublishedOnTime
        licensingPublishedLate += other.licensingPublishedLate
        licensingUnpublished += other.licensingUnpublished
        reviewsByOutcome.merge(other.reviewsByOutcome, uniquingKeysWith: +)
        lawsuitsByOutcome.merge(other.lawsuitsByOutcome, uniquingKeysWith: +)
        lawsuitsWithHeadInCourt += other.lawsuitsWithHeadInCourt
        reviewedFiles += other.reviewedFiles
        reviewedFilesByType.merge(other.reviewedFilesByType, uniquingKeysWith: +)
        reviewProblems += other.reviewProblems
        catalogueItems += other.catalogueItems
        catalogueItemsByClass.merge(other.catalogueItemsByClass, uniquingKeysWith: +)
        measures += other.measures
        executions += other.executions
        actionsByKind.merge(other.actionsByKind, uniquingKeysWith: +)
        actionsByMonth.merge(other.actionsByMonth, uniquingKeysWith: +)
        actionsPublishedOnTime += other.actionsPublishedOnTime
        actionsPublishedLate += other.actionsPublishedLate
        actionsUnpublished += other.actionsUnpublished
    }
}
