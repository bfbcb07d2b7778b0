/// Making text that came from input safe for the format it is written into.
public enum TextEscaping {
    /// Text for a Markdown table cell or line: Markdown's active characters backslash-escaped,
    /// `|` escaped, line breaks turned into spaces, `<` and `&` as entities so no HTML gets
    /// through a Markdown viewer.
    public static func markdown(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "#", "|", "~", "!":
                output.append("\\")
                output.append(character)
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\n", "\r", "\r\n": output += " "
            default: output.append(character)
            }
        }
        return output
    }

    /// A spreadsheet cell that would start a formula (= + - @, tab, CR, LF, and their
    /// full-width forms) gets a leading apostrophe, so Excel and WPS show it as text.
    public static func spreadsheetCell(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        switch first {
        case "=", "+", "-", "@", "\t", "\r", "\n", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}":
            return "'" + text
        default:
            return text
        }
    }
}

/// How numbers are written for people: thousands separators on money, exact decimals.
public enum NumberText {
    /// 1234567 fen → "12,345.67".
    public static func yuan(_ fen: Fen) -> String { groupThousands(fen.yuanString) }

    /// An integer with thousands separators.
    public static func count(_ value: Int) -> String { groupThousands(String(value)) }

    static func groupThousands(_ number: String) -> String {
        var sign = ""
        var digits = Substring(number)
        if digits.hasPrefix("-") { sign = "-"; digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        return sign + integer + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }
}
