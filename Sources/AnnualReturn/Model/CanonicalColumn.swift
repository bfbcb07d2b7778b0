/// A canonical column of an export: the English key used in code and configuration, and the
/// Chinese header most systems write.
public struct CanonicalColumn: Hashable, Sendable, CustomStringConvertible {
    /// The English key, e.g. `decision_date`.
    public let key: String
    /// The Chinese header, e.g. `处罚决定日期`.
    public let header: String
    /// Other headers real exports use for the same column.
    public let otherHeaders: [String]
    /// What kind of value the column holds, which decides how it is normalised.
    public let kind: ValueKind
    /// `key`'s number for ``HeaderMapping/fieldIndex(of:)`` (``keyNumber(of:)``), worked out
    /// once: staging looks up a dozen columns on every row.
    let keyNumber: UInt64

    public enum ValueKind: Sendable, Hashable {
        case text, name, code, date, amount, count, yesNo, category
    }

    public var description: String { key }

    init(_ key: String, _ header: String, _ kind: ValueKind, also otherHeaders: [String] = []) {
        self.key = key
        self.header = header
        self.kind = kind
        self.otherHeaders = otherHeaders
        keyNumber = Self.keyNumber(of: key)
    }

    /// A 64-bit number for a canonical key (FNV-1a over its bytes), never 0: the columns'
    /// keys have distinct numbers (a test checks every one), so a mapping can find a field
    /// by the number alone.
    static func keyNumber(of key: String) -> UInt64 {
        var number: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 { number = (number ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return number == 0 ? 1 : number
    }
}

extension CanonicalColumn {
    // Inspections 检查记录
    public static let inspectionID = CanonicalColumn("inspection_id", "检查编号", .code)
    public static let date = CanonicalColumn("date", "检查日期", .date)
    public static let kind = CanonicalColumn("kind", "检查方式", .category, also: ["检查类型"])
    public static let enterprise = CanonicalColumn("enterprise", "被检查单位", .name, also: ["企业名称", "单位名称"])
    public static let creditCode = CanonicalColumn("credit_code", "统一社会信用代码", .code, also: ["信用代码"])
    public static let industry = CanonicalColumn("industry", "行业领域", .category, also: ["行业", "行业类别"])
    public static let hazardsGeneral = CanonicalColumn("hazards_general", "一般隐患数", .count, also: ["一般隐患"])
    public static let hazardsMajor = CanonicalColumn("hazards_major", "重大隐患数", .count, also: ["重大隐患"])
    public static let hazardsRectified = CanonicalColumn("hazards_rectified", "已整改隐患数", .count, also: ["已整改隐患"])
    public static let irregularities = CanonicalColumn("irregularities", "不规范执法行为数", .count)
    public static let unit = CanonicalColumn("unit", "执法单位", .text, also: ["执法机构", "承办单位"])
    public static let officers = CanonicalColumn("officers", "执法人员", .text)

    // Penalties 行政处罚案件
    public static let caseID = CanonicalColumn("case_id", "案件编号", .code)
    public static let decisionNo = CanonicalColumn("decision_no", "处罚决定书文号", .text, also: ["决定书文号"])
    public static let decisionDate = CanonicalColumn("decision_date", "处罚决定日期", .date)
    public static let party = CanonicalColumn("party", "当事人", .name, also: ["当事人名称"])
    public static let partyType = CanonicalColumn("party_type", "当事人类型", .category)
    public static let penaltyTypes = CanonicalColumn("penalty_types", "处罚种类", .category, also: ["处罚类别"])
    public static let fineAmount = CanonicalColumn("fine_amount", "罚款金额(元)", .amount, also: ["罚款金额"])
    public static let confiscationAmount = CanonicalColumn("confiscation_amount", "没收金额(元)", .amount, also: ["没收金额"])
    public static let procedure = CanonicalColumn("procedure", "程序类型", .category, also: ["适用程序"])
    public static let origin = CanonicalColumn("origin", "案件来源", .text)
    public static let hearing = CanonicalColumn("hearing", "是否听证", .yesNo)
    public static let legalReview = CanonicalColumn("legal_review", "是否法制审核", .yesNo)
    public static let publishedDate = CanonicalColumn("published_date", "公示日期", .date)
    public static let closedDate = CanonicalColumn("closed_date", "结案日期", .date)
    // The three systems (三项制度): 重大执法决定法制审核 and 听证.
    public static let majorDecision = CanonicalColumn("major_decision", "是否重大执法决定", .yesNo, also: ["重大执法决定"])
    public static let hearingNotified = CanonicalColumn("hearing_notified", "是否告知听证", .yesNo,
                                                        also: ["告知听证", "是否告知听证权利"])
    public static let hearingRequested = CanonicalColumn("hearing_requested", "是否申请听证", .yesNo, also: ["申请听证"])
    public static let mitigated = CanonicalColumn("mitigated", "是否减轻处罚", .yesNo, also: ["减轻处罚"])
    public static let transferred = CanonicalColumn("transferred", "是否涉嫌犯罪移送", .yesNo,
                                                    also: ["涉嫌犯罪移送", "移送司法机关"])

    // Licensing decisions 行政许可
    public static let licenceID = CanonicalColumn("licence_id", "许可编号", .code, also: ["申请编号", "受理编号"])
    public static let licenceItem = CanonicalColumn("item", "许可事项", .text, also: ["事项名称"])
    public static let applicant = CanonicalColumn("applicant", "申请人", .name, also: ["申请单位"])
    public static let appliedDate = CanonicalColumn("applied_date", "申请日期", .date, also: ["收件日期"])
    public static let acceptedDate = CanonicalColumn("accepted_date", "受理日期", .date)
    public static let licenceDecisionDate = CanonicalColumn("decision_date", "决定日期", .date, also: ["办结日期"])
    public static let licenceDecision = CanonicalColumn("decision", "决定结果", .category, also: ["办理结果", "许可决定"])

    // Administrative review and litigation 行政复议、行政诉讼
    public static let disputeID = CanonicalColumn("dispute_id", "案号", .code, also: ["复议诉讼案号", "案件编号"])
    public static let disputeKind = CanonicalColumn("dispute_kind", "类型", .category, also: ["案件类型", "复议或诉讼"])
    public static let receivedDate = CanonicalColumn("received_date", "收案日期", .date, also: ["立案日期"])
    public static let disputeClosedDate = CanonicalColumn("closed_date", "结案日期", .date, also: ["审结日期", "办结日期"])
    public static let outcome = CanonicalColumn("outcome", "结果", .category, also: ["审理结果", "复议结果", "判决结果"])
    public static let headAppeared = CanonicalColumn("head_appeared", "负责人出庭应诉", .yesNo,
                                                     also: ["行政机关负责人出庭应诉", "负责人是否出庭"])
    public static let claimant = CanonicalColumn("claimant", "申请人或原告", .name, also: ["申请人", "原告"])

    // The enforcement item catalogue 综合行政执法事项清单
    public static let itemID = CanonicalColumn("item_id", "事项编码", .code, also: ["事项编号"])
    public static let itemName = CanonicalColumn("item_name", "事项名称", .text)
    public static let itemClass = CanonicalColumn("item_class", "事项类别", .category, also: ["事项类型", "权力类别"])
    public static let itemBasis = CanonicalColumn("basis", "实施依据", .text, also: ["设定依据"])

    // Case-file reviews 案卷评查
    public static let fileID = CanonicalColumn("file_id", "案卷编号", .code, also: ["案卷号"])
    public static let caseFileType = CanonicalColumn("case_type", "案卷类型", .category, also: ["案卷类别", "案件类型"])
    public static let fileClosedDate = CanonicalColumn("closed_date", "办结日期", .date, also: ["结案日期"])
    public static let reviewedCaseID = CanonicalColumn("case_id", "案件编号", .code)
    public static let problems = CanonicalColumn("problems", "发现问题数", .count, also: ["问题数", "存在问题数"])
    public static let reviewDate = CanonicalColumn("review_date", "评查日期", .date)

    // Enforcement actions 行政强制
    public static let actionID = CanonicalColumn("action_id", "强制编号", .code)
    public static let actionDate = CanonicalColumn("date", "决定日期", .date, also: ["强制决定日期"])
    public static let actionKind = CanonicalColumn("kind", "强制种类", .category, also: ["强制措施种类", "强制方式"])
    public static let relatedCaseID = CanonicalColumn("case_id", "关联案件编号", .code, also: ["案件编号"])
    public static let enforcementClass = CanonicalColumn("class", "强制类别", .category)
}
