/// The answer to "where does this number come from?" for one figure of figures.json: the rule
/// that makes it, what lies behind it (records, distinct enterprises, months, files or rows),
/// and the total those add up to — which must equal the figure.
///
/// The explanation is computed from the run's counted records by restating each figure's rule,
/// apart from the tallies that made the figure; `isConsistent` compares the two, so an
/// explanation that does not add up is noticed instead of shown as if it did.
public struct FigureExplanation: Sendable, Equatable {
    /// The figure id, as in figures.json.
    public var id: String
    /// The figure's value, as in figures.json.
    public var value: FigureValue
    /// The rule in one line of Chinese, for the bureau and the justice bureau.
    public var ruleChinese: String
    /// The same rule in one line of English.
    public var ruleEnglish: String
    /// The unit one entry counts in (件, 家次, 家, 项, 行 …); 元 for money.
    public var unit: String
    /// What lies behind the figure, in the order the records were read.
    public var entries: [ExplanationEntry]
    /// What the entries add up to.
    public var total: ExplanationTotal
    /// Things an auditor should know that are not entries: records left out and why.
    public var notes: [String]

    /// Makes an explanation; the total is normally computed with `ExplanationTotal.init`.
    public init(id: String, value: FigureValue, ruleChinese: String, ruleEnglish: String, unit: String,
                entries: [ExplanationEntry], total: ExplanationTotal, notes: [String] = []) {
        self.id = id
        self.value = value
        self.ruleChinese = ruleChinese
        self.ruleEnglish = ruleEnglish
        self.unit = unit
        self.entries = entries
        self.total = total
        self.notes = notes
    }

    /// The figure as the entries give it; nil when the figure is a statement that no entries
    /// add up to (the meta figures).
    public var recomputedValue: FigureValue? { total.value }

    /// True when the entries add up to the figure (always true for statements).
    public var isConsistent: Bool { recomputedValue.map { $0 == value } ?? true }

    /// The closing line: what the entries add up to and that it equals the figure, e.g.
    /// `合计：3 件，罚款 23,200.50 元 = penalties.fines_yuan 23200.50（相符）`.
    public var footer: String {
        let shown = "\(id) \(value)"
        let verdict = isConsistent ? "（相符）" : "（不符：明细合计为 \(recomputedValue?.description ?? "—")，请报告此问题）"
        switch total {
        case .count(let count):
            return "合计：\(NumberText.count(count)) \(unit) = \(shown)\(verdict)"
        case .money(let entries, let sum, let wanyuan):
            let amount = wanyuan ? "\(NumberText.yuan(sum)) 元，折合 \(sum.wanyuanString) 万元（四舍五入）"
                                 : "\(NumberText.yuan(sum)) 元"
            return "合计：\(NumberText.count(entries)) 件，\(amount) = \(shown)\(verdict)"
        case .rate(let numerator, let denominator):
            let rate = Ratio.percent(numerator, of: denominator).map { "\($0)%" } ?? "无（分母为 0）"
            return "合计：\(NumberText.count(numerator)) \(unit) / \(NumberText.count(denominator)) \(unit) = \(rate) = \(shown)\(verdict)"
        case .average(let total, let months):
            let average = Ratio.average(total, over: months) ?? "无（没有正常月份）"
            return "合计：\(NumberText.count(total)) \(unit) / \(months) 个正常月份 = \(average) = \(shown)\(verdict)"
        case .statement(let source):
            return "来源：\(source)"
        }
    }
}
