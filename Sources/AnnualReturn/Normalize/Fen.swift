/// An amount of money in fen (分), the unit every amount is kept, summed and compared in.
///
/// 1 yuan (元) is 100 fen; 1 wanyuan (万元) is 1,000,000 fen. Amounts stay exact integers from
/// parsing to display and are rounded only when shown. The Codable form is the integer number
/// of fen.
public struct Fen: Hashable, Comparable, Sendable, Codable, AdditiveArithmetic, CustomStringConvertible {
    /// The amount in fen; negative for a negative amount.
    public var value: Int64

    /// Makes an amount of `value` fen.
    public init(_ value: Int64) {
        self.value = value
    }

    /// No money.
    public static var zero: Fen { Fen(0) }

    /// The amount in yuan with exactly two decimals and no grouping: 123456 fen is `"1234.56"`,
    /// -50 fen is `"-0.50"`.
    public var yuanString: String {
        Fen.decimalString(negative: value < 0, hundredths: value.magnitude)
    }

    /// The amount in wanyuan (万元) with two decimals, rounded half-up (away from zero).
    ///
    /// 1234567 fen (12345.67 yuan) is `"1.23"`; 1235000 fen is `"1.24"`; -1235000 fen is
    /// `"-1.24"`. An amount that rounds to zero is `"0.00"`, never `"-0.00"`.
    public var wanyuanString: String {
        // Hundredths of a wanyuan are units of 10,000 fen.
        let (units, remainder) = value.magnitude.quotientAndRemainder(dividingBy: 10_000)
        let rounded = remainder >= 5_000 ? units + 1 : units
        return Fen.decimalString(negative: value < 0 && rounded > 0, hundredths: rounded)
    }

    /// The amount in yuan, as `yuanString`.
    public var description: String { yuanString }

    /// The sum; traps on overflow, which no real amount reaches.
    public static func + (lhs: Fen, rhs: Fen) -> Fen { Fen(lhs.value + rhs.value) }

    /// The difference; traps on overflow, which no real amount reaches.
    public static func - (lhs: Fen, rhs: Fen) -> Fen { Fen(lhs.value - rhs.value) }

    /// Orders amounts by value.
    public static func < (lhs: Fen, rhs: Fen) -> Bool { lhs.value < rhs.value }

    /// Decodes an integer number of fen.
    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(Int64.self)
    }

    /// Encodes the integer number of fen.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// `hundredths` / 100 with two decimals, signed.
    private static func decimalString(negative: Bool, hundredths: UInt64) -> String {
        let (whole, fraction) = hundredths.quotientAndRemainder(dividingBy: 100)
        return (negative ? "-" : "") + String(whole) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }
}
