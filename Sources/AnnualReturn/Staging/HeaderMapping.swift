/// Which field of an export's rows holds which canonical column, worked out from the header.
///
/// A header matches a column after NFKC, trimming and (for English keys) case-folding, against
/// the configuration's own mapping first, then the column's English key, its Chinese header and
/// the other headers real exports use. Columns nobody maps to (序号, 备注) are ignored.
///
/// A class: every row's check holds the mapping, and a struct's maps and lists were retained
/// one by one at every row.
public final class HeaderMapping: Sendable {
    public let dataset: Dataset
    /// Canonical key → 0-based field index.
    public let fieldIndex: [String: Int]
    /// The header's own text, by field index, for naming fields in diagnostics.
    public let header: [String]
    /// `fieldIndex` as a list with each key's length in UTF-8, for `fieldIndex(of:)`.
    private let columnFields: [(key: String, length: Int, index: Int)]

    init(dataset: Dataset, fieldIndex: [String: Int], header: [String]) {
        self.dataset = dataset
        self.fieldIndex = fieldIndex
        self.header = header
        columnFields = fieldIndex.map { (key: $0.key, length: $0.key.utf8.count, index: $0.value) }
    }

    /// The 0-based field of `column`, nil when the header has none: `fieldIndex[column.key]`
    /// without hashing the key. Staging asks for a dozen columns on every row, and a scan of
    /// a dozen keys that mostly stops at their length costs less than a hash. (Canonical keys
    /// are ASCII, so equal keys have equal lengths.)
    func fieldIndex(of column: CanonicalColumn) -> Int? {
        let key = column.key
        let length = key.utf8.count
        for field in columnFields where field.length == length && field.key == key {
            return field.index
        }
        return nil
    }

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
