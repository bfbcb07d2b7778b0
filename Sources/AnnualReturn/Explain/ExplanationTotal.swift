/// What the entries of an explanation add up to, by the kind of figure.
public enum ExplanationTotal: Sendable, Equatable {
    /// A count or a sum of numbers.
    case count(Int)
    /// An amount of money over some cases, shown in 元 or, when `wanyuan`, in 万元.
    case money(entries: Int, sum: Fen, wanyuan: Bool)
    /// A percentage: numerator over denominator.
    case rate(numerator: Int, denominator: Int)
    /// A monthly average: records of the months used over their number.
    case average(total: Int, months: Int)
    /// A value taken from somewhere rather than counted; the text says where.
    case statement(source: String)

    /// The figure as figures.json writes it; nil for a statement.
    public var value: FigureValue? {
        switch self {
        case .count(let count):
            return .integer(count)
        case .money(_, let sum, let wanyuan):
            return .text(wanyuan ? sum.wanyuanString : sum.yuanString)
        case .rate(let numerator, let denominator):
            return Ratio.percent(numerator, of: denominator).map(FigureValue.text) ?? .null
        case .average(let total, let months):
            return Ratio.average(total, over: months).map(FigureValue.text) ?? .null
        case .statement:
            return nil
        }
    }
}
