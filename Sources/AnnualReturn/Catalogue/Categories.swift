// The catalogue's data: every category of every kind, and the ambiguous legacy names. Codes
// are stable; names are the official ones. Within a kind the table order is the display
// order, 其他 last.

extension Catalogue {
    /// Every category of every kind, in display order within each kind.
    public static let all: [Category] = [
        // 《行政处罚法》(2021) 第九条, lightest to heaviest; `order` is the severity rank. The
        // aliases are the names of the pre-2021 law (第八条) that mean exactly one type.
        Category(.penaltyType, "warning", "警告", order: 1, legalBasis: penaltyBasis),
        Category(.penaltyType, "criticism", "通报批评", order: 2, legalBasis: penaltyBasis),
        Category(.penaltyType, "fine", "罚款", order: 3, legalBasis: penaltyBasis),
        Category(.penaltyType, "confiscate_gains", "没收违法所得", order: 4, legalBasis: penaltyBasis),
        Category(.penaltyType, "confiscate_property", "没收非法财物", order: 5, legalBasis: penaltyBasis),
        Category(.penaltyType, "suspend_permit", "暂扣许可证件", aliases: ["暂扣许可证", "暂扣执照"],
                 order: 6, legalBasis: penaltyBasis),
        Category(.penaltyType, "lower_qualification", "降低资质等级", order: 7, legalBasis: penaltyBasis),
        Category(.penaltyType, "restrict_business", "限制开展生产经营活动", order: 8, legalBasis: penaltyBasis),
        Category(.penaltyType, "suspend_business", "责令停产停业", order: 9, legalBasis: penaltyBasis),
        Category(.penaltyType, "close", "责令关闭", order: 10, legalBasis: penaltyBasis),
        Category(.penaltyType, "bar_practice", "限制从业", order: 11, legalBasis: penaltyBasis),
        Category(.penaltyType, "revoke_permit", "吊销许可证件", aliases: ["吊销许可证", "吊销执照"],
                 order: 12, legalBasis: penaltyBasis),
        Category(.penaltyType, "detention", "行政拘留", order: 13, legalBasis: penaltyBasis),
        // Severity 0: a case with a named type as well is counted under the named one.
        Category(.penaltyType, "other", "其他", aliases: ["其它"], order: 0, legalBasis: penaltyBasis),

        // 《行政强制法》第九条.
        Category(.enforcementMeasure, "restrict_liberty", "限制公民人身自由", aliases: ["限制人身自由"],
                 order: 1, legalBasis: measureBasis),
        Category(.enforcementMeasure, "seal_up", "查封场所、设施或者财物", aliases: ["查封"],
                 order: 2, legalBasis: measureBasis),
        Category(.enforcementMeasure, "seize", "扣押财物", aliases: ["扣押"], order: 3, legalBasis: measureBasis),
        Category(.enforcementMeasure, "freeze", "冻结存款、汇款", aliases: ["冻结"], order: 4, legalBasis: measureBasis),
        Category(.enforcementMeasure, "other_measure", "其他", aliases: ["其它", "其他行政强制措施"],
                 order: 5, legalBasis: measureBasis),

        // 《行政强制法》第十二条; applying to a court is 第五十三条.
        Category(.enforcementExecution, "surcharge", "加处罚款或者滞纳金", aliases: ["加处罚款", "滞纳金"],
                 order: 1, legalBasis: executionBasis),
        Category(.enforcementExecution, "transfer", "划拨存款、汇款", aliases: ["划拨"],
                 order: 2, legalBasis: executionBasis),
        Category(.enforcementExecution, "auction", "拍卖或者依法处理查封、扣押的场所、设施或者财物",
                 aliases: ["拍卖"], order: 3, legalBasis: executionBasis),
        Category(.enforcementExecution, "remove_obstruction", "排除妨碍、恢复原状", aliases: ["排除妨碍", "恢复原状"],
                 order: 4, legalBasis: executionBasis),
        Category(.enforcementExecution, "substitute", "代履行", order: 5, legalBasis: executionBasis),
        Category(.enforcementExecution, "court_enforcement", "申请人民法院强制执行", aliases: ["申请法院强制执行"],
                 order: 6, legalBasis: "《行政强制法》第五十三条"),
        Category(.enforcementExecution, "other_execution", "其他", aliases: ["其它", "其他强制执行方式"],
                 order: 7, legalBasis: executionBasis),

        Category(.inspectionKind, "routine", "日常检查", aliases: ["日常"], order: 1),
        Category(.inspectionKind, "random", "双随机抽查", aliases: ["双随机", "双随机检查", "双随机一公开", "双随机一公开检查"],
                 order: 2),
        Category(.inspectionKind, "special", "专项检查", aliases: ["专项"], order: 3),
        Category(.inspectionKind, "complaint", "投诉举报核查", aliases: ["投诉举报"], order: 4),
        Category(.inspectionKind, "review", "整改复查", aliases: ["复查"], order: 5),
        Category(.inspectionKind, "patrol", "执法巡查", aliases: ["巡查"], order: 6),

        Category(.industry, "hazardous_chemicals", "危险化学品", aliases: ["危化品", "危化"], order: 1),
        Category(.industry, "non_coal_mine", "非煤矿山", order: 2),
        Category(.industry, "fireworks", "烟花爆竹", order: 3),
        // The 工贸 group: DOMAIN.md calls it "the seven from 冶金 to 商贸" but lists eight names
        // (冶金 有色 建材 机械 轻工 纺织 烟草 商贸, the usual eight 工贸 industries); all eight are in.
        Category(.industry, "metallurgy", "冶金", order: 4, group: industryTrade),
        Category(.industry, "nonferrous", "有色", aliases: ["有色金属"], order: 5, group: industryTrade),
        Category(.industry, "building_materials", "建材", order: 6, group: industryTrade),
        Category(.industry, "machinery", "机械", order: 7, group: industryTrade),
        Category(.industry, "light_industry", "轻工", order: 8, group: industryTrade),
        Category(.industry, "textile", "纺织", order: 9, group: industryTrade),
        Category(.industry, "tobacco", "烟草", order: 10, group: industryTrade),
        Category(.industry, "commerce", "商贸", order: 11, group: industryTrade),
        Category(.industry, "other", "其他", aliases: ["其它"], order: 12),

        // 《行政处罚法》(2021) 第二节 简易程序 opens at 第五十一条, 第三节 普通程序 at 第五十四条.
        Category(.procedure, "simple", "简易程序", aliases: ["简易"], order: 1,
                 legalBasis: "《行政处罚法》第五十一条"),
        Category(.procedure, "ordinary", "普通程序", aliases: ["一般程序", "普通", "一般"], order: 2,
                 legalBasis: "《行政处罚法》第五十四条"),

        Category(.partyType, "unit", "单位", aliases: ["法人", "法人或其他组织", "法人或者其他组织", "企业", "其他组织"],
                 order: 1),
        Category(.partyType, "individual", "个人", aliases: ["自然人", "公民"], order: 2),

        // The kinds of enforcement case file a case-file review (案卷评查) draws from.
        Category(.caseFileType, "penalty", "行政处罚", aliases: ["处罚", "行政处罚案卷"], order: 1),
        Category(.caseFileType, "licensing", "行政许可", aliases: ["许可", "行政许可案卷"], order: 2),
        Category(.caseFileType, "enforcement", "行政强制", aliases: ["强制", "行政强制案卷"], order: 3),
        Category(.caseFileType, "inspection", "行政检查", aliases: ["检查", "行政检查案卷", "监督检查"], order: 4),
        Category(.caseFileType, "other", "其他", aliases: ["其它"], order: 5),

        // The classes of the enforcement item catalogue (综合行政执法事项清单) the written report
        // quotes; 行政许可 and the rest are listed too, so a full catalogue counts whole.
        Category(.catalogueClass, "penalty", "行政处罚", aliases: ["行政处罚事项", "处罚"], order: 1),
        Category(.catalogueClass, "inspection", "行政监督检查", aliases: ["行政检查", "监督检查", "行政监督检查事项"], order: 2),
        Category(.catalogueClass, "measure", "行政强制措施", aliases: ["强制措施"], order: 3),
        Category(.catalogueClass, "execution", "行政强制执行", aliases: ["强制执行"], order: 4),
        Category(.catalogueClass, "licensing", "行政许可", aliases: ["许可"], order: 5),
        Category(.catalogueClass, "other", "其他", aliases: ["其它", "其他行政权力"], order: 6),

        // 《行政许可法》: 准予 (第三十八条), 变更 (第四十九条) and 延续 (第五十条) are grants; 不予
        // 许可 (第三十八条); 不予受理 (第三十二条); 撤销 (第六十九条).
        Category(.licensingDecision, "grant", "准予许可", aliases: ["准予", "许可", "同意", "批准", "准予行政许可"],
                 order: 1, legalBasis: "《行政许可法》第三十八条"),
        Category(.licensingDecision, "change", "准予变更", aliases: ["变更"], order: 2,
                 legalBasis: "《行政许可法》第四十九条"),
        Category(.licensingDecision, "renew", "准予延续", aliases: ["延续"], order: 3,
                 legalBasis: "《行政许可法》第五十条"),
        Category(.licensingDecision, "refuse", "不予许可", aliases: ["不予", "不予批准", "不予行政许可", "不同意"],
                 order: 4, legalBasis: "《行政许可法》第三十八条"),
        Category(.licensingDecision, "not_accepted", "不予受理", order: 5, legalBasis: "《行政许可法》第三十二条"),
        Category(.disputeKind, "review", "行政复议", aliases: ["复议"], order: 1, legalBasis: "《行政复议法》"),
        Category(.disputeKind, "litigation", "行政诉讼", aliases: ["诉讼", "行政应诉", "应诉"], order: 2,
                 legalBasis: "《行政诉讼法》"),

        // 《行政复议法》 (2017) 第二十八条 and 《行政诉讼法》 第六十九条 to 第七十八条. Which outcomes each
        // kind can have is `DisputeRecord.outcomes(of:)`.
        Category(.disputeOutcome, "upheld", "维持", aliases: ["决定维持", "复议维持"], order: 1),
        Category(.disputeOutcome, "dismissed", "驳回", aliases: ["驳回申请", "驳回诉讼请求", "判决驳回"], order: 2),
        Category(.disputeOutcome, "withdrawn", "撤诉", aliases: ["原告撤诉", "准予撤诉"], order: 3),
        Category(.disputeOutcome, "revoked", "撤销", aliases: ["决定撤销", "判决撤销"], order: 4),
        Category(.disputeOutcome, "changed", "变更", aliases: ["决定变更", "判决变更"], order: 5),
        Category(.disputeOutcome, "confirmed_illegal", "确认违法", aliases: ["确认无效"], order: 6),
        Category(.disputeOutcome, "ordered", "责令履行", aliases: ["履行", "判决履行", "责令限期履行"], order: 7),
        Category(.disputeOutcome, "mediated", "调解和解", aliases: ["调解", "和解"], order: 8),
        Category(.disputeOutcome, "terminated", "终止", aliases: ["复议终止", "终止审理"], order: 9),
        Category(.licensingDecision, "revoke", "撤销许可", aliases: ["撤销", "撤销行政许可"], order: 6,
                 legalBasis: "《行政许可法》第六十九条"),
    ]

    /// Pre-2021 penalty names that cover two types (《行政处罚法》(2017) 第八条 "暂扣或者吊销许可证、
    /// 暂扣或者吊销执照"). They are counted as the lighter type, with a note in the data report.
    static let ambiguousLegacyNames: [LegacyName] = [
        "暂扣或者吊销许可证", "暂扣或吊销许可证", "暂扣或者吊销执照", "暂扣或吊销执照",
    ].map { name in
        LegacyName(
            name: name, code: "suspend_permit",
            note: "\(name) is a pre-2021 name covering both 暂扣许可证件 and 吊销许可证件; "
                + "counted as 暂扣许可证件. If the decision revoked the permit or licence, "
                + "correct the export to 吊销许可证件.")
    }

    private static let penaltyBasis = "《行政处罚法》第九条"
    private static let measureBasis = "《行政强制法》第九条"
    private static let executionBasis = "《行政强制法》第十二条"
    private static let industryTrade = "industry_trade"
}
