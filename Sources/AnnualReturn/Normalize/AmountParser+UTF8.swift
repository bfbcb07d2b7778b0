/// `AmountParser` straight from a cell's UTF-8 bytes.
///
/// A cell already in NFKC (`TextNormalizer.isKnownNFKC`) — `1,000.00`, `1000元`, `1.5万元` — is
/// parsed on its bytes with the grammar of `parse(_:)`, accumulating fen as it reads the
/// digits. Any other cell (full-width digits, `￥`, `¥`) goes through `parse(_:)`, so the result
/// is always exactly `parse(String(decoding: bytes, as: UTF8.self))`.
extension AmountParser {
    /// Parses one cell given as UTF-8; the same result as `parse(_:)` on its text.
    static func parse(utf8 bytes: UnsafeRawBufferPointer) -> AmountParseResult {
        guard TextNormalizer.isKnownNFKC(utf8: bytes) else {
            return parse(String(decoding: bytes, as: UTF8.self))
        }
        var scanner = UTF8Scanner(bytes)
        // Text already in NFKC has no whitespace beyond ASCII.
        scanner.trimASCIIWhitespace()
        if scanner.isAtEnd { return .empty }
        guard let fen = parseAmount(&scanner) else { return .invalid }
        return .amount(fen)
    }

    private static let wanyuan = Array("万元".utf8)
    private static let wan = Array("万".utf8)
    private static let yuan = Array("元".utf8)

    /// `parseAmount` of the scalar grammar, on bytes. The currency sign is not looked for: `¥`
    /// is not ASCII, so a cell holding one never takes this path.
    private static func parseAmount(_ scanner: inout UTF8Scanner) -> Fen? {
        // Decimal places of the number that make one fen: 2 for yuan, 6 for wanyuan.
        let fenPlaces: Int
        if scanner.dropSuffix(wanyuan) || scanner.dropSuffix(wan) {
            fenPlaces = 6
        } else {
            _ = scanner.dropSuffix(yuan)
            fenPlaces = 2
        }
        scanner.trimASCIIWhitespace()

        let negative = scanner.take(UInt8(ascii: "-"))
        if !negative { _ = scanner.take(UInt8(ascii: "+")) }

        // Fen are accumulated digit by digit: the whole part, then the fraction up to a fen,
        // then zeros for the places the fraction leaves out. Every failure, overflow included,
        // makes the cell invalid, so the first one ends the reading.
        var magnitude: Int64 = 0
        let firstGroup = scanner.digits()
        guard append(firstGroup, count: firstGroup.count, to: &magnitude) else { return nil }
        var wholeCount = firstGroup.count
        // Thousands commas stand between digits only.
        while scanner.take(UInt8(ascii: ",")) {
            let group = scanner.digits()
            guard wholeCount > 0, !group.isEmpty, append(group, count: group.count, to: &magnitude) else { return nil }
            wholeCount += group.count
        }
        var fractionCount = 0
        if scanner.take(UInt8(ascii: ".")) {
            let fraction = scanner.digits()
            fractionCount = fraction.count
            // Fraction digits past a fen must all be zero.
            for offset in min(fenPlaces, fraction.count)..<fraction.count where fraction.digit(at: offset) != 0 {
                return nil
            }
            guard append(fraction, count: min(fenPlaces, fraction.count), to: &magnitude) else { return nil }
        }
        guard wholeCount + fractionCount > 0, scanner.isAtEnd else { return nil }
        for _ in fractionCount..<max(fractionCount, fenPlaces) {
            let (shifted, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            magnitude = shifted
        }
        return Fen(negative ? -magnitude : magnitude)
    }

    /// Appends the first `count` digits of `run` to `magnitude` in decimal; false on overflow.
    private static func append(_ run: UTF8Scanner.DigitRun, count: Int, to magnitude: inout Int64) -> Bool {
        for offset in 0..<count {
            let (shifted, overflowShift) = magnitude.multipliedReportingOverflow(by: 10)
            let (added, overflowAdd) = shifted.addingReportingOverflow(Int64(run.digit(at: offset)))
            guard !overflowShift, !overflowAdd else { return false }
            magnitude = added
        }
        return true
    }
}
