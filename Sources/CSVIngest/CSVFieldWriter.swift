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
        var field = field
        field.withUTF8 { source in
            // A quoted field is at most twice as long plus its two quotes. The field is quoted
            // in scratch space (on the stack when small), not in two arrays made per field:
            // rejects.csv writes nine fields for every problem.
            let capacity = source.count * 2 + 2
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { quoted in
                let written = csv_write(quoted.baseAddress, capacity, source.baseAddress, source.count)
                output.append(contentsOf: UnsafeBufferPointer(rebasing: quoted[..<written]))
            }
        }
    }
}
