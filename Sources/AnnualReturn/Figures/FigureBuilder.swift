/// Makes the figures from the aggregate, the configuration and the per-file accounts.
public struct FigureBuilder {
    public let configuration: ReturnConfiguration
    public let aggregate: Aggregate
    public let accounts: [FileAccount]
    /// Built once: every tally's distinct-enterprise figures resolve names through it.
    private let identities: EnterpriseIdentities

    public init(configuration: ReturnConfiguration, aggregate: Aggregate, accounts: [FileAccount]) {
        self.configuration = configuration
        self.aggregate = aggregate
        self.accounts = accounts
        identities = aggregate.enterpriseIdentities()
    }

    /// The twelve months of the year.
    var months: [YearMonth] { (1...12).map { YearMonth(year: configuration.year, month: $0)! } }

    /// Months of the year that are not declared lockdown months.
    var activeMonthCount: Int { months.filter { !configuration.lockdownMonths.contains($0) }.count }

    /// The as-of date: configured, else the newest decisive date among the year's records.
    public var asOf: CalendarDay? { aggregate.asOf(configured: configuration.asOf) }

    public func build() -> Figures {
        var figures = Figures()
        let year = aggregate.yearTally
        meta(&figures)
        inspections(&figures, year)
        penalties(&figures, year)
        enforcement(&figures, year)
        threeSystems(&figures, year)
        licensing(&figures, year)
        disputes(&figures, year)
        caseReviews(&figures, year, prefix: "")
        figures["catalogue.items"] = .integer(year.catalogueItems)
        for itemClass in Catalogue.categories(.catalogueClass) {
            figures["catalogue.by_class.\(itemClass.code)"] = .integer(year.catalogueItemsByClass[itemClass.code] ?? 0)
        }
        records(&figures)
        if let previous = configuration.previousYear { yearOverYear(&figures, previous) }
        for period in configuration.periods {
            let tally = aggregate.periodTallies[period.name] ?? Tally()
            let prefix = "periods.\(period.name)."
            figures[prefix + "inspections.count"] = .integer(tally.inspections)
            figures[prefix + "patrols.count"] = .integer(tally.patrols)
            figures[prefix + "penalties.cases"] = .integer(tally.cases)
            figures[prefix + "penalties.total_yuan"] = .text((tally.fines + tally.confiscations).yuanString)
            figures[prefix + "enforcement.measures"] = .integer(tally.measures)
            figures[prefix + "enforcement.executions"] = .integer(tally.executions)
            caseReviews(&figures, tally, prefix: prefix)
        }
        return figures
    }

    /// `<id>.previous`, `<id>.change` and `<id>.change_pct` for the headline figures.
    private func yearOverYear(_ figures: inout Figures, _ previous: PreviousYear) {
        figures["meta.previous_year"] = .integer(previous.year)
        for id in PreviousYear.headlineIDs {
            figures["\(id).previous"] = previous.figures[id] ?? .null
            let change = previous.change(of: id, current: figures[id])
            figures["\(id).change"] = change?.absolute ?? .null
            figures["\(id).change_pct"] = change?.percent.map(FigureValue.text) ?? .null
        }
    }

    private func meta(_ figures: inout Figures) {
        figures["meta.year"] = .integer(configuration.year)
        figures["meta.bureau"] = .text(configuration.bureau)
        figures["meta.as_of"] = asOf.map { .text($0.description) } ?? .null
        figures["meta.lockdown_months"] = .texts(configuration.lockdownMonths.sorted().map(\.description))
        figures["meta.status"] = .text(configuration.isFinal ? "final" : "provisional")
    }

    private func inspections(_ figures: inout Figures, _ tally: Tally) {
        figures["inspections.count"] = .integer(tally.inspections)
        figures["inspections.enterprises"] = .integer(aggregate.distinctEnterprises(tally.inspectedEnterprises, identities: identities))
        for kind in Catalogue.categories(.inspectionKind) where kind.code != "patrol" {
            figures["inspections.by_kind.\(kind.code)"] = .integer(tally.inspectionsByKind[kind.code] ?? 0)
        }
        industries(&figures, prefix: "inspections", tally.inspectionsByIndustry)
        monthly(&figures, prefix: "inspections", tally.inspectionsByMonth)

        figures["hazards.general"] = .integer(tally.hazardsGeneral)
        figures["hazards.major"] = .integer(tally.hazardsMajor)
        figures["hazards.rectified"] = .integer(tally.hazardsRectified)
        figures["hazards.rectification_rate"] = Ratio.percent(tally.hazardsRectified, of: tally.hazardsGeneral + tally.hazardsMajor)
            .map(FigureValue.text) ?? .null

        figures["patrols.count"] = .integer(tally.patrols)
        figures["patrols.enterprises"] = .integer(aggregate.distinctEnterprises(tally.patrolledEnterprises, identities: identities))
        figures["patrols.irregularities"] = .integer(tally.patrolIrregularities)
        monthly(&figures, prefix: "patrols", tally.patrolsByMonth)
    }

    private func penalties(_ figures: inout Figures, _ tally: Tally) {
        figures["penalties.cases"] = .integer(tally.cases)
        for type in Catalogue.categories(.penaltyType) {
            figures["penalties.by_type.\(type.code)"] = .integer(tally.casesByHeaviestType[type.code] ?? 0)
            figures["penalties.mentions.\(type.code)"] = .integer(tally.typeMentions[type.code] ?? 0)
        }
        let total = tally.fines + tally.confiscations
        figures["penalties.fines_yuan"] = .text(tally.fines.yuanString)
        figures["penalties.confiscations_yuan"] = .text(tally.confiscations.yuanString)
        figures["penalties.total_yuan"] = .text(total.yuanString)
        figures["penalties.total_wanyuan"] = .text(total.wanyuanString)
        for party in ["unit", "individual"] {
            figures["penalties.by_party.\(party)"] = .integer(tally.casesByPartyType[party] ?? 0)
        }
        for procedure in ["simple", "ordinary"] {
            figures["penalties.by_procedure.\(procedure)"] = .integer(tally.casesByProcedure[procedure] ?? 0)
        }
        figures["penalties.hearings"] = .integer(tally.hearings)
        figures["penalties.legal_reviews"] = .integer(tally.legalReviews)
        figures["penalties.mitigated"] = .integer(tally.casesMitigated)
        figures["penalties.transferred"] = .integer(tally.casesTransferred)
        figures["penalties.not_penalized"] = .integer(tally.decisionsNotPenalized)
        industries(&figures, prefix: "penalties", tally.casesByIndustry)
        monthly(&figures, prefix: "penalties", tally.casesByMonth)
    }

    /// 三项制度 over the year's penalty decisions. The publication figures need a working-day
    /// calendar; without one they are null (the return says why).
    private func threeSystems(_ figures: inout Figures, _ tally: Tally) {
        let prefix = "three_systems."
        publication(&figures, prefix: prefix + "publication.",
                    onTime: tally.publishedOnTime, late: tally.publishedLate, unpublished: tally.unpublished)
        figures[prefix + "legal_review.major_decisions"] = .integer(tally.majorDecisions)
        figures[prefix + "legal_review.reviewed"] = .integer(tally.majorDecisionsReviewed)
        figures[prefix + "legal_review.reviewed_pct"] =
            Ratio.percent(tally.majorDecisionsReviewed, of: tally.majorDecisions).map(FigureValue.text) ?? .null
        figures[prefix + "hearings.notified"] = .integer(tally.hearingsNotified)
        figures[prefix + "hearings.requested"] = .integer(tally.hearingsRequested)
        figures[prefix + "hearings.held"] = .integer(tally.hearings)
        publication(&figures, prefix: prefix + "enforcement_publication.", onTime: tally.actionsPublishedOnTime,
                    late: tally.actionsPublishedLate, unpublished: tally.actionsUnpublished)
    }

    /// `<prefix>decisions`, `on_time`, `late`, `unpublished` and `on_time_pct`: decisions made
    /// public in time. All null without a working-day calendar, which judging needs.
    private func publication(_ figures: inout Figures, prefix: String, onTime: Int, late: Int, unpublished: Int) {
        let judged = onTime + late + unpublished
        let hasCalendar = configuration.calendarFolder != nil
        let count = { (value: Int) in hasCalendar ? FigureValue.integer(value) : .null }
        figures[prefix + "decisions"] = count(judged)
        figures[prefix + "on_time"] = count(onTime)
        figures[prefix + "late"] = count(late)
        figures[prefix + "unpublished"] = count(unpublished)
        figures[prefix + "on_time_pct"] =
            hasCalendar ? Ratio.percent(onTime, of: judged).map(FigureValue.text) ?? .null : .null
    }

    /// 行政许可: applications, acceptances and decisions, each by its own day; and the
    /// publication of the year's decisions (三项制度), null without a calendar.
    private func licensing(_ figures: inout Figures, _ tally: Tally) {
        figures["licensing.applications"] = .integer(tally.licensingApplications)
        figures["licensing.accepted"] = .integer(tally.licensingAccepted)
        let decisions = tally.licensingDecisions
        figures["licensing.granted"] = .integer(["grant", "change", "renew"].reduce(0) { $0 + (decisions[$1] ?? 0) })
        for decision in Catalogue.categories(.licensingDecision) {
            figures["licensing.by_decision.\(decision.code)"] = .integer(decisions[decision.code] ?? 0)
        }
        publication(&figures, prefix: "three_systems.licensing_publication.", onTime: tally.licensingPublishedOnTime,
                    late: tally.licensingPublishedLate, unpublished: tally.licensingUnpublished)
    }

    /// 行政复议 and 行政诉讼 closed in the year: by outcome, 纠错 (a review found the bureau
    /// wrong) and 败诉 (a lawsuit lost), with their rates, and the head appearing in court.
    private func disputes(_ figures: inout Figures, _ tally: Tally) {
        for (prefix, kind, byOutcome, against) in [
            ("administrative_review.", "review", tally.reviewsByOutcome, "corrected"),
            ("litigation.", "litigation", tally.lawsuitsByOutcome, "lost"),
        ] {
            let closed = byOutcome.values.reduce(0, +)
            let wrong = DisputeRecord.againstTheBureau.reduce(0) { $0 + (byOutcome[$1] ?? 0) }
            figures[prefix + "closed"] = .integer(closed)
            for outcome in DisputeRecord.outcomes(of: kind) {
                figures[prefix + "by_outcome.\(outcome)"] = .integer(byOutcome[outcome] ?? 0)
            }
            figures[prefix + against] = .integer(wrong)
            figures[prefix + against + "_pct"] = Ratio.percent(wrong, of: closed).map(FigureValue.text) ?? .null
        }
        figures["litigation.head_in_court"] = .integer(tally.lawsuitsWithHeadInCourt)
    }

    /// 案卷评查: reviewed case files by the day their case was closed, for the year and each
    /// named period (a review window is usually a period, e.g. 2021-11-01..2022-07-31).
    private func caseReviews(_ figures: inout Figures, _ tally: Tally, prefix: String) {
        figures[prefix + "case_reviews.files"] = .integer(tally.reviewedFiles)
        for type in Catalogue.categories(.caseFileType) {
            figures[prefix + "case_reviews.by_type.\(type.code)"] = .integer(tally.reviewedFilesByType[type.code] ?? 0)
        }
        figures[prefix + "case_reviews.problems"] = .integer(tally.reviewProblems)
    }

    private func enforcement(_ figures: inout Figures, _ tally: Tally) {
        figures["enforcement.measures"] = .integer(tally.measures)
        figures["enforcement.executions"] = .integer(tally.executions)
        for kind in Catalogue.categories(.enforcementMeasure) + Catalogue.categories(.enforcementExecution) {
            figures["enforcement.by_kind.\(kind.code)"] = .integer(tally.actionsByKind[kind.code] ?? 0)
        }
        monthly(&figures, prefix: "enforcement", tally.actionsByMonth)
    }

    private func records(_ figures: inout Figures) {
        for dataset in Dataset.allCases {
            let files = accounts.filter { $0.dataset == dataset }
            let prefix = "records.\(dataset.rawValue)."
            figures[prefix + "read"] = .integer(files.reduce(0) { $0 + $1.read })
            figures[prefix + "accepted"] = .integer(files.reduce(0) { $0 + $1.accepted })
            figures[prefix + "rejected"] = .integer(files.reduce(0) { $0 + $1.rejected })
            figures[prefix + "duplicates"] = .integer(files.reduce(0) { $0 + $1.duplicates })
            figures[prefix + "conflicts"] = .integer(files.reduce(0) { $0 + $1.conflicts })
        }
    }

    private func industries(_ figures: inout Figures, prefix: String, _ counts: [String: Int]) {
        var group = 0
        for industry in Catalogue.categories(.industry) {
            let count = counts[industry.code] ?? 0
            figures["\(prefix).by_industry.\(industry.code)"] = .integer(count)
            if industry.group == "industry_trade" { group += count }
        }
        figures["\(prefix).by_industry_group.industry_trade"] = .integer(group)
    }

    /// By month (the real count, lockdown months included), by quarter, and the monthly
    /// average, which uses active months only: their records over their number.
    private func monthly(_ figures: inout Figures, prefix: String, _ counts: [YearMonth: Int]) {
        var quarters = [0, 0, 0, 0]
        var activeTotal = 0
        for month in months {
            let count = counts[month] ?? 0
            figures["\(prefix).by_month.\(month)"] = .integer(count)
            quarters[month.quarter - 1] += count
            if !configuration.lockdownMonths.contains(month) { activeTotal += count }
        }
        for quarter in 1...4 {
            figures["\(prefix).by_quarter.\(configuration.year)-Q\(quarter)"] = .integer(quarters[quarter - 1])
        }
        figures["\(prefix).monthly_average"] = Ratio.average(activeTotal, over: activeMonthCount)
            .map(FigureValue.text) ?? .null
    }
}
