/// A record's canonical fields as (key, value) text, for listing what changed in a conflict.
public protocol RecordFields {
    var fieldValues: [(key: String, value: String)] { get }
}

extension InspectionRecord: RecordFields {
    public var fieldValues: [(key: String, value: String)] {
        [("inspection_id", id), ("date", date.description), ("kind", kind),
         ("enterprise", enterprise.name), ("credit_code", enterprise.creditCode ?? ""),
         ("industry", industry), ("hazards_general", String(hazardsGeneral)),
         ("hazards_major", String(hazardsMajor)), ("hazards_rectified", String(hazardsRectified)),
         ("irregularities", String(irregularities)), ("unit", unit), ("officers", officers)]
    }
}

extension PenaltyRecord: RecordFields {
    public var fieldValues: [(key: String, value: String)] {
        [("case_id", caseID), ("decision_no", decisionNo), ("decision_date", decisionDate.description),
         ("party", party.name), ("credit_code", party.creditCode ?? ""), ("party_type", partyType),
         ("industry", industry), ("penalty_types", penaltyTypes.joined(separator: "+")),
         ("fine_amount", fine.yuanString), ("confiscation_amount", confiscation.yuanString),
         ("procedure", procedure ?? ""), ("origin", origin), ("hearing", hearing ? "yes" : "no"),
         ("legal_review", legalReview ? "yes" : "no"), ("published_date", publishedDate?.description ?? ""),
         ("closed_date", closedDate?.description ?? ""), ("unit", unit),
         ("major_decision", majorDecision ? "yes" : "no"), ("hearing_notified", hearingNotified ? "yes" : "no"),
         ("hearing_requested", hearingRequested ? "yes" : "no"), ("mitigated", mitigated ? "yes" : "no"),
         ("transferred", transferred ? "yes" : "no"), ("not_penalized", notPenalized ? "yes" : "no")]
    }
}

extension EnforcementRecord: RecordFields {
    public var fieldValues: [(key: String, value: String)] {
        [("action_id", id), ("date", date.description), ("kind", kind),
         ("class", isMeasure ? "measure" : "execution"), ("case_id", caseID ?? ""),
         ("party", party), ("unit", unit), ("published_date", publishedDate?.description ?? "")]
    }
}

extension CaseFileReview: RecordFields {
    public var fieldValues: [(key: String, value: String)] {
        [("file_id", fileID), ("case_type", caseType), ("closed_date", closedDate.description), ("case_id", caseID),
         ("problems", String(problems)), ("review_date", reviewDate?.description ?? ""), ("unit", unit)]
    }
}

extension LicensingRecord: RecordFields {
    public var fieldValues: [(key: String, value: String)] {
        [("licence_id", licenceID), ("item", item), ("applicant", applicant.name),
         ("credit_code", applicant.creditCode ?? ""), ("applied_date", appliedDate.description),
         ("accepted_date", acceptedDate?.description ?? ""), ("decision_date", decisionDate?.description ?? ""),
         ("decision", decision ?? ""), ("published_date", publishedDate?.description ?? ""), ("unit", unit)]
    }
}

extension DisputeRecord: RecordFields {
    public var fieldValues: [(key: String, value: String)] {
        [("dispute_id", disputeID), ("dispute_kind", kind), ("received_date", receivedDate?.description ?? ""),
         ("closed_date", closedDate.description), ("outcome", outcome), ("head_appeared", headAppeared ? "yes" : "no"),
         ("claimant", claimant), ("unit", unit)]
    }
}

extension CatalogueItem: RecordFields {
    public var fieldValues: [(key: String, value: String)] {
        [("item_id", itemID), ("item_name", name), ("item_class", itemClass), ("basis", basis), ("unit", unit)]
    }
}

/// One field that changed between two versions of a record.
public struct FieldChange: Sendable, Equatable {
    public var key: String
    public var old: String
    public var new: String
}

extension FieldChange {
    /// The fields whose values differ between two versions of a record, listed as
    /// (key, older value, newer value). Both lists come from the same record type, so their
    /// keys pair up.
    static func changes(from older: [(key: String, value: String)],
                        to newer: [(key: String, value: String)]) -> [FieldChange] {
        zip(older, newer).compactMap { old, new in
            old.value == new.value ? nil : FieldChange(key: old.key, old: old.value, new: new.value)
        }
    }
}
