/// Everything one run produced, before anything is written: the single model every renderer
/// reads.
public struct RunResult: Sendable {
    public var configuration: ReturnConfiguration
    public var aggregate: Aggregate
    public var figures: Figures
    /// One per input file, in input order.
    public var accounts: [FileAccount]
    /// Every problem found, in listing order: by file in reading order, row and column. Kept
    /// in a temporary file when there are many.
    public var diagnostics: SpilledList<Diagnostic>
    /// Every record read again with the same content, in the same order.
    public var duplicates: SpilledList<DuplicateEntry>
    public var conflicts: [ConflictEntry]
    /// The records counted (after dedupe, the newest version of each), where each was read:
    /// what `explain` shows behind a figure.
    public var records: CountedRecords

    /// Rows rejected across all files.
    public var rejectedRows: Int { accounts.reduce(0) { $0 + $1.rejected } }

    /// The as-of date shown on the return.
    public var asOf: CalendarDay? { aggregate.asOf(configured: configuration.asOf) }
}

/// The winning record of every key, per dataset, in the order they were read.
public struct CountedRecords: Sendable {
    public var inspections: [Located<InspectionRecord>] = []
    /// Penalty cases; decisions not to penalise are in ``notPenalized``, so no penalty figure
    /// counts them.
    public var penalties: [Located<PenaltyRecord>] = []
    public var notPenalized: [Located<PenaltyRecord>] = []
    public var actions: [Located<EnforcementRecord>] = []
    public var licensing: [Located<LicensingRecord>] = []
    public var disputes: [Located<DisputeRecord>] = []
    public var caseReviews: [Located<CaseFileReview>] = []
    public var catalogue: [Located<CatalogueItem>] = []

    public init(inspections: [Located<InspectionRecord>] = [], penalties: [Located<PenaltyRecord>] = [],
                actions: [Located<EnforcementRecord>] = [], caseReviews: [Located<CaseFileReview>] = []) {
        self.inspections = inspections
        self.penalties = penalties
        self.actions = actions
        self.caseReviews = caseReviews
    }
}

extension CountedRecords {
    /// Keeps one more counted record, read after every one kept so far.
    mutating func append<Record: CountableRecord>(_ record: Record, at location: SourceLocation) {
        switch record {
        case let inspection as InspectionRecord: inspections.append(Located(inspection, at: location))
        case let penalty as PenaltyRecord where penalty.notPenalized: notPenalized.append(Located(penalty, at: location))
        case let penalty as PenaltyRecord: penalties.append(Located(penalty, at: location))
        case let action as EnforcementRecord: actions.append(Located(action, at: location))
        case let licence as LicensingRecord: licensing.append(Located(licence, at: location))
        case let dispute as DisputeRecord: disputes.append(Located(dispute, at: location))
        case let review as CaseFileReview: caseReviews.append(Located(review, at: location))
        case let item as CatalogueItem: catalogue.append(Located(item, at: location))
        default: preconditionFailure("a record of no known dataset")
        }
    }

    /// Drops the records read at the rows `isReplaced` names (versions newer exports replaced).
    mutating func removeAll(where isReplaced: (ReportPipeline.FileReference, Int) -> Bool) {
        inspections.removeAll { isReplaced(.init(dataset: .inspections, fileIndex: $0.location.fileIndex), $0.location.row) }
        penalties.removeAll { isReplaced(.init(dataset: .penalties, fileIndex: $0.location.fileIndex), $0.location.row) }
        notPenalized.removeAll { isReplaced(.init(dataset: .penalties, fileIndex: $0.location.fileIndex), $0.location.row) }
        actions.removeAll { isReplaced(.init(dataset: .enforcement, fileIndex: $0.location.fileIndex), $0.location.row) }
        disputes.removeAll { isReplaced(.init(dataset: .disputes, fileIndex: $0.location.fileIndex), $0.location.row) }
        licensing.removeAll { isReplaced(.init(dataset: .licensing, fileIndex: $0.location.fileIndex), $0.location.row) }
        caseReviews.removeAll { isReplaced(.init(dataset: .caseReviews, fileIndex: $0.location.fileIndex), $0.location.row) }
        catalogue.removeAll { isReplaced(.init(dataset: .catalogue, fileIndex: $0.location.fileIndex), $0.location.row) }
    }
}
