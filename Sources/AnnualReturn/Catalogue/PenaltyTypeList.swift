/// Splits the 处罚种类 cell of a penalty decision, which may name several types (并处).
public enum PenaltyTypeList {
    /// The names in `text`, in order, trimmed, without empty parts.
    ///
    /// Separators are 、 ， , ; ； / + (and the full-width ／ ＋), with any whitespace around
    /// them. `警告、罚款` and `罚款 + 没收违法所得` give two names each; the pre-2021 phrase
    /// `没收违法所得、没收非法财物` gives its two types. Names are returned as written: look each
    /// up with `Catalogue.lookup(.penaltyType, _:)`.
    public static func split(_ text: String) -> [String] {
        var parts: [String] = []
        let scalars = text.unicodeScalars
        var partStart = scalars.startIndex
        var index = partStart
        while index < scalars.endIndex {
            let next = scalars.index(after: index)
            if isSeparator(scalars[index]) {
                appendTrimmed(scalars[partStart..<index], to: &parts)
                partStart = next
            }
            index = next
        }
        appendTrimmed(scalars[partStart...], to: &parts)
        return parts
    }

    /// Whether `scalar` separates penalty type names.
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "、", "，", ",", ";", "；", "/", "／", "+", "＋": true
        default: false
        }
    }

    /// Appends `part` without surrounding whitespace, unless nothing is left.
    private static func appendTrimmed(_ part: Substring.UnicodeScalarView, to parts: inout [String]) {
        let trimmed = TextNormalizer.trimmingWhitespace(String(Substring(part)))
        if !trimmed.isEmpty { parts.append(trimmed) }
    }
}
