import CLibCSV

/// Writes CSV fields with libcsv's own quoting (`csv_write`): every field quoted, quotes
/// doubled, so what the reader reads back is exactly what was written.
public enum CSVFieldWriter {
    /// Appends `fields` as one record, comma-separated, ended by CRLF (what Excel writes).
    public static func appendRecord(_ fields: [String], to output: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            appendField(field, to: &output)
        }
        output.append(contentsOf: [0x0D, 0x0A])
    }

    /// Appends one quoted field.
    public static func appendField(_ field: String, to output: inout [UInt8]) {
        var source = Array(field.utf8)
        // A quoted field is at most twice as long plus its two quotes.
        var quoted = [UInt8](repeating: 0, count: source.count * 2 + 2)
        let written = source.withUnsafeMutableBytes { src in
            quoted.withUnsafeMutableBytes { dest in
                csv_write(dest.baseAddress, dest.count, src.baseAddress, src.count)
            }
        }
        output.append(contentsOf: quoted.prefix(written))
    }
}
