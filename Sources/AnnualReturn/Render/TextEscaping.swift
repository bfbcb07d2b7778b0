/// Making text that came from input safe for the format it is written into.
public enum TextEscaping {
    /// Text for a Markdown table cell or line: Markdown's active characters backslash-escaped,
    /// `|` escaped, line breaks turned into spaces, `<` and `&` as entities so no HTML gets
    /// through a Markdown viewer.
    ///
    /// Every character it changes is ASCII, so it works on the UTF-8 bytes: the data report
    /// escapes several cells for each of possibly hundreds of thousands of listed rows, and
    /// most cells need nothing.
    public static func markdown(_ text: String) -> String {
        withUTF8Bytes(of: text) { bytes in
            guard let first = bytes.firstIndex(where: { markdownActive[Int($0)] }) else { return text }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 8)
            output.append(contentsOf: bytes[..<first])
            var index = first
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "\r"):
                    // CR LF is one line break, one space.
                    if index < bytes.count && bytes[index] == UInt8(ascii: "\n") { index += 1 }
                    output.append(UInt8(ascii: " "))
                case UInt8(ascii: "\n"): output.append(UInt8(ascii: " "))
                case _ where markdownActive[Int(byte)]:
                    output.append(UInt8(ascii: "\\"))
                    output.append(byte)
                default: output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The bytes `markdown` changes: Markdown's active characters, the HTML ones, line breaks.
    private static let markdownActive: [Bool] = (0..<256).map { byte in
        "\\`*_[]#|~!<>&\r\n".utf8.contains(UInt8(byte))
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
