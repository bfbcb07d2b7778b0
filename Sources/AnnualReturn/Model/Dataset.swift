/// The exports the return is made from: the enforcement system's three, the optional
/// licensing (行政许可) and review and litigation (复议与诉讼) exports, and the optional records of case-file reviews (案卷评查) and the
/// enforcement item catalogue (事项清单).
public enum Dataset: String, Sendable, CaseIterable, Hashable, Comparable, Codable {
    case inspections
    case penalties
    case enforcement
    /// 行政许可: one row per licensing application and what it came to. Optional.
    case licensing
    /// 行政复议和行政应诉: one row per review or lawsuit against the bureau. Optional.
    case disputes = "review_litigation"
    /// 案卷评查: one row per case file reviewed. Optional; its figures are 0 without it.
    case caseReviews = "case_reviews"
    /// 综合行政执法事项清单: one row per item of the bureau's enforcement catalogue. Optional;
    /// undated (the list in force is counted whole).
    case catalogue

    /// The Chinese name used in headings and reports.
    public var title: String {
        switch self {
        case .inspections: return "检查记录"
        case .penalties: return "行政处罚案件"
        case .enforcement: return "行政强制"
        case .licensing: return "行政许可"
        case .disputes: return "行政复议和行政应诉"
        case .caseReviews: return "案卷评查"
        case .catalogue: return "综合行政执法事项清单"
        }
    }

    /// The column whose value identifies a record across cumulative exports.
    public var keyColumn: CanonicalColumn {
        switch self {
        case .inspections: return .inspectionID
        case .penalties: return .caseID
        case .enforcement: return .actionID
        case .licensing: return .licenceID
        case .disputes: return .disputeID
        case .caseReviews: return .fileID
        case .catalogue: return .itemID
        }
    }

    /// The date that decides which period a record belongs to; nil for the catalogue, whose
    /// items are not dated.
    public var decisiveDateColumn: CanonicalColumn? {
        switch self {
        case .inspections: return .date
        case .penalties: return .decisionDate
        case .enforcement: return .actionDate
        case .licensing: return .licenceDecisionDate
        case .disputes: return .disputeClosedDate
        case .caseReviews: return .fileClosedDate
        case .catalogue: return nil
        }
    }

    /// The columns a row cannot do without (DOMAIN's starred columns).
    public var requiredColumns: [CanonicalColumn] {
        switch self {
        case .inspections: return [.inspectionID, .date, .kind]
        case .penalties: return [.caseID, .decisionDate, .penaltyTypes]
        case .enforcement: return [.actionID, .actionDate, .actionKind]
        case .licensing: return [.licenceID, .appliedDate]
        case .disputes: return [.disputeID, .disputeKind, .disputeClosedDate, .outcome]
        case .caseReviews: return [.fileID, .caseFileType, .fileClosedDate]
        case .catalogue: return [.itemID, .itemClass]
        }
    }

    /// The canonical columns of this export, in the order DOMAIN lists them.
    public var columns: [CanonicalColumn] {
        switch self {
        case .inspections:
            return [.inspectionID, .date, .kind, .enterprise, .creditCode, .industry, .hazardsGeneral,
                    .hazardsMajor, .hazardsRectified, .irregularities, .unit, .officers]
        case .penalties:
            return [.caseID, .decisionNo, .decisionDate, .party, .partyType, .creditCode, .industry,
                    .penaltyTypes, .fineAmount, .confiscationAmount, .procedure, .origin, .hearing,
                    .legalReview, .publishedDate, .closedDate, .unit, .majorDecision, .hearingNotified,
                    .hearingRequested, .mitigated, .transferred]
        case .enforcement:
            return [.actionID, .actionDate, .actionKind, .enforcementClass, .relatedCaseID, .party, .unit, .publishedDate]
        case .licensing:
            return [.licenceID, .licenceItem, .applicant, .creditCode, .appliedDate, .acceptedDate, .licenceDecisionDate,
                    .licenceDecision, .publishedDate, .unit]
        case .disputes:
            return [.disputeID, .disputeKind, .receivedDate, .disputeClosedDate, .outcome, .headAppeared, .claimant, .unit]
        case .caseReviews:
            return [.fileID, .caseFileType, .fileClosedDate, .reviewedCaseID, .problems, .reviewDate, .unit]
        case .catalogue:
            return [.itemID, .itemName, .itemClass, .itemBasis, .unit]
        }
    }

    public static func < (lhs: Dataset, rhs: Dataset) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
