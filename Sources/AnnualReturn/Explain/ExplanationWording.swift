/// The Chinese phrases explanations are made of: one place for how a record, a category or an
/// amount is named, so every figure says it the same way.
enum ExplanationWording {
    /// The official name of a category, or its code when the catalogue has no such category.
    static func name(_ kind: CategoryKind, _ code: String) -> String {
        Catalogue.category(kind, code: code)?.name ?? code
    }

    /// An inspection or patrol: `检查 · 专项检查` or `执法巡查`.
    static func inspection(_ record: InspectionRecord) -> String {
        record.isPatrol ? "执法巡查" : "检查 · \(name(.inspectionKind, record.kind))"
    }

    /// A case's penalty types by their names, lightest first: `警告+罚款`.
    static func penaltyTypes(_ record: PenaltyRecord) -> String {
        record.penaltyTypes.map { name(.penaltyType, $0) }.joined(separator: "+")
    }

    /// A penalty decision: `处罚决定 · 警告+罚款`.
    static func penalty(_ record: PenaltyRecord) -> String {
        "处罚决定 · \(penaltyTypes(record))"
    }

    /// An enforcement action: `查封场所、设施或者财物（行政强制措施）`.
    static func action(_ record: EnforcementRecord) -> String {
        let kind = Catalogue.category(record.isMeasure ? .enforcementMeasure : .enforcementExecution,
                                      code: record.kind)?.name ?? record.kind
        return "\(kind)（\(actionClass(record))）"
    }

    /// 行政强制措施 or 行政强制执行.
    static func actionClass(_ record: EnforcementRecord) -> String {
        record.isMeasure ? "行政强制措施" : "行政强制执行"
    }

    /// An amount in 元 with thousands separators: `5,000.00 元`.
    static func yuan(_ amount: Fen) -> String { "\(NumberText.yuan(amount)) 元" }

    /// A month, marked when it is a lockdown month: `2022-03（停工月份，照实统计）`.
    static func month(_ month: YearMonth, lockdown: Set<YearMonth>) -> String {
        lockdown.contains(month) ? "\(month)（停工月份，照实统计）" : month.description
    }

    /// A quarter: `2022 年第 1 季度`.
    static func quarter(_ quarter: Int, of year: Int) -> String { "\(year) 年第 \(quarter) 季度" }

    /// Up to `limit` records as `KEY（date）`, joined with 、 and closed with 等 when cut.
    static func list(_ entries: [ExplanationEntry], limit: Int = 10) -> String {
        let shown = entries.prefix(limit).map { entry in
            entry.date.map { "\(entry.key)（\($0)）" } ?? entry.key
        }
        return shown.joined(separator: "、") + (entries.count > limit ? "等" : "")
    }
}
