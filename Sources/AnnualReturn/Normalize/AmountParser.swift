/// Reads the money amounts of export cells into exact fen.
///
/// Accepted, after NFKC (so full-width digits, `，`, `．` and `￥` count as their ASCII or
/// half-width forms) and trimming of surrounding whitespace:
/// - an optional sign `-` or `+`, before or after an optional currency sign `¥` (spaces may
///   follow the currency sign);
/// - a decimal number: digits with optional thousands commas in the whole part (they are
///   dropped wherever they stand between digits), and an optional fraction after `.`;
/// - an optional unit, with or without spaces before it: `元` (the default), or `万` / `万元`,
///   which multiply by 10,000.
///
/// The value must be a whole number of fen: `1000.500` is fine, `1000.505` is `.invalid`; in
/// wanyuan six decimals reach the fen, so `1.234567万` (12345.67 yuan) is fine while
/// `1.2345678万` is not. Arithmetic is on integers
/// only. Negative amounts parse (validation rejects them with a clearer message than
/// "not an amount").
public enum AmountParser {
    /// Parses one cell; `.empty` for empty or whitespace-only text.
    public static func parse(_ text: String) -> AmountParseResult {
        var scanner = ScalarScanner(TextNormalizer.nfkc(text))
        scanner.trimWhitespace()
        if scanner.isAtEnd { return .empty }
        guard let fen = parseAmount(&scanner) else { return .invalid }
        return .amount(fen)
    }

    /// Parses a whole trimmed, non-empty cell; nil when it is not an amount.
    private static func parseAmount(_ scanner: inout ScalarScanner) -> Fen? {
        // Decimal places of the number that make one fen: 2 for yuan, 6 for wanyuan.
        let fenPlaces: Int
        if scanner.dropSuffix("万元") || scanner.dropSuffix("万") {
            fenPlaces = 6
        } else {
            _ = scanner.dropSuffix("元")
            fenPlaces = 2
        }
        scanner.trimWhitespace()

        var negative = readSign(&scanner)
        if scanner.take("¥") {
            _ = scanner.skipSpaces()
            if let signAfterCurrency = readSign(&scanner) {
                guard negative == nil else { return nil }
                negative = signAfterCurrency
            }
        }

        let whole = wholeDigits(&scanner)
        var fraction: [UInt8] = []
        if scanner.take(".") {
            fraction = scanner.digits()
        }
        guard let whole, !(whole.isEmpty && fraction.isEmpty), scanner.isAtEnd else { return nil }

        // Fraction digits past a fen must all be zero.
        guard fraction.dropFirst(fenPlaces).allSatisfy({ $0 == 0 }) else { return nil }
        let fenDigits = whole + fraction.prefix(fenPlaces)
            + Array(repeating: 0, count: max(0, fenPlaces - fraction.count))
        var magnitude: Int64 = 0
        for digit in fenDigits {
            let (shifted, overflowShift) = magnitude.multipliedReportingOverflow(by: 10)
            let (added, overflowAdd) = shifted.addingReportingOverflow(Int64(digit))
            guard !overflowShift, !overflowAdd else { return nil }
            magnitude = added
        }
        return Fen(negative == true ? -magnitude : magnitude)
    }

    /// Consumes a sign: true for `-`, false for `+`, nil when there is none.
    private static func readSign(_ scanner: inout ScalarScanner) -> Bool? {
        if scanner.take("-") { return true }
        if scanner.take("+") { return false }
        return nil
    }

    /// Consumes the whole part of a number, dropping commas that stand between digits; nil when
    /// a comma stands anywhere else (leading, trailing, doubled).
    private static func wholeDigits(_ scanner: inout ScalarScanner) -> [UInt8]? {
        var digits = scanner.digits()
        while scanner.take(",") {
            let group = scanner.digits()
            guard !digits.isEmpty, !group.isEmpty else { return nil }
            digits += group
        }
        return digits
    }
}
