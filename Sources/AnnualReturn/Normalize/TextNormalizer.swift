import Foundation

/// Unicode clean-up for the text of export cells: names, codes, headers.
///
/// Exports mix full-width and half-width forms (`ＡＢＣ１２３`, `（）`, ideographic spaces), so
/// every comparison of names, codes or headers goes through one of these functions first.
public enum TextNormalizer {
    /// The NFKC normal form of `text`: full-width letters, digits and punctuation become ASCII,
    /// the ideographic space and NBSP become an ASCII space, `①` becomes `1`.
    ///
    /// Text made only of ASCII, CJK unified ideographs and common CJK punctuation is already
    /// in NFKC and comes back unchanged without further work, so this is cheap for most cells;
    /// text that adds only full-width ASCII, ideographic spaces and `￥` is mapped scalar by
    /// scalar (`widthFolded`). Only other text goes through Foundation.
    public static func nfkc(_ text: String) -> String {
        if isKnownNFKC(text) { return text }
        if let folded = widthFolded(text) { return folded }
        return generalNFKC(text)
    }

    /// NFKC by Foundation, for any text.
    static func generalNFKC(_ text: String) -> String {
        // Foundation's compatibility mapping leaves a combining mark that the mapping itself
        // produced uncomposed (half-width ｶﾞ gives カ + U+3099 rather than ガ). Its output is
        // canonically equivalent to the NFKD form, so a canonical composition pass on top
        // yields exactly NFKC.
        text.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
    }

    /// A name or code for comparison: NFKC, then every whitespace character removed.
    ///
    /// Removes every Unicode White_Space character (ASCII space, tab, CR, LF, NBSP, the
    /// ideographic space and the rest) and the invisible zero-width space, word joiner and
    /// byte order mark, which copy-and-paste leaves inside names. `华东 化工\u{3000}有限公司`
    /// becomes `华东化工有限公司`.
    public static func compact(_ text: String) -> String {
        // Most cells are already NFKC, so only their ASCII whitespace can go: decided on the
        // bytes, and the text itself comes back when there is none.
        let knownCompact = text.utf8.withContiguousStorageIfAvailable { buffer -> String? in
            let bytes = UnsafeRawBufferPointer(buffer)
            guard isKnownNFKC(utf8: bytes) else { return nil }
            return containsASCIIWhitespace(bytes) ? string(removingASCIIWhitespaceFrom: bytes) : text
        } ?? nil
        if let knownCompact { return knownCompact }
        let normalised = nfkc(text)
        guard normalised.unicodeScalars.contains(where: isRemovedByCompact) else { return normalised }
        var scalars = String.UnicodeScalarView()
        for scalar in normalised.unicodeScalars where !isRemovedByCompact(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// The key a column header is matched by: NFKC, trimmed, lower-cased.
    ///
    /// Trimming removes leading and trailing whitespace of every kind (the ideographic space
    /// included) and a stray byte order mark; inner spaces are kept. `罚款金额（元）` and
    /// `罚款金额(元)` both give `罚款金额(元)`; ` Fine_Amount ` gives `fine_amount`. Lower-casing
    /// is Unicode's full lower-case mapping, which for the Latin letters of English headers is
    /// the same as case folding.
    public static func headerKey(_ text: String) -> String {
        trimmingWhitespace(nfkc(text)).lowercased()
    }

    /// A unified social credit code in the form it is compared and checked in: `compact`, then
    /// upper-cased.
    ///
    /// `９１３５ 0100m000100y43` becomes `91350100M000100Y43`. The result is not checked; see
    /// `CreditCodeCheck`.
    public static func creditCode(_ text: String) -> String {
        compact(text).uppercased()
    }

    // MARK: - Scalar classes

    /// Whether every scalar of `text` is one NFKC leaves alone and that never combines with its
    /// neighbours, so that the whole text is already in NFKC.
    static func isKnownNFKC(_ text: String) -> Bool {
        if let known = text.utf8.withContiguousStorageIfAvailable({ isKnownNFKC(utf8: UnsafeRawBufferPointer($0)) }) {
            return known
        }
        return text.unicodeScalars.allSatisfy { isKnownNFKC(scalarValue: $0.value) }
    }

    /// Whether NFKC leaves the scalar `value` alone and it never combines with its neighbours.
    ///
    /// Every scalar admitted is ASCII or encoded in three UTF-8 bytes; `isKnownNFKC(utf8:)`
    /// relies on that.
    static func isKnownNFKC(scalarValue value: UInt32) -> Bool {
        switch value {
        case 0x00...0x7F: true          // ASCII
        case 0x4E00...0x9FFF: true      // CJK unified ideographs (the compatibility ones are elsewhere)
        case 0x3001...0x3003: true      // 、 。 〃
        case 0x3008...0x3011: true      // 〈〉《》「」『』【】
        case 0x3014...0x3017: true      // 〔〕〖〗, as in decision numbers 示应急罚〔2021〕1号
        case 0x2014, 0x2018, 0x2019, 0x201C, 0x201D: true  // — ‘ ’ “ ”
        case 0x221A: true               // √, a yes in yes/no columns
        default: false
        }
    }

    /// Whether `compact` drops `scalar`.
    static func isRemovedByCompact(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B, 0x2060, 0xFEFF: true  // zero-width space, word joiner, byte order mark
        default: isWhitespace(scalar)
        }
    }

    /// Unicode's White_Space property, spelt out: it runs for every character of every cell,
    /// and the general property lookup costs more than the whole rest of staging.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            true
        default:
            false
        }
    }

    /// `text` without whitespace of any kind, or byte order marks, at either end.
    static func trimmingWhitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }

    /// Whether `trimmingWhitespace` drops `scalar` from either end.
    private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0xFEFF || isWhitespace(scalar)
    }
}
