/// One member of a ``Tally`` as return.json's `aggregate` writes it: its key and where it lives.
///
/// The encoder and the decoder both walk ``all``, so the two cannot drift apart; a test checks
/// that ``all`` names every stored property of `Tally`, so a counter added to `Tally` and
/// forgotten here fails the tests instead of vanishing from merged returns.
enum TallyField {
    /// A count: a JSON integer.
    case count(WritableKeyPath<Tally, Int>)
    /// Counts by category code: an object with sorted keys.
    case countsByCode(WritableKeyPath<Tally, [String: Int]>)
    /// Counts by month: an object with sorted "YYYY-MM" keys.
    case countsByMonth(WritableKeyPath<Tally, [YearMonth: Int]>)
    /// An amount: an integer number of fen, so nothing is rounded on the way.
    case money(WritableKeyPath<Tally, Fen>)
    /// Enterprise references: an array of hashed `[code, name]` pairs, sorted.
    case enterprises(WritableKeyPath<Tally, EnterpriseReferences>)

    /// Every member of a tally, in the order they are written (the order `Tally` declares them).
    static var all: [(key: String, field: TallyField)] {
        [
            ("inspections", .count(\.inspections)),
            ("inspections_by_kind", .countsByCode(\.inspectionsByKind)),
            ("inspections_by_industry", .countsByCode(\.inspectionsByIndustry)),
            ("inspections_by_month", .countsByMonth(\.inspectionsByMonth)),
            ("inspected_enterprises", .enterprises(\.inspectedEnterprises)),
            ("hazards_general", .count(\.hazardsGeneral)),
            ("hazards_major", .count(\.hazardsMajor)),
            ("hazards_rectified", .count(\.hazardsRectified)),
            ("patrols", .count(\.patrols)),
            ("patrols_by_month", .countsByMonth(\.patrolsByMonth)),
            ("patrolled_enterprises", .enterprises(\.patrolledEnterprises)),
            ("patrol_irregularities", .count(\.patrolIrregularities)),
            ("cases", .count(\.cases)),
            ("cases_by_heaviest_type", .countsByCode(\.casesByHeaviestType)),
            ("type_mentions", .countsByCode(\.typeMentions)),
            ("fines_fen", .money(\.fines)),
            ("confiscations_fen", .money(\.confiscations)),
            ("cases_by_party_type", .countsByCode(\.casesByPartyType)),
            ("cases_by_procedure", .countsByCode(\.casesByProcedure)),
            ("hearings", .count(\.hearings)),
            ("legal_reviews", .count(\.legalReviews)),
            ("cases_by_industry", .countsByCode(\.casesByIndustry)),
            ("cases_by_month", .countsByMonth(\.casesByMonth)),
            ("published_on_time", .count(\.publishedOnTime)),
            ("published_late", .count(\.publishedLate)),
            ("unpublished", .count(\.unpublished)),
            ("major_decisions", .count(\.majorDecisions)),
            ("major_decisions_reviewed", .count(\.majorDecisionsReviewed)),
            ("hearings_notified", .count(\.hearingsNotified)),
            ("hearings_requested", .count(\.hearingsRequested)),
            ("cases_mitigated", .count(\.casesMitigated)),
            ("cases_transferred", .count(\.casesTransferred)),
            ("decisions_not_penalized", .count(\.decisionsNotPenalized)),
            ("licensing_applications", .count(\.licensingApplications)),
            ("licensing_accepted", .count(\.licensingAccepted)),
            ("licensing_decisions", .countsByCode(\.licensingDecisions)),
            ("licensing_published_on_time", .count(\.licensingPublishedOnTime)),
            ("licensing_published_late", .count(\.licensingPublishedLate)),
            ("licensing_unpublished", .count(\.licensingUnpublished)),
            ("reviews_by_outcome", .countsByCode(\.reviewsByOutcome)),
            ("lawsuits_by_outcome", .countsByCode(\.lawsuitsByOutcome)),
            ("lawsuits_with_head_in_court", .count(\.lawsuitsWithHeadInCourt)),
            ("reviewed_files", .count(\.reviewedFiles)),
            ("reviewed_files_by_type", .countsByCode(\.reviewedFilesByType)),
            ("review_problems", .count(\.reviewProblems)),
            ("catalogue_items", .count(\.catalogueItems)),
            ("catalogue_items_by_class", .countsByCode(\.catalogueItemsByClass)),
            ("measures", .count(\.measures)),
            ("executions", .count(\.executions)),
            ("actions_by_kind", .countsByCode(\.actionsByKind)),
            ("actions_by_month", .countsByMonth(\.actionsByMonth)),
            ("actions_published_on_time", .count(\.actionsPublishedOnTime)),
            ("actions_published_late", .count(\.actionsPublishedLate)),
            ("actions_unpublished", .count(\.actionsUnpublished)),
        ]
    }
}
