/// The value of one figure in `figures.json`: counts are integers, money a string with exactly
/// two decimals, rates a percent string with one decimal (or null when the denominator is 0).
public enum FigureValue: Sendable, Equatable, CustomStringConvertible {
    case integer(Int)
    case text(String)
    case texts([String])
    case null

    public var description: String {
        switch self {
        case .integer(let value): return String(value)
        case .text(let value): return value
        case .texts(let values): return values.joined(separator: ", ")
        case .null: return "—"
        }
    }

    /// The integer, when this is a count.
    public var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }
}

/// Percentages and averages as DOMAIN writes them: one decimal, rounded half-up, computed in
/// integers so no binary fraction can tip a rounding.
public enum Ratio {
    /// `part / whole` as a percent with one decimal ("97.5"); nil when `whole` is 0.
    public static func percent(_ part: Int, of whole: Int) -> String? {
        guard whole != 0 else { return nil }
        return tenths(numerator: part * 1000, denominator: whole)
    }

    /// `total / count` with one decimal; nil when `count` is 0.
    public static func average(_ total: Int, over count: Int) -> String? {
        guard count != 0 else { return nil }
        return tenths(numerator: total * 10, denominator: count)
    }

    /// numerator/denominator, a number of tenths, rounded half-up and written "x.y".
    private static func tenths(numerator: Int, denominator: Int) -> String {
        let negative = (numerator < 0) != (denominator < 0) && numerator != 0
        let n = abs(numerator), d = abs(denominator)
        let rounded = (2 * n + d) / (2 * d)
        return (negative ? "-" : "") + "\(rounded / 10).\(rounded % 10)"
    }
}
