/// A record that can stand behind a figure: it has a key and a decisive date.
protocol ExplainableRecord: Hashable, Sendable {
    /// The dataset's key: inspection_id, case_id or action_id.
    var explainKey: String { get }
    /// The date that decides the record's period.
    var decisiveDate: CalendarDay { get }
}

extension InspectionRecord: ExplainableRecord {
    var explainKey: String { id }
    var decisiveDate: CalendarDay { date }
}

extension PenaltyRecord: ExplainableRecord {
    var explainKey: String { caseID }
    var decisiveDate: CalendarDay { decisionDate }
}

extension EnforcementRecord: ExplainableRecord {
    var explainKey: String { id }
    var decisiveDate: CalendarDay { date }
}

extension CaseFileReview: ExplainableRecord {
    var explainKey: String { fileID }
    var decisiveDate: CalendarDay { closedDate }
}

extension LicensingRecord: ExplainableRecord {
    var explainKey: String { licenceID }
    /// The decision day, or the application day while it is pending.
    var decisiveDate: CalendarDay { decisionDate ?? appliedDate }
}

extension DisputeRecord: ExplainableRecord {
    var explainKey: String { disputeID }
    var decisiveDate: CalendarDay { closedDate }
}
