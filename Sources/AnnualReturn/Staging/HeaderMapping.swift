/// Which field of an export's rows holds which canonical column, worked out from the header.
///
/// A header matches a column after NFKC, trimming and (for English keys) case-folding, against
/// the configuration's own mapping first, then the column's English key, its Chinese header and
/// the other headers real exports use. Columns nobody maps to (序号, 备注) are ignored.
public struct HeaderMapping: Sendable {
    public let dataset: Dataset
    /// Canonical key → 0-based field index.
    public let fieldIndex: [String: Int]
    /// The header's own text, by field index, for naming fields in diagnostics.
    public let header: [String]

    /// Maps `header`; returns the required columns that no header field matched, if any.
    public static func build(dataset: Dataset, header: [String],
                             extra: [String: String]) -> Result<HeaderMapping, MissingColumns> {
        var byHeaderKey: [String: String] = [:]
        for column in dataset.columns {
            for name in [column.key, column.header] + column.otherHeaders {
                let key = TextNormalizer.headerKey(name)
                if byHeaderKey[key] == nil { byHeaderKey[key] = column.key }
            }
        }
        var fieldIndex: [String: Int] = [:]
        for (index, text) in header.enumerated() {
            let key = TextNormalizer.headerKey(text)
            guard let canonical = extra[key] ?? byHeaderKey[key] else { continue }
            if fieldIndex[canonical] == nil { fieldIndex[canonical] = index }
        }
        let missing = dataset.requiredColumns.filter { fieldIndex[$0.key] == nil }
        guard missing.isEmpty else { return .failure(MissingColumns(columns: missing, headersFound: header)) }
        return .success(HeaderMapping(dataset: dataset, fieldIndex: fieldIndex, header: header))
    }

    /// Required columns the header lacks, and what it has instead.
    public struct MissingColumns: Error, Sendable {
        public var columns: [CanonicalColumn]
        public var headersFound: [String]

        public var message: String {
            let wanted = columns.map { "\($0.key) (\($0.header))" }.joined(separator: ", ")
            let found = headersFound.map { "\"\($0)\"" }.joined(separator: ", ")
            return "the header has no column for \(wanted); the headers found are \(found); map one with `columns:` in the configuration"
        }
    }
}
