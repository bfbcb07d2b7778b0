/// Writes records as JSON Lines, `{"row": N, "fields": ["…", …]}`, straight from their bytes.
///
/// Accepted records are valid UTF-8, so only the characters JSON requires are escaped:
/// quote, backslash and control characters; everything else is copied byte for byte.
public enum JSONLines {
    /// Appends one line for `record`, newline included.
    public static func append(_ record: CSVRecord, to output: inout [UInt8]) {
        output.append(contentsOf: #"{"row": "#.utf8)
        output.append(contentsOf: String(record.row).utf8)
        output.append(contentsOf: #", "fields": ["#.utf8)
        var start = 0
        for (index, end) in record.fieldEnds.enumerated() {
            if index > 0 { output.append(contentsOf: ", ".utf8) }
            appendString(record.bytes[start..<end], to: &output)
            start = end
        }
        output.append(contentsOf: "]}\n".utf8)
    }

    /// Appends `bytes` (valid UTF-8) as a JSON string literal.
    public static func appendString(_ bytes: some Collection<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
            case 0x0A: output.append(contentsOf: #"\n"#.utf8)
            case 0x0D: output.append(contentsOf: #"\r"#.utf8)
            case 0x09: output.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                output.append(contentsOf: #"\u00"#.utf8)
                let digits = Array("0123456789abcdef".utf8)
                output.append(digits[Int(byte >> 4)])
                output.append(digits[Int(byte & 0xF)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
