/// The statutory and statistical classifications the return counts by.
///
/// Raw values are stable and appear in configuration and in figure ids.
public enum CategoryKind: String, Sendable, CaseIterable, Codable {
    /// Administrative penalty types, 《行政处罚法》 (2021) article 9 (处罚种类).
    case penaltyType
    /// Administrative compulsory measures, 《行政强制法》 article 9 (行政强制措施).
    case enforcementMeasure
    /// Administrative compulsory executions, 《行政强制法》 articles 12 and 53 (行政强制执行).
    case enforcementExecution
    /// Ways an inspection was made (检查方式); patrols are one of them but are never counted as
    /// inspections.
    case inspectionKind
    /// Industries (行业领域).
    case industry
    /// Penalty procedures (程序类型): simple or ordinary.
    case procedure
    /// Kinds of party to a penalty (当事人类型): unit or individual.
    case partyType
    /// Kinds of case file a case-file review (案卷评查) looks at (案卷类型).
    case caseFileType
    /// Classes of item in the enforcement item catalogue (综合行政执法事项清单, 事项类别).
    case catalogueClass
    /// What a licensing application came to (行政许可决定): granted, changed, renewed, refused,
    /// not accepted, revoked.
    case licensingDecision
    /// 行政复议 or 行政诉讼 (a case against the bureau's decision).
    case disputeKind
    /// How an administrative review or a lawsuit ended (复议结果, 判决结果).
    case disputeOutcome
}
