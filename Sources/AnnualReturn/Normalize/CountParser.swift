/// Reads the whole-number cells of exports: hazards found and rectified, irregularities.
///
/// After NFKC (so full-width digits count) and trimming of surrounding whitespace, a count is
/// what `Int(_:)` reads: an optional `+` or `-` and decimal digits, within `Int`'s range.
/// Negative counts parse; validation rejects them with its own message.
enum CountParser {
    /// What a count cell holds.
    enum Result: Equatable {
        /// Empty or whitespace only.
        case empty
        case count(Int)
        /// Not a whole number.
        case invalid
    }

    /// Parses one cell.
    static func parse(_ text: String) -> Result {
        let trimmed = TextNormalizer.trimmingWhitespace(TextNormalizer.nfkc(text))
        if trimmed.isEmpty { return .empty }
        return Int(trimmed).map(Result.count) ?? .invalid
    }

    /// Parses one cell given as UTF-8; the same result as `parse(_:)` on its text.
    ///
    /// A cell already in NFKC (`TextNormalizer.isKnownNFKC`) is read on its bytes; any other
    /// goes through `parse(_:)`.
    static func parse(utf8 bytes: UnsafeRawBufferPointer) -> Result {
        guard TextNormalizer.isKnownNFKC(utf8: bytes) else {
            return parse(String(decoding: bytes, as: UTF8.self))
        }
        // Text already in NFKC has no whitespace beyond ASCII.
        let trimmed = TextNormalizer.trimmingASCIIWhitespace(bytes)
        guard let first = trimmed.first else { return .empty }
        let negative = first == UInt8(ascii: "-")
        let digits = negative || first == UInt8(ascii: "+") ? trimmed.dropFirst() : trimmed[...]
        guard !digits.isEmpty else { return .invalid }
        // Accumulated with the sign so that Int.min, which `Int(_:)` reads, is reachable.
        var value = 0
        for byte in digits {
            guard (0x30...0x39).contains(byte) else { return .invalid }
            let digit = Int(byte - 0x30)
            let (shifted, overflowShift) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowAdd) = negative ? shifted.subtractingReportingOverflow(digit)
                                               : shifted.addingReportingOverflow(digit)
            guard !overflowShift, !overflowAdd else { return .invalid }
            value = next
        }
        return .count(value)
    }
}
